import {describe, expect, it} from "vitest";
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {runScript} from "../../helpers/cli.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

const committed = readFileSync("docs/ladder.md", "utf8");

/** A copy of docs/ladder.md whose first ladder table lost its rows, as after an edit of the ladder. */
function staleCopy(): string {
  const path = join(temporaryDirectory("docs-cli"), "ladder.md");
  const stale = committed.replace(/(<!-- ladder-table: [\w-]+ -->\n)[\s\S]*?(<!-- \/ladder-table -->)/, "$1\n$2");
  expect(stale).not.toBe(committed);
  writeFileSync(path, stale);
  return path;
}

// What the tables say is tested in test/loaders/tools/ladder-docs.test.ts; here, the command as a user runs it.
describe("npm run docs", () => {
  it("finds the committed ladder tables up to date, changing nothing", () => {
    const docs = runScript("docs", ["--check"]);
    expect([docs.status, docs.stderr]).toEqual([0, "docs: docs/ladder.md already up to date\n"]);
    expect(readFileSync("docs/ladder.md", "utf8")).toBe(committed);
  }, 60_000);

  it("regenerates tables that are out of date", () => {
    const path = staleCopy();
    const docs = runScript("docs", ["--file", path]);
    expect([docs.status, docs.stderr]).toEqual([0, `docs: ${path} regenerated\n`]);
    expect(readFileSync(path, "utf8")).toBe(committed);
  }, 60_000);

  it("with --check, says they are out of date with exit code 1 and writes nothing", () => {
    const path = staleCopy();
    const stale = readFileSync(path, "utf8");
    const docs = runScript("docs", ["--check", "--file", path]);
    expect([docs.status, docs.stderr]).toEqual([1, `docs: ${path} is out of date: run npm run docs\n`]);
    expect(readFileSync(path, "utf8")).toBe(stale);
  }, 60_000);
});
