// What the timing, campaign, conversion and scorecard pages chart, in handoffs.parquet's row order (layout: src/lib/core/extract.ts), written by DuckDB.
import {modelPageData} from "../../loaders/site/page-data.js";
import {runPageLoader} from "../../loaders/site/run-loader.js";

await runPageLoader("handoff-details.parquet", modelPageData["handoff-details.parquet"]);
