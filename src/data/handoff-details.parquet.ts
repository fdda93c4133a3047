// What the timing, campaign, conversion and scorecard pages chart, in handoffs.parquet's row order (layout: src/lib/core/extract.ts), written by DuckDB.
import {storedExtractFile} from "../../loaders/site/extract-files.js";
import {runPageLoader} from "../../loaders/site/run-loader.js";

await runPageLoader("handoff-details.parquet", async ({db, summary}) => storedExtractFile(db, summary, "handoff-details.parquet"));
