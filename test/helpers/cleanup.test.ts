import {existsSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {removeTemporaryDirectories, temporaryDirectory} from "./temporary.js";

describe("temporary folders", () => {
  it("are all removed by the cleanup every test file runs at its end", () => {
    const folders = [temporaryDirectory(), temporaryDirectory()];
    expect(folders.every((d) => existsSync(d))).toBe(true);
    expect(removeTemporaryDirectories()).toBe(2);
    expect(folders.some((d) => existsSync(d))).toBe(false);
  });
});
