import {describe, expect, it} from "vitest";
import {mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {finishBuild} from "../../../loaders/site/finish-build.js";
import {temporaryDirectory} from "../../helpers/model.js";

const label = '<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>';
const page = `<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><script type="module">const data = {"lastModified":1764412345678};</script></head>
<body><input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">
<nav><ol>\n    ${label}\n  </ol></nav></body>
</html>`;

describe("finishBuild", () => {
  it("pins load times, names the page's language and the toggle, and adds a Content-Security-Policy", () => {
    const out = temporaryDirectory("finish");
    mkdirSync(join(out, "_observablehq"));
    writeFileSync(join(out, "index.html"), page);
    writeFileSync(join(out, "_observablehq", "skip.html"), page);
    expect(finishBuild(out)).toBe(1);
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain('"lastModified":0');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('aria-label="Toggle sidebar"');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy"/);
    expect(readFileSync(join(out, "_observablehq", "skip.html"), "utf8")).toBe(page);
    rmSync(out, {recursive: true, force: true});
  });

  it("names the file when Framework's template no longer has what it replaces", () => {
    const out = temporaryDirectory("finish");
    writeFileSync(join(out, "timing.html"), page.replace("<html>", "<html data-theme>"));
    expect(() => finishBuild(out)).toThrow(/timing\.html: "<html>" not found: has Framework's template changed\?/);
    rmSync(out, {recursive: true, force: true});
  });
});
