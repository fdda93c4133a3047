import {describe, expect, it} from "vitest";
import {spawn} from "node:child_process";
import {readdirSync, statSync, utimesSync, writeFileSync} from "node:fs";
import {createServer} from "node:net";
import {join} from "node:path";
import {temporaryDirectory} from "../../helpers/temporary.js";

/** A port nothing listens on right now (the system's pick). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as {port: number};
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves with everything `stream` said once it has said something matching `pattern`. */
function said(stream: NodeJS.ReadableStream, pattern: RegExp, ended: Promise<string>): Promise<string> {
  let text = "";
  return Promise.race([
    new Promise<string>((resolve) => {
      stream.on("data", (chunk: Buffer) => {
        text += chunk;
        if (pattern.test(text)) resolve(text);
      });
    }),
    ended.then((why) => Promise.reject(new Error(`${why} before saying ${pattern}: ${text}`)))
  ]);
}

// Framework re-runs a loader only when the loader file changes: npm run dev marks them changed when their input does.
describe("npm run dev", () => {
  it("starts Framework's preview on the port asked for and marks the data loaders changed when the input changes", async () => {
    const data = temporaryDirectory("dev-data");
    const loaders = readdirSync("src/data").map((name) => join("src/data", name));
    const times = new Map(loaders.map((path) => [path, statSync(path)]));
    // Dated long ago first, so that being marked changed shows.
    const longAgo = new Date("2001-01-01T00:00:00Z");
    for (const path of loaders) utimesSync(path, longAgo, longAgo);
    const port = await freePort();
    const dev = spawn("npx", ["tsx", "loaders/cli/dev.ts", "--port", String(port)], {
      env: {...process.env, LEADSTAGE_DATA: data, LEADSTAGE_PROGRESS: "0"},
      detached: true
    });
    const ended = new Promise<string>((resolve) => dev.on("exit", (code) => resolve(`dev ended (${code})`)));
    try {
      await said(dev.stdout, new RegExp(`http://127\\.0\\.0\\.1:${port}/`), ended);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      const message = said(dev.stderr, /dev: .* changed: data loaders will run again\n/, ended);
      writeFileSync(join(data, "leads.csv"), "lead_id,created_at\n");
      expect(await message).toContain(`dev: ${join(data, "leads.csv")} changed: data loaders will run again\n`);
      for (const path of loaders) expect(statSync(path).mtimeMs).toBeGreaterThan(longAgo.getTime());
    } finally {
      process.kill(-dev.pid!, "SIGTERM");
      // The loaders' times as they were: a later build need not think them edited.
      for (const [path, {atime, mtime}] of times) utimesSync(path, atime, mtime);
    }
  }, 60_000);
});
