import {describe, expect, it} from "vitest";
import {stagedColumns} from "../../../loaders/pipeline/staged-columns.js";
import {temporaryFile} from "../../helpers/temporary.js";

const wide = ["id", "created", "a", "b", "c", "d", "e"];
const readsTwo = (column: string) => column === "id" || column === "created";

describe("stagedColumns", () => {
  it("stages only the columns the profile reads from a valid UTF-8 CSV that reads under half of them", async () => {
    const path = temporaryFile("contacts.csv", `${wide.join(",")}\n1,2024-01-01,x,y,z,ä,ö\n`);
    expect(await stagedColumns(path, {}, wide, readsTwo)).toBe(`"id", "created"`);
  });

  it("stages every column where the profile reads half or more, or all of them (no check worth its cost)", async () => {
    const path = temporaryFile("leads.csv", "id,created,name\n1,2024-01-01,x\n");
    expect(await stagedColumns(path, {}, ["id", "created", "name", "mail"], readsTwo)).toBe("*");
    expect(await stagedColumns(path, {}, ["id", "created"], readsTwo)).toBe("*");
  });

  it("stages every column of a CSV with invalid UTF-8, so that DuckDB names the line (its projected read fails)", async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${wide.join(",")}\n1,2024-01-01,x,y,z,`),
      Buffer.from([0xff]),
      Buffer.from(",q\n")
    ]);
    expect(await stagedColumns(temporaryFile("broken.csv", bytes), {}, wide, readsTwo)).toBe("*");
  });

  it("needs no check for JSON Lines or latin-1, and stages every column of UTF-16", async () => {
    // Bytes that are no UTF-8: latin-1 takes any byte, and JSON Lines was checked while its keys were read.
    const latin = temporaryFile("latin.csv", Buffer.from([0x69, 0x64, 0x0a, 0xe9, 0x0a]));
    expect(await stagedColumns(latin, {encoding: "latin-1"}, wide, readsTwo)).toBe(`"id", "created"`);
    expect(await stagedColumns(temporaryFile("rows.jsonl", Buffer.from([0xff])), {}, wide, readsTwo)).toBe(
      `"id", "created"`
    );
    expect(await stagedColumns(latin, {encoding: "utf-16"}, wide, readsTwo)).toBe("*");
  });

  it("keeps a column (the first) when the profile reads none, and trims names and quotes them as identifiers", async () => {
    const path = temporaryFile("odd.csv", `x,y,z\n1,2,3\n`);
    expect(await stagedColumns(path, {}, ["x", "y", "z"], () => false)).toBe(`"x"`);
    const names = [' say "hi" ', "b", "c", "d", "e"];
    expect(await stagedColumns(path, {}, names, (c) => c === 'say "hi"')).toBe(`" say ""hi"" "`);
  });
});
