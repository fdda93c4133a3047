// The overview page's data: headline numbers, one row per ladder level, the reconciliation of the input.
import {overviewData} from "../../loaders/site/overview-data.js";
import {runPageLoader} from "../../loaders/site/run-loader.js";

await runPageLoader("overview.json", ({db, input, ladder, summary}) => overviewData(db, ladder, summary, input.dataset));
