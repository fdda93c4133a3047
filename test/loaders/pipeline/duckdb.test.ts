import {existsSync} from "node:fs";
import {afterEach, describe, expect, it, vi} from "vitest";
import {Database, memoryLimit, memoryLimitBytes} from "../../../loaders/pipeline/duckdb.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("memoryLimit", () => {
  // A sixth let ten million leads peak at up to 5.7 GB on a 24 GiB machine, at the edge of the 6 GB target.
  it("gives DuckDB a seventh of the machine's memory: 3.4 GiB of 24", () => {
    vi.stubEnv("LEADSTAGE_MEMORY_LIMIT", "");
    expect(memoryLimit(24 * 2 ** 30)).toBe("3510MiB");
    expect(memoryLimit(64 * 2 ** 30)).toBe("9362MiB");
  });

  it("never less than 1 GiB, and LEADSTAGE_MEMORY_LIMIT overrides it", () => {
    vi.stubEnv("LEADSTAGE_MEMORY_LIMIT", "");
    expect(memoryLimit(2 * 2 ** 30)).toBe("1024MiB");
    vi.stubEnv("LEADSTAGE_MEMORY_LIMIT", "8GB");
    expect(memoryLimit(24 * 2 ** 30)).toBe("8GB");
  });
});

describe("memoryLimitBytes", () => {
  it("reads the limit as DuckDB does: binary and decimal units", () => {
    expect(memoryLimitBytes("4096MiB")).toBe(4 * 2 ** 30);
    expect(memoryLimitBytes("8GB")).toBe(8e9);
    expect(memoryLimitBytes("1.5 GiB")).toBe(1.5 * 2 ** 30);
    expect(memoryLimitBytes("512kb")).toBe(512e3);
  });

  it("refuses a limit it cannot read, naming it", () => {
    expect(() => memoryLimitBytes("lots")).toThrow('memory limit "lots": expected a number of bytes with a unit');
  });
});

describe("Database", () => {
  it("never checkpoints an in-memory database by the size of what was written", async () => {
    const db = await Database.open();
    const {threshold} = await db.one<{threshold: string}>(
      "SELECT current_setting('checkpoint_threshold') AS threshold"
    );
    db.close();
    // DuckDB's default is 16 MiB: a checkpoint in the middle of the model compressed what was written so far.
    expect(threshold).toMatch(/^\d+(\.\d+)? (GiB|TiB)$/);
    expect(parseFloat(threshold) * (threshold.endsWith("TiB") ? 1024 : 1)).toBeGreaterThanOrEqual(900);
  });

  it("runs with the machine's limit and threads, and removes its spill folder on close", async () => {
    const db = await Database.open();
    const settings = await db.all<{name: string; value: string}>(
      "SELECT name, value FROM duckdb_settings() WHERE name IN ('threads', 'temp_directory')"
    );
    expect(Object.fromEntries(settings.map((d) => [d.name, d.value]))).toEqual({
      threads: expect.stringMatching(/^[1-9][0-9]*$/),
      temp_directory: db.spillDirectory
    });
    expect(existsSync(db.spillDirectory)).toBe(true);
    db.close();
    expect(existsSync(db.spillDirectory)).toBe(false);
  });
});
