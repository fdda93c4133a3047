// What every page filters by and the simulator needs, one row per handoff (layout: src/lib/core/extract.ts), written by DuckDB.
import {storedExtractFile} from "../../loaders/site/extract-files.js";
import {runPageLoader} from "../../loaders/site/run-loader.js";

await runPageLoader("handoffs.parquet", async ({db, summary}) => storedExtractFile(db, summary, "handoffs.parquet"));
