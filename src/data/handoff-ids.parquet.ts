// Pseudonymous lead IDs in handoffs.parquet's row order, fetched only for drill-down lists (layout: src/lib/core/extract.ts), written by DuckDB.
import {modelPageData} from "../../loaders/site/page-data.js";
import {runPageLoader} from "../../loaders/site/run-loader.js";

await runPageLoader("handoff-ids.parquet", modelPageData["handoff-ids.parquet"]);
