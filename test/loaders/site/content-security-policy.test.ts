import {createHash} from "node:crypto";
import {describe, expect, it} from "vitest";
import {withContentSecurityPolicy} from "../../../loaders/site/content-security-policy.js";

const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="modulepreload" href="./_observablehq/client.js">
<script type="module">import "./_observablehq/client.js";</script>
</head>
<body><script>{const e=1;}</script><script src="./_import/x.js"></script></body>
</html>`;

const policyOf = (html: string) => html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)![1];
const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("withContentSecurityPolicy", () => {
  it("puts the policy right after the charset, before any script or stylesheet", () => {
    const html = withContentSecurityPolicy(page);
    expect(html.indexOf("Content-Security-Policy")).toBeGreaterThan(html.indexOf('<meta charset="utf-8">'));
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<link"));
  });

  it("allows exactly the page's inline scripts by hash, the site's own files, and no other origin", () => {
    const policy = policyOf(withContentSecurityPolicy(page));
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src "))!;
    // 'wasm-unsafe-eval' compiles WebAssembly (the zstd decoder) and runs no JavaScript text.
    expect(scriptSrc).toBe(
      `script-src 'self' 'wasm-unsafe-eval' ${hash('import "./_observablehq/client.js";')} ${hash("{const e=1;}")}`
    );
    expect(scriptSrc).not.toMatch(/'unsafe-eval'/);
    expect(policy).not.toContain("unsafe-inline'; script");
    expect(policy).not.toMatch(/script-src [^;]*unsafe-inline/);
    expect(policy).toContain("default-src 'self'");
    // data: for the zstd decoder's WebAssembly module, which zstddec fetches from a data: URL.
    expect(policy).toContain("connect-src 'self' data:;");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/https?:|\*/);
  });

  it("allows as inline handlers only htl's placeholders, which are not JavaScript", () => {
    const attr = policyOf(withContentSecurityPolicy(page))
      .split("; ")
      .find((d) => d.startsWith("script-src-attr"))!;
    expect(attr).toContain(hash("::1"));
    expect(attr).toContain(hash("::64"));
    expect(attr).not.toContain(hash("alert(1)"));
    expect(attr.split(" ")).toHaveLength(2 + 64);
  });

  it("refuses a page without a charset rather than write a policy that comes too late", () => {
    expect(() => withContentSecurityPolicy("<html><head></head></html>", "x.html")).toThrow(
      /x\.html: no <meta charset/
    );
  });
});
