// What every page filters by and the simulator needs, one row per handoff (layout: src/lib/core/extract.ts), written by DuckDB.
import {modelPageData} from "../../loaders/site/page-data.js";
import {runPageLoader} from "../../loaders/site/run-loader.js";

await runPageLoader("handoffs.parquet", modelPageData["handoffs.parquet"]);
