// The details the timing, campaign, conversion and scorecard pages chart, in handoffs.bin's row order (layout:
// src/lib/extract.ts).
import {encodeExtractDetails} from "../../loaders/extract.ts";
import {runPageLoader} from "../../loaders/run-loader.ts";

await runPageLoader("handoff-details.bin", ({db, summary}) => encodeExtractDetails(db, summary.dataEnd));
