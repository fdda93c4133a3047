import {describe, expect, it} from "vitest";
import {splitCsvLine} from "../../../loaders/pipeline/csv-header.js";

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
