import {createHash} from "node:crypto";
import {existsSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {writeExtractFiles} from "../../../loaders/site/extract-files.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {locateInput} from "../../../loaders/pipeline/input.js";
import {keyFile, pseudonymKey, samplePseudonymKey} from "../../../loaders/pipeline/pseudonym.js";
import {decodePseudonyms} from "../../../src/lib/core/extract.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {temporaryDirectory} from "../../helpers/model.js";

const saved = {...process.env};
let directory: string;
beforeEach(() => {
  directory = temporaryDirectory("leadstage-key-");
  delete process.env.LEADSTAGE_PSEUDONYM_KEY;
  process.env.LEADSTAGE_KEY_FILE = join(directory, "key");
});
afterEach(() => {
  process.env = {...saved};
  rmSync(directory, {recursive: true, force: true});
});

describe("pseudonymKey", () => {
  it("uses the public key for the bundled sample only", () => {
    expect(pseudonymKey("data/sample")).toBe(samplePseudonymKey);
    expect(existsSync(keyFile())).toBe(false);
  });

  it("makes a random key for any other data on the first build, keeps it private, and reuses it", () => {
    const key = pseudonymKey("test/fixtures/small");
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toBe(samplePseudonymKey);
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(pseudonymKey("test/fixtures/small")).toBe(key);
  });

  it("lets an explicit key win, and refuses an empty one", () => {
    process.env.LEADSTAGE_PSEUDONYM_KEY = "company-secret";
    expect(pseudonymKey("test/fixtures/small")).toBe("company-secret");
    process.env.LEADSTAGE_PSEUDONYM_KEY = "  ";
    expect(() => pseudonymKey("test/fixtures/small")).toThrow(/LEADSTAGE_PSEUDONYM_KEY is set but empty/);
    delete process.env.LEADSTAGE_PSEUDONYM_KEY;
    writeFileSync(keyFile(), "\n");
    expect(() => pseudonymKey("test/fixtures/small")).toThrow(/is empty: delete it/);
  });
});

describe("a build without an explicit key", () => {
  it("publishes pseudonyms nobody can reverse with the public sample key", async () => {
    process.env.LEADSTAGE_DATA = "test/fixtures/small";
    const out = join(directory, "extract");
    await withDatabase(async (db) => {
      const summary = await buildHandoffModel(db, locateInput("test/fixtures/small"), handoffLadder);
      await writeExtractFiles(db, out, summary.dataEnd);
    });
    const ids = await decodePseudonyms(new Uint8Array(readFileSync(join(out, "handoff-ids.parquet"))));
    expect(ids.every((id) => /^P-[0-9a-f]{20}$/.test(id))).toBe(true); // 80 bits
    // The attack of issue 17: hash every candidate ID with the public key and look the results up.
    const published = new Set(ids);
    const candidates = [...Array(10000).keys()].flatMap((i) => [`L${String(i).padStart(2, "0")}`, `CRM-${i}`]);
    const reversed = candidates.filter((id) => {
      const hash = createHash("sha256").update(`${samplePseudonymKey}:${id}`).digest("hex");
      return published.has(`P-${hash.slice(0, 20)}`);
    });
    expect(reversed).toEqual([]);
    // The same attack with the key does find them: the key is what links the site back to the CRM.
    const key = readFileSync(keyFile(), "utf8").trim();
    const found = ["L01", "L02", "L03"].filter((id) =>
      published.has(`P-${createHash("sha256").update(`${key}:${id}`).digest("hex").slice(0, 20)}`)
    );
    expect(found).toEqual(["L01", "L02", "L03"]);
  });

  it("keeps the key file out of git", () => {
    expect(readFileSync(".gitignore", "utf8").split("\n")).toContain(".leadstage-key");
  });
});
