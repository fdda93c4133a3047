// What the timing, campaign, conversion and scorecard pages chart, in handoffs.parquet's row order (layout: src/lib/extract.ts), written by DuckDB.
import {storedExtractFile} from "../../loaders/extract.ts";
import {runPageLoader} from "../../loaders/run-loader.ts";

await runPageLoader("handoff-details.parquet", async ({db, summary}) => storedExtractFile(db, summary, "handoff-details.parquet"));
