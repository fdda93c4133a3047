// The details the timing, campaign, conversion, scorecard and lead-check pages chart, in handoffs.bin's row order
// (layout: src/lib/extract.ts).
import {storedExtractFiles} from "../../loaders/extract.ts";
import {runPageLoader} from "../../loaders/run-loader.ts";

await runPageLoader("handoff-details.bin", async ({db, summary}) => (await storedExtractFiles(db, summary)).details);
