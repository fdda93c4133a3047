// What every page filters by and the simulator needs, one row per handoff (layout: src/lib/extract.ts), written by DuckDB.
import {storedExtractFile} from "../../loaders/extract.ts";
import {runPageLoader} from "../../loaders/run-loader.ts";

await runPageLoader("handoffs.parquet", async ({db, summary}) => storedExtractFile(db, summary, "handoffs.parquet"));
