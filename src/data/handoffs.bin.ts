// What every page filters by and the simulator needs, per handoff (layout: src/lib/extract.ts).
import {encodeExtract} from "../../loaders/extract.ts";
import {runPageLoader} from "../../loaders/run-loader.ts";

await runPageLoader("handoffs.bin", ({db, summary}) => encodeExtract(db, summary.dataEnd));
