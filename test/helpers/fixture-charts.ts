/**
 * The hand-computed fixture (test/fixtures/small: ten handoffs) as the pages feed it to their charts, for the chart
 * components' snapshot tests: one extract, all rows, the default ladder's labels.
 */
import type {DetailedExtract} from "../../src/lib/core/extract.js";
import {selectRows} from "../../src/lib/analysis/filters.js";
import {handoffLadder} from "../../src/lib/core/ladder.js";
import {extractOf} from "./model.js";

/** What a chart test needs: the extract, all its rows, the levels and their labels ("3 · Need"). */
export interface ChartFixture {
  extract: DetailedExtract;
  rows: Uint32Array;
  levels: number[];
  levelLabel: (level: number) => string;
}

/** Loads the fixture (through the real pipeline) once per test file. */
export async function chartFixture(): Promise<ChartFixture> {
  const extract = await extractOf("test/fixtures/small");
  const names = new Map(handoffLadder.levels.map((d) => [d.level, d.name.en]));
  return {
    extract,
    rows: selectRows(extract, {}),
    levels: handoffLadder.levels.map((d) => d.level),
    levelLabel: (level) => `${level} · ${names.get(level)}`
  };
}

/** The fixture's extract with all its rows and the Events source's rows: what the page-logic tests filter. */
export async function fixtureSelection(): Promise<{extract: DetailedExtract; all: Uint32Array; events: Uint32Array}> {
  const extract = await extractOf("test/fixtures/small");
  return {extract, all: selectRows(extract, {}), events: selectRows(extract, {source: "Events"})};
}
