import {beforeAll, describe, expect, it} from "vitest";
import type {DetailedExtract} from "../../../src/lib/core/extract.js";
import {simulatorColumns, simulatorExtract} from "../../../src/lib/simulator/simulator-extract.js";
import {extractWithLeadsOf} from "../../helpers/model.js";

let extract: DetailedExtract;
beforeAll(async () => void ({extract} = await extractWithLeadsOf("test/fixtures/small")));

describe("simulatorExtract", () => {
  it("holds the simulated columns and nothing else", () => {
    const part = simulatorExtract(extract);
    expect(Object.keys(part.columns).sort()).toEqual([...simulatorColumns].sort());
    expect(part.columns.evidenceHours).toBe(extract.columns.evidenceHours);
    expect(part.rows).toBe(extract.rows);
    expect(part.header).toEqual({evidenceTypes: extract.header.evidenceTypes});
  });
});
