import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {numberHint} from "../../../loaders/import/number-hint.js";
import {runImport} from "../../../loaders/import/importer.js";
import {validateProfile} from "../../../loaders/import/profile.js";
import type {RejectReason} from "../../../src/lib/core/dataset.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

/** A reject reason of `reason` with these example values. */
const rejected = (values: string[], reason = "amount is not a number"): RejectReason => ({
  file: "deals.csv",
  field: "Amount",
  reason,
  count: values.length,
  examples: values.map((value, i) => ({row: i + 2, value}))
});

/** The hint for these values under a profile with `settings`. */
const hint = (values: string[], settings: {decimalSeparator?: "," | "."; currency?: string} = {}, reason?: string) =>
  withDatabase((db) => numberHint(db, rejected(values, reason), settings));

describe("numberHint", () => {
  it("names the separator that reads a German export's amounts (every one was rejected, and nothing said why)", async () => {
    expect(await hint(["24.000,50", "1,5", "1.200"])).toBe(
      'these values read as numbers with "decimalSeparator": "," in the profile ("24.000,50" is 24000.5)'
    );
  });

  it("adds the currency when the sign is not the profile's: '$1,234.56' in a profile in euros", async () => {
    expect(await hint(["$1,234.56", "$980.00"])).toBe(
      'these values read as numbers with "decimalSeparator": ".", "currency": "USD" in the profile ("$1,234.56" is 1234.56)'
    );
    expect(await hint(["$1,234.56"], {currency: "USD"})).toContain('with "decimalSeparator": "." in the profile');
  });

  it("says the profile must choose where both separators read the values as different numbers", async () => {
    expect(await hint(["1,234"], {}, "hours are not a number")).toBe(
      '"1,234" is 1.234 with "decimalSeparator": "," in the profile and 1234 with "decimalSeparator": ".": the ' +
        "profile must say which the export uses"
    );
  });

  it("gives none for values no setting reads, other reasons, or a profile that already sets a separator", async () => {
    expect(await hint(["abc", "24.000,50"])).toBeNull();
    expect(await hint(["24.000,50"], {}, "negative amount")).toBeNull();
    expect(await hint(["1.5"], {decimalSeparator: ","})).toBeNull();
    expect(await hint([])).toBeNull();
  });
});

describe("the importer", () => {
  it("prints the hint under the rejected amounts", async () => {
    const profile = validateProfile({
      name: "us-deals",
      description: "Deals whose amounts a US spreadsheet wrote with thousands commas.",
      files: {deals: {}},
      leads: {file: "deals", fields: {lead_id: "Deal ID", created_at: "Created"}},
      events: [
        {
          shape: "wide",
          file: "deals",
          leadId: "Deal ID",
          milestones: [
            {column: "Handed Off", type: "handed_off"},
            {column: "Won On", type: "won", value: "Amount"}
          ]
        }
      ]
    });
    const csv = [
      "Deal ID,Created,Handed Off,Won On,Amount",
      'D1,2025-01-02,2025-01-05,2025-02-01,"12,500.00"',
      "D2,2025-01-03,2025-01-06,2025-02-03,800"
    ].join("\n");
    const deals = join(temporaryDirectory(), "deals.csv");
    writeFileSync(deals, csv + "\n");
    const lines: string[] = [];
    await runImport({profile, paths: {deals}, log: (d) => lines.push(d), maxRejectRate: 1});
    const at = lines.findIndex((d) => d.includes("Amount: amount is not a number"));
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toBe(
      '    these values read as numbers with "decimalSeparator": "." in the profile ("12,500.00" is 12500)'
    );
  });
});
