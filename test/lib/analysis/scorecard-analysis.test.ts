import {beforeAll, describe, expect, it} from "vitest";
import {scorecardRecorded} from "../../../src/lib/analysis/scorecard-analysis.js";
import type {DetailedExtract} from "../../../src/lib/core/extract.js";
import {extractWithLeadsOf} from "../../helpers/model.js";

let extract: DetailedExtract;
beforeAll(async () => ({extract} = await extractWithLeadsOf("test/fixtures/small")));

describe("scorecardRecorded", () => {
  it("is false for an export without any scorecard answer, true once any handoff of it had one", () => {
    // The fixture records no scorecard answers, as Olist's export does not.
    expect(scorecardRecorded(extract)).toBe(false);
    const score = extract.columns.score.slice();
    score[extract.rows - 1] = 7;
    expect(scorecardRecorded({...extract, columns: {...extract.columns, score}})).toBe(true);
  });
});
