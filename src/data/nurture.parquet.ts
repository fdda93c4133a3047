// How leads climb the ladder in nurture, one row per lead, for the simulator (layout: src/lib/extract.ts), written by DuckDB.
import {storedExtractFile} from "../../loaders/extract.ts";
import {runPageLoader} from "../../loaders/run-loader.ts";

await runPageLoader("nurture.parquet", async ({db, summary}) => storedExtractFile(db, summary, "nurture.parquet"));
