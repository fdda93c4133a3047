// Pseudonymous lead IDs in the extract's row order, fetched only when a page lists the handoffs behind a number.
import {extractPseudonyms, storedExtractFiles} from "../../loaders/extract.ts";
import {runPageLoader} from "../../loaders/run-loader.ts";

await runPageLoader("handoff-ids.json", async ({db, summary}) =>
  extractPseudonyms(db, (await storedExtractFiles(db, summary)).order)
);
