/** The Content-Security-Policy every built page carries; written into the HTML by the build's finishing step. */
import {createHash} from "node:crypto";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const htlPlaceholderHashes = Array.from({length: 64}, (_, i) => sha256(`::${i + 1}`)).join(" ");

/**
 * The page with a CSP <meta> right after its charset, before anything it could govern. Scripts: the site's own files
 * and, by their SHA-256 hashes, exactly the inline scripts Framework wrote into this page (no 'unsafe-inline', so an
 * injected script never runs). Styles may be inline: Plot and Inputs set style attributes and <style> elements at
 * run time. Images may be data: or blob: URLs (a chart saved as PNG is drawn from one). Nothing from another origin.
 * WebAssembly may be compiled (the zstd decoder), from a data: URL.
 *
 * One exception, for inline event-handler attributes only: htl (the html`` of Framework and Observable Inputs) parses
 * a template with a placeholder attribute `onclick="::3"` for a function value and replaces it by a property at once.
 * Chromium checks the placeholder as it is parsed; allowing exactly the texts "::1" … "::64" by hash lets that pass.
 * They are not valid JavaScript, so nothing injected in their shape can run.
 */
export function withContentSecurityPolicy(html: string, file = "page"): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(([, body]) =>
    sha256(body)
  );
  const policy = [
    "default-src 'self'",
    // zstd is decoded by WebAssembly (src/lib/core/parquet.ts): compiling it needs 'wasm-unsafe-eval', which lets no
    // JavaScript text run; zstddec loads its module from a data: URL, which carries nothing off the page.
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
    `script-src-attr 'unsafe-hashes' ${htlPlaceholderHashes}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'"
  ].join("; ");
  const charset = '<meta charset="utf-8">';
  if (!html.includes(charset)) throw new Error(`${file}: no ${charset} to put the CSP after`);
  return html.replace(charset, `${charset}\n<meta http-equiv="Content-Security-Policy" content="${policy}">`);
}
