// Pseudonymous lead IDs in the extract's row order, fetched only when a page lists the handoffs behind a number.
import {extractPseudonyms} from "../../loaders/extract.ts";
import {runPageLoader} from "../../loaders/run-loader.ts";

await runPageLoader("handoff-ids.json", ({db}) => extractPseudonyms(db));
