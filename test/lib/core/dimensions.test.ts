// The dimensions pages filter by, known without the extract's decoder: the built-in five, then the data's own.
import {describe, expect, it} from "vitest";
import {dimensions, extractDimensions} from "../../../src/lib/core/dimensions.js";

describe("extractDimensions", () => {
  it("gives the five built-in dimensions, then the data's own in the order its metadata lists them", () => {
    expect(extractDimensions({header: {}})).toEqual(["campaign", "source", "segment", "companySize", "region"]);
    const own = {header: {dimensions: [{column: "dim_team"}, {column: "dim_product"}]}};
    expect(extractDimensions(own)).toEqual([...dimensions, "dim_team", "dim_product"]);
  });
});
