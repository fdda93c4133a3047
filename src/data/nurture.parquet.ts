// How leads climb the ladder in nurture, one row per lead, for the simulator (layout: src/lib/core/extract.ts), written by DuckDB.
import {modelPageData} from "../../loaders/site/page-data.js";
import {runPageLoader} from "../../loaders/site/run-loader.js";

await runPageLoader("nurture.parquet", modelPageData["nurture.parquet"]);
