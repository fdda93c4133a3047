// Every package the code imports is declared in package.json: one that only arrives as another package's
// dependency (d3-time-format came with Plot) vanishes when that package changes, and a fresh install breaks.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {builtinModules} from "node:module";
import {describe, expect, it} from "vitest";

const manifest = JSON.parse(readFileSync("package.json", "utf8"));
const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]);

function files(directory: string): string[] {
  return readdirSync(directory, {withFileTypes: true}).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith(".") || entry.name === "__snapshots__" ? [] : files(path);
    return /\.(ts|md)$/.test(entry.name) ? [path] : [];
  });
}

/** The package a bare import specifier names ("@scope/name" or "name"), or null for a relative or built-in one. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) return null;
  const name = specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");
  return builtinModules.includes(name) ? null : name;
}

describe("package.json", () => {
  it("declares every package that src/, loaders/ and test/ import", () => {
    const undeclared = new Set<string>();
    for (const file of [...files("src"), ...files("loaders"), ...files("test")]) {
      const text = readFileSync(file, "utf8");
      for (const [, specifier] of text.matchAll(/^\s*(?:import|export)\b[^"'`]*?from\s+["']([^"']+)["']/gm)) {
        const name = packageOf(specifier);
        if (name && !declared.has(name) && !declared.has(`@types/${name}`)) undeclared.add(`${file}: ${name}`);
      }
    }
    expect([...undeclared]).toEqual([]);
  });

  it("runs every command that builds a model with at most two glibc malloc arenas, unless the caller sets them", () => {
    // glibc kept DuckDB's freed memory in up to 16 arenas: ten million leads peaked at 5.1-5.9 GB, with two 4.8 GB
    // and no slower (docs/pipeline-speed.md, "Memory returned"). Other platforms ignore the variable.
    const scripts = manifest.scripts as Record<string, string>;
    for (const name of ["build", "dev", "import", "bench"]) {
      expect(scripts[name], name).toMatch(/(^|&& )MALLOC_ARENA_MAX=\$\{MALLOC_ARENA_MAX:-2\} tsx loaders\/cli\//);
    }
  });

  it("reads a package name from a specifier", () => {
    expect(["d3-array", "@observablehq/plot/dist/x.js", "./x.js", "node:fs", "fs"].map(packageOf)).toEqual([
      "d3-array",
      "@observablehq/plot",
      null,
      null,
      null
    ]);
  });
});
