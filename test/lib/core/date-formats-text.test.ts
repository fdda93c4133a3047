import {describe, expect, it} from "vitest";
import {dateFormatsText} from "../../../src/lib/core/date-formats-text.js";

describe("dateFormatsText", () => {
  it("joins a profile's formats with 'or' and gives ISO 8601 two examples", () => {
    expect(dateFormatsText(["%d.%m.%Y", "ISO 8601"])).toBe(
      "%d.%m.%Y or ISO 8601, e.g. 2025-03-31 or 2025-03-31T14:05:00Z"
    );
    expect(dateFormatsText(["DD/MM/YYYY"])).toBe("DD/MM/YYYY");
  });
});
