// Not a browser test, but it builds the site: it runs with the browser tests, one build at a time, since every
// build clears the loader cache that the others share.
import {spawnSync} from "node:child_process";
import {existsSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {filesWithBytes} from "../helpers/files.js";
import {temporaryDirectory} from "../helpers/model.js";

const output = "test-output/site-atomic";
const broken = temporaryDirectory("leadstage-broken-");
afterAll(() => {
  rmSync(output, {recursive: true, force: true});
  rmSync(broken, {recursive: true, force: true});
});

function build(data: string) {
  return spawnSync("npm", ["run", "build"], {
    env: {...process.env, LEADSTAGE_DATA: data, LEADSTAGE_OUTPUT: output, LEADSTAGE_LADDER: ""},
    encoding: "utf8"
  });
}

describe("an atomic build", () => {
  // Two whole builds: on a shared two-core machine they can take more than the default minute.
  it(
    "keeps the previous site byte for byte when a build fails, and says why on its last line",
    {timeout: 300_000},
    () => {
      const good = build("test/fixtures/small");
      expect(good.status, good.stderr).toBe(0);
      const before = filesWithBytes(output);
      expect(before.size).toBeGreaterThan(50);
      // A leads file with a header and no rows: the loaders stop with one clear line.
      writeFileSync(join(broken, "leads.csv"), "lead_id,created_at\n");
      writeFileSync(join(broken, "events.csv"), "lead_id,at,type,value\n");
      const bad = build(broken);
      expect(bad.status).not.toBe(0);
      const lastLine = bad.stderr.trim().split("\n").pop()!;
      expect(lastLine).toMatch(
        /^build failed, the previous site in test-output\/site-atomic\/ is unchanged: .*leads\.csv/
      );
      const after = filesWithBytes(output);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      expect([...after.keys()].filter((path) => !after.get(path)!.equals(before.get(path)!))).toEqual([]);
      expect(readdirSync("test-output").filter((name) => name.startsWith("site-atomic."))).toEqual([]);
      expect(existsSync(output)).toBe(true);
    }
  );
});
