import {describe, expect, it} from "vitest";
import {spawn} from "node:child_process";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {runScript} from "../../helpers/cli.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

describe("npm start's server", () => {
  it("says to build first when there is no site, with exit code 1", () => {
    const missing = join(temporaryDirectory("serve-none"), "dist");
    const run = runScript("serve", [], {LEADSTAGE_OUTPUT: missing});
    expect([run.status, run.stderr]).toEqual([1, `serve: ${missing} does not exist: run npm run build first\n`]);
  });

  it("serves the built site on loopback at the port asked for, and says where", async () => {
    const site = temporaryDirectory("serve-site");
    writeFileSync(join(site, "index.html"), "<!doctype html><title>Leadstage</title>");
    const server = spawn("npx", ["tsx", "loaders/cli/serve.ts"], {
      env: {...process.env, LEADSTAGE_OUTPUT: site, PORT: "0"},
      detached: true
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let said = "";
        server.stderr.on("data", (chunk: Buffer) => {
          said += chunk;
          const found = said.match(/Leadstage is served at (http:\/\/127\.0\.0\.1:\d+)\/ \(Ctrl-C to stop\)/);
          if (found) resolve(found[1]);
        });
        server.on("exit", (code) => reject(new Error(`the server ended (${code}): ${said}`)));
      });
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<title>Leadstage</title>");
    } finally {
      process.kill(-server.pid!, "SIGTERM");
    }
  }, 60_000);
});
