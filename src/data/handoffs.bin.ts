// The per-handoff extract the pages filter in the browser (layout: src/lib/extract.ts).
import {encodeExtract} from "../../loaders/extract.ts";
import {runPageLoader} from "../../loaders/run-loader.ts";

await runPageLoader("handoffs.bin", ({db, summary}) => encodeExtract(db, summary.dataEnd));
