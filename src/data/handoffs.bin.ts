// What every page filters by and the simulator needs, per handoff (layout: src/lib/extract.ts).
import {storedExtractFiles} from "../../loaders/extract.ts";
import {runPageLoader} from "../../loaders/run-loader.ts";

await runPageLoader("handoffs.bin", async ({db, summary}) => (await storedExtractFiles(db, summary)).handoffs);
