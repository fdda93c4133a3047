// What each handoff's lead showed while sales worked it, for the simulator's own paths (src/lib/simulator/own-paths.ts), written by DuckDB.
import {modelPageData} from "../../loaders/site/page-data.js";
import {runPageLoader} from "../../loaders/site/run-loader.js";

await runPageLoader("later-evidence.parquet", modelPageData["later-evidence.parquet"]);
