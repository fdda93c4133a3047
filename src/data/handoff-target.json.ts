// The level to hand off at for all handoffs (src/lib/simulator/built-target.ts), worked out once by the build.
import {modelPageData} from "../../loaders/site/page-data.js";
import {runPageLoader} from "../../loaders/site/run-loader.js";

await runPageLoader("handoff-target.json", modelPageData["handoff-target.json"]);
