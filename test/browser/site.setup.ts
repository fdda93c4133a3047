/**
 * Builds the site with `npm run build`, as a user would, and serves each build on loopback for the browser tests:
 * from the hand-computed fixture (exact numbers, and personal fields that must not leak), from the bundled sample,
 * from the real Olist export imported through its profile (data that lacks lost outcomes and evidence, which the
 * pages must say rather than hide), and from each export of the corpus in data/profiles/examples (a snapshot without
 * dates, durations without a calendar, Salesforce's object files).
 */
import {spawnSync} from "node:child_process";
import {fixtureExports} from "../helpers/fixture-exports.js";
import type {TestProject} from "vitest/node";
import {serveStatic, type StaticServer} from "../../loaders/tools/static-server.js";

/** The builds the browser tests open. */
export type SiteName = "fixture" | "sample" | "olist" | CorpusExport | `exports/${string}`;

/** The worked-example exports (data/profiles/examples) built into sites of their own. */
export const corpusExports = ["snapshot-lead-scoring", "win-loss-durations", "salesforce"] as const;

/** One export of the corpus. */
export type CorpusExport = (typeof corpusExports)[number];

/** One build: where it is served and stored, and what the build printed. */
export interface BuiltSite {
  url: string;
  directory: string;
  log: string;
}

const servers: StaticServer[] = [];

function run(command: string, args: string[], env: Record<string, string>): string {
  // The global setup does not get the config's test env: the builds' pseudonym key must live with the test output too.
  const result = spawnSync(command, args, {
    env: {...process.env, LEADSTAGE_LADDER: "", LEADSTAGE_KEY_FILE: "test-output/pseudonym-key", ...env},
    encoding: "utf8"
  });
  const output = result.stdout + result.stderr;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${output}`);
  return output;
}

async function buildSite(name: string, data: string): Promise<BuiltSite> {
  const directory = `test-output/site-${name}`;
  const log = run("npm", ["run", "build"], {LEADSTAGE_DATA: data, LEADSTAGE_OUTPUT: directory});
  const server = await serveStatic(directory);
  servers.push(server);
  return {url: server.url, directory, log};
}

export async function setup(project: TestProject): Promise<void> {
  run(
    "npx",
    [
      "tsx",
      "loaders/cli/import.ts",
      "olist",
      "../shared/data/olist-marketing-funnel",
      "--out",
      "test-output/olist-data"
    ],
    {}
  );
  for (const name of corpusExports) {
    run("npx", ["tsx", "loaders/cli/import.ts", name, "--out", `test-output/${name}-data`], {});
  }
  // One after the other: the builds share Framework's loader cache, which each build clears first.
  const sites = {
    fixture: await buildSite("fixture", "test/fixtures/small"),
    sample: await buildSite("sample", "data/sample"),
    olist: await buildSite("olist", "test-output/olist-data")
  } as Record<SiteName, BuiltSite>;
  for (const name of corpusExports) sites[name] = await buildSite(name, `test-output/${name}-data`);
  // The fixture exports of test/fixtures/exports, each through its own profile.
  for (const name of fixtureExports()) {
    const profile = `test/fixtures/exports/${name}/profile.json`;
    run("npx", ["tsx", "loaders/cli/import.ts", profile, "--out", `test-output/exports-${name}-data`], {});
    sites[`exports/${name}`] = await buildSite(`exports-${name}`, `test-output/exports-${name}-data`);
  }
  project.provide("sites", sites);
}

export async function teardown(): Promise<void> {
  await Promise.all(servers.map((d) => d.close()));
}

declare module "vitest" {
  export interface ProvidedContext {
    sites: Record<SiteName, BuiltSite>;
  }
}
