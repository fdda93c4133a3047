// The overview page's data: headline numbers, one row per ladder level, the reconciliation of the input.
import {modelPageData} from "../../loaders/site/page-data.js";
import {runPageLoader} from "../../loaders/site/run-loader.js";

await runPageLoader("overview.json", modelPageData["overview.json"]);
