// Pseudonymous lead IDs in handoffs.parquet's row order, fetched only for drill-down lists (layout: src/lib/extract.ts), written by DuckDB.
import {storedExtractFile} from "../../loaders/extract.ts";
import {runPageLoader} from "../../loaders/run-loader.ts";

await runPageLoader("handoff-ids.parquet", async ({db, summary}) => storedExtractFile(db, summary, "handoff-ids.parquet"));
