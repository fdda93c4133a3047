import {randomLcg} from "d3-random";
import {describe, expect, it} from "vitest";
import {mutationNames, mutations} from "../../../loaders/tools/import-mutations.js";

const csv = Buffer.from("lead_id,created_at,campaign\nA,2025-01-01,Spring\nB,2025-01-02,Größe\n");

describe("import mutations", () => {
  it("are deterministic for a seed", () => {
    for (const name of mutationNames) {
      expect(mutations[name](csv, randomLcg(0.25)), name).toEqual(mutations[name](csv, randomLcg(0.25)));
    }
  });

  it("change the file (except a reorder that happens to keep the order)", () => {
    for (const name of mutationNames.filter((d) => d !== "reorderColumns")) {
      expect(mutations[name](csv, randomLcg(0.5)).equals(csv), name).toBe(false);
    }
  });

  it("keep every row when only the columns move, and every cell when only the encoding changes", () => {
    const reordered = mutations.reorderColumns(csv, randomLcg(0.1)).toString().trim().split("\n");
    expect(reordered).toHaveLength(3);
    expect(reordered.map((d) => d.split(",").sort().join())).toEqual(
      csv
        .toString()
        .trim()
        .split("\n")
        .map((d) => d.split(",").sort().join())
    );
    const utf16 = mutations.utf16(csv, randomLcg(0.1));
    expect([...utf16.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(utf16.subarray(2).toString("utf16le")).toBe(csv.toString());
  });

  it("break the file the way their names say", () => {
    const random = () => randomLcg(0.3);
    expect(mutations.truncateMidRow(csv, random()).length).toBeLessThan(csv.length);
    expect(mutations.dropColumn(csv, random()).toString().split("\n")[0].split(",")).toHaveLength(2);
    expect(mutations.duplicateColumn(csv, random()).toString().split("\n")[0].split(",")).toHaveLength(4);
    expect(mutations.giantField(csv, random()).length).toBeGreaterThan(100_000);
    expect(mutations.latin1(csv, random()).includes(Buffer.from("Gr\xf6\xdfe", "latin1"))).toBe(true);
    expect(mutations.nulByte(csv, random()).includes(0)).toBe(true);
    expect(mutations.headerOnly(csv, random()).toString()).toBe("lead_id,created_at,campaign\n");
    expect(mutations.empty(csv, random()).length).toBe(0);
    const titled = mutations.reportTitle(csv, random()).toString();
    expect(titled.endsWith(`\n${csv}`) && titled.length > csv.length + 1).toBe(true);
  });
});
