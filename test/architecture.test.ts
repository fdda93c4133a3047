// The house rules a newcomer relies on, read from the code itself: which folder may import which (data flows one
// way: core ← page logic ← components ← pages; loaders read core and never the browser's code, but for the files
// named in `exceptions`), no circle of imports (type-only ones included), files and functions short enough to read,
// and a test file beside every module's place.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {dirname, join, normalize, relative} from "node:path";
import ts from "typescript";
import {describe, expect, it} from "vitest";

const root = join(import.meta.dirname, "..");

/** Every source file of the project (TypeScript and pages), repository-relative. */
function sourceFiles(directory: string): string[] {
  return readdirSync(join(root, directory), {withFileTypes: true}).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith(".") ? [] : sourceFiles(path);
    return /\.(ts|md)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

const files = [...sourceFiles("src"), ...sourceFiles("loaders")];

/** The project files a file imports (type-only imports and re-exports included; packages left out). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+)["']/g)].map(
    (m) => m[1]
  );
  return specifiers.map((specifier) => {
    const target = normalize(join(dirname(file), specifier)).replace(/\.js$/, ".ts");
    if (!files.includes(target)) throw new Error(`${file} imports ${specifier}, which is no source file`);
    return target;
  });
}

const graph = new Map(files.map((file) => [file, importsOf(file)]));

/** The layer a file belongs to, by its folder. */
function layer(file: string): string {
  const rules: [RegExp, string][] = [
    [/^src\/lib\/core\//, "core"],
    [/^src\/lib\/i18n\//, "i18n"],
    [/^src\/lib\//, "page logic"],
    [/^src\/components\//, "components"],
    [/^src\/data\//, "data loaders"],
    [/^src\/[^/]+\.md$/, "pages"],
    [/^loaders\/pipeline\//, "pipeline"],
    [/^loaders\/import\//, "import"],
    [/^loaders\/site\//, "site"],
    [/^loaders\/(tools|cli)\//, "tools"]
  ];
  const found = rules.find(([pattern]) => pattern.test(file));
  if (!found) throw new Error(`${file} is in no known folder: add it to the layers`);
  return found[1];
}

/** Which layers each layer may import (its own included). */
const allowed: Record<string, string[]> = {
  core: ["core"],
  i18n: ["i18n", "core"],
  "page logic": ["page logic", "i18n", "core"],
  components: ["components", "page logic", "i18n", "core"],
  pages: ["components", "page logic", "i18n", "core"],
  "data loaders": ["site"],
  // Profiles are the pipeline's first stage (compiled to the SQL it runs), and they use its SQL helpers: the two
  // folders may use each other; the circle check below keeps their files from going round.
  pipeline: ["pipeline", "import", "core"],
  import: ["import", "pipeline", "core"],
  site: ["site", "import", "pipeline", "core"],
  tools: ["tools", "site", "import", "pipeline", "core", "page logic", "i18n"]
};

/**
 * Files that may import a layer beyond their own's: the build works out the level to hand off at with the very
 * simulator the pages run (decoding the files as they do, resampling on a second thread as their helper worker
 * does), so that the two can never answer differently.
 */
const exceptions: Record<string, string[]> = {
  "loaders/site/handoff-target.ts": ["page logic"],
  "loaders/site/helper-thread.ts": ["page logic"],
  "loaders/site/resample-thread.ts": ["page logic"]
};

describe("the import direction", () => {
  it("knows every file's folder, and every layer's imports stay within what it may import", () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      for (const target of imports) {
        if (!allowed[layer(file)].includes(layer(target)) && !exceptions[file]?.includes(layer(target)))
          wrong.push(`${file} (${layer(file)}) → ${target} (${layer(target)})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has no circle of imports, type-only imports included", () => {
    expect(importCircles(graph)).toEqual([]);
  });

  it("finds a circle where there is one (the check itself can fail)", () => {
    const circle = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]]
    ]);
    expect(importCircles(circle)).toEqual([["a", "b", "c"]]);
  });
});

/** The strongly connected groups of more than one file (Tarjan's algorithm), each sorted. */
function importCircles(edges: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const circles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    for (const target of edges.get(node) ?? []) {
      if (!index.has(target)) (visit(target), low.set(node, Math.min(low.get(node)!, low.get(target)!)));
      else if (stack.includes(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do group.push((member = stack.pop()!));
      while (member !== node);
      if (group.length > 1 || edges.get(node)?.includes(node)) circles.push(group.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return circles;
}

describe("short files and functions", () => {
  const dictionaries = /^src\/lib\/i18n\/(en|de)\.ts$/;

  it("keeps every file outside the dictionaries at 300 lines or fewer", () => {
    const long = files
      .filter((file) => !dictionaries.test(file))
      .map((file) => ({file, lines: readFileSync(join(root, file), "utf8").trimEnd().split("\n").length}))
      .filter((d) => d.lines > 300);
    expect(long).toEqual([]);
  });

  it("keeps every function at 80 lines or fewer", () => {
    const long = files.filter((file) => file.endsWith(".ts")).flatMap((file) => longFunctions(file, 80));
    expect(long).toEqual([]);
  });

  it("measures functions right (the check itself can fail)", () => {
    const body = Array.from({length: 81}, (_, i) => `  const x${i} = ${i};`).join("\n");
    const source = ts.createSourceFile("x.ts", `export function long() {\n${body}\n}\n`, ts.ScriptTarget.ES2022);
    expect(functionLengths(source).map((d) => d.lines)).toEqual([83]);
  });
});

/** The functions of a file longer than `limit` lines, as "file: name (n lines)". */
function longFunctions(file: string, limit: number): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.ES2022, true);
  return functionLengths(source)
    .filter((d) => d.lines > limit)
    .map((d) => `${relative(root, join(root, file))}: ${d.name} (${d.lines} lines)`);
}

/** Every function-like node of a source file with its name and its length in lines. */
function functionLengths(source: ts.SourceFile): {name: string; lines: number}[] {
  const found: {name: string; lines: number}[] = [];
  const walk = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = "name" in node && node.name ? (node.name as ts.Identifier).getText(source) : "(anonymous)";
      found.push({name, lines: end - start + 1});
    }
    ts.forEachChild(node, walk);
  };
  walk(source);
  return found;
}

describe("tests that mirror the source", () => {
  /** Modules whose tests live elsewhere: the test that runs them, where a file of their own could not. */
  const testedElsewhere: Record<string, string> = {
    "loaders/import/profile-types.ts": "test/loaders/import/profile.test.ts",
    "loaders/tools/bench/arquero-pipeline.ts": "test/loaders/tools/bench/contenders.test.ts",
    "loaders/tools/bench/core-spec.ts": "test/loaders/tools/bench/contenders.test.ts",
    "loaders/tools/bench/typed-array-pipeline.ts": "test/loaders/tools/bench/contenders.test.ts",
    // Each bench run is a process of its own (for its peak memory); the contenders test runs it so.
    "loaders/tools/bench/run.ts": "test/loaders/tools/bench/contenders.test.ts",
    // These drive Chromium against a built site: the browser tests have one.
    "loaders/tools/bench/chromium.ts": "test/browser/bench-page-loads.test.ts",
    "loaders/tools/bench/sample-page.ts": "test/browser/bench-sample-page.test.ts",
    // A worker's entry runs only in a browser: the simulator page's test checks that its resamples run there.
    "src/lib/simulator/simulation-worker.ts": "test/browser/simulator.test.ts",
    // A worker thread's entry: the helper thread's test starts it.
    "loaders/site/resample-thread.ts": "test/loaders/site/helper-thread.test.ts",
    // The dictionaries: held to the same keys and placeholders by the i18n test.
    "src/lib/i18n/en.ts": "test/lib/i18n/i18n.test.ts",
    "src/lib/i18n/de.ts": "test/lib/i18n/i18n.test.ts"
  };
  /**
   * Folders of entry points, each a few lines of arguments around modules tested on their own: the npm scripts (the
   * browser tests' setup runs `npm run build`, the importer test `npm run import`) and Framework's data loaders (one
   * call each to loaders/site/run-loader.ts; test/loaders/site/page-data.test.ts runs every one of them).
   */
  const entryPoints = /^(loaders\/cli|src\/data)\//;

  /** Whether a module declares types only (nothing runs, so nothing to test). */
  const typesOnly = (file: string) =>
    ts
      .createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.ES2022)
      .statements.every(
        (d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d) || ts.isImportDeclaration(d)
      );

  /** A module's own test file: src/lib/x.ts → test/lib/x.test.ts, loaders/x.ts → test/loaders/x.test.ts. */
  const mirror = (file: string) => join("test", file.replace(/^src\//, "").replace(/\.ts$/, ".test.ts"));

  it("gives every module a test file at the same place under test/, or names the test that runs it", () => {
    const modules = files.filter((file) => file.endsWith(".ts") && !entryPoints.test(file) && !typesOnly(file));
    const untested = modules.filter((file) => !existsSync(join(root, testedElsewhere[file] ?? mirror(file))));
    expect(untested).toEqual([]);
  });

  it("names no test elsewhere for a module that has its own, or for a module that is gone", () => {
    const stale = Object.keys(testedElsewhere).filter(
      (file) => !files.includes(file) || existsSync(join(root, mirror(file)))
    );
    expect(stale).toEqual([]);
  });
});
