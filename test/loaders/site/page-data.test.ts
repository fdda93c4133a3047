import {describe, expect, it} from "vitest";
import {spawnSync} from "node:child_process";
import {readdirSync, readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {modelPageData, otherPageData, writeAllPageData} from "../../../loaders/site/page-data.js";
import {temporaryDirectory} from "../../helpers/model.js";

describe("writeAllPageData", () => {
  it("writes, in one process, every page-data file with the bytes its loader writes", async () => {
    const out = temporaryDirectory("page-data");
    const cache = temporaryDirectory("page-data-cache");
    const env = {
      ...process.env,
      LEADSTAGE_DATA: "test/fixtures/small",
      LEADSTAGE_CACHE: cache,
      LEADSTAGE_PROGRESS: "0"
    };
    const saved = {...process.env};
    Object.assign(process.env, env);
    try {
      await writeAllPageData(out);
    } finally {
      process.env = saved;
    }
    const names = [...Object.keys(modelPageData), ...Object.keys(otherPageData)].sort();
    expect(readdirSync(out).sort()).toEqual(names);
    expect(
      readdirSync("src/data")
        .map((d) => d.replace(/\.ts$/, ""))
        .sort()
    ).toEqual(names);
    for (const name of names) {
      const loader = spawnSync("npx", ["tsx", join("src/data", `${name}.ts`)], {env, maxBuffer: 64 * 2 ** 20});
      expect(loader.status, `${name}: ${loader.stderr}`).toBe(0);
      expect(Buffer.compare(loader.stdout, readFileSync(join(out, name))), name).toBe(0);
    }
    rmSync(out, {recursive: true, force: true});
    rmSync(cache, {recursive: true, force: true});
  }, 120_000);
});
