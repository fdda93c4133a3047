/**
 * Builds the site from the hand-computed fixture (with `npm run build`, as a user would), serves it on loopback and
 * hands its address to the browser tests. The fixture carries personal fields, so the build doubles as the check
 * that they never reach the output.
 */
import {spawnSync} from "node:child_process";
import type {TestProject} from "vitest/node";
import {serveStatic, type StaticServer} from "../../loaders/static-server.ts";

/** Where the fixture site is built. */
export const fixtureSite = "test-output/site-fixture";

let server: StaticServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const build = spawnSync("npm", ["run", "build"], {
    env: {...process.env, LEADSTAGE_DATA: "test/fixtures/small", LEADSTAGE_OUTPUT: fixtureSite, LEADSTAGE_LADDER: ""},
    encoding: "utf8"
  });
  if (build.status !== 0) throw new Error(`building the fixture site failed:\n${build.stdout}\n${build.stderr}`);
  server = await serveStatic(fixtureSite);
  project.provide("siteUrl", server.url);
  project.provide("siteDirectory", fixtureSite);
  project.provide("buildLog", build.stdout + build.stderr);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
    siteDirectory: string;
    buildLog: string;
  }
}
