import {describe, expect, it} from "vitest";
import {reconciliationReport} from "../../../loaders/site/run-loader.js";

const files = [{file: "leads.parquet", read: 10, used: 9, rejected: 1, partlyRejected: 0}];
const canonical = {profile: "canonical", importFiles: []};

describe("reconciliationReport", () => {
  it("prints the files' reconciliation when the loader built the model, nothing when it reused it", () => {
    expect(reconciliationReport({files, fromStore: false}, canonical)).toBe(
      "leads.parquet: 10 rows read = 9 used + 1 rejected"
    );
    expect(reconciliationReport({files, fromStore: true}, canonical)).toBeNull();
  });

  it("prints the export's own files for imported data, not the canonical files in between", () => {
    const imported = {
      profile: "olist",
      importFiles: [{file: "deals.csv", read: 842, used: 842, rejected: 0, partlyRejected: 0}]
    };
    expect(reconciliationReport({files, fromStore: false}, imported)).toBe(
      "deals.csv: 842 rows read = 842 used + 0 rejected\n(imported through the olist profile)"
    );
  });
});
