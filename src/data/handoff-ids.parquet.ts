// Pseudonymous lead IDs in handoffs.parquet's row order, fetched only for drill-down lists (layout: src/lib/core/extract.ts), written by DuckDB.
import {storedExtractFile} from "../../loaders/site/extract-files.js";
import {runPageLoader} from "../../loaders/site/run-loader.js";

await runPageLoader("handoff-ids.parquet", async ({db, summary}) => storedExtractFile(db, summary, "handoff-ids.parquet"));
