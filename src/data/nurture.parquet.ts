// How leads climb the ladder in nurture, one row per lead, for the simulator (layout: src/lib/core/extract.ts), written by DuckDB.
import {storedExtractFile} from "../../loaders/site/extract-files.js";
import {runPageLoader} from "../../loaders/site/run-loader.js";

await runPageLoader("nurture.parquet", async ({db, summary}) => storedExtractFile(db, summary, "nurture.parquet"));
