import {describe, expect, it} from "vitest";
import {dashNoValue, NO_VALUE, orNoValue} from "../../src/components/table-missing.js";

describe("orNoValue", () => {
  it("keeps a number, zero included, and turns a missing one into NO_VALUE", () => {
    expect([3.5, 0, -2].map(orNoValue)).toEqual([3.5, 0, -2]);
    expect([null, undefined, NaN].map(orNoValue)).toEqual([NO_VALUE, NO_VALUE, NO_VALUE]);
  });

  it("sorts a missing value below every real one, negative rates included", () => {
    const sorted = [0.2, null, -5, 0].map(orNoValue).sort((a, b) => b - a);
    expect(sorted).toEqual([0.2, 0, -5, NO_VALUE]);
  });
});

describe("dashNoValue", () => {
  it("says – for a missing value and formats every other value, zero included", () => {
    const format = dashNoValue((d: number) => d.toFixed(1));
    expect(format(NO_VALUE)).toBe("–");
    expect(format(0)).toBe("0.0");
    expect(format(12.34)).toBe("12.3");
  });

  it("passes only the value, not the row index Inputs.table gives as second argument", () => {
    const format = dashNoValue((...args: unknown[]) => String(args.length)) as (...args: unknown[]) => string;
    expect(format(5, 3, [])).toBe("1");
  });
});
