import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {csvHeader, fileBytes, splitCsvLine} from "../../../loaders/pipeline/csv-header.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

describe("splitCsvLine", () => {
  it("splits at the delimiter outside quotes, unescapes doubled quotes and trims each field", () => {
    expect(splitCsvLine('a, "b,c" ,"say ""hi"""', ",")).toEqual(["a", "b,c", 'say "hi"']);
    expect(splitCsvLine("a;b,c", ";")).toEqual(["a", "b,c"]);
  });

  it("gives a line without a delimiter, a footer line say, one field", () => {
    expect(splitCsvLine('"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."', ",")).toHaveLength(1);
    expect(splitCsvLine("", ",")).toEqual([""]);
  });
});

describe("csvHeader", () => {
  it("takes the delimiter that splits the header most, or Excel's sep= line above it, and names a nameless column", () => {
    const file = (text: string) => {
      const path = join(temporaryDirectory(), "leads.csv");
      writeFileSync(path, text);
      return path;
    };
    expect(csvHeader(file("\uFEFFlead_id;created_at;campaign\nL1;2025-01-01;x\n"))).toEqual({
      delimiter: ";",
      columns: ["lead_id", "created_at", "campaign"],
      skip: 0
    });
    expect(csvHeader(file('"sep=,"\nlead_id,"created; at",\n'))).toEqual({
      delimiter: ",",
      columns: ["lead_id", "created; at", "(unnamed column 3)"],
      skip: 1
    });
    expect(() => csvHeader(file("lead_id,Email,email\n"))).toThrow(/differ only in case/);
  });
});

describe("fileBytes", () => {
  it("reads from the start or from any position, fewer bytes where the file ends", () => {
    const path = join(temporaryDirectory(), "bytes.bin");
    writeFileSync(path, "0123456789");
    expect(fileBytes(path, 4).toString()).toBe("0123");
    expect(fileBytes(path, 4, 8).toString()).toBe("89");
  });
});
