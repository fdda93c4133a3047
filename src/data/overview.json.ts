// The overview page's data: headline numbers, one row per ladder level, the reconciliation of the input.
import {overviewData} from "../../loaders/overview.ts";
import {runPageLoader} from "../../loaders/run-loader.ts";

await runPageLoader("overview.json", ({db, input, ladder, summary}) => overviewData(db, ladder, summary, input.dataset));
