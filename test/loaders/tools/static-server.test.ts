import {mkdirSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {Agent, request} from "node:http";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {serveStatic, type StaticServer} from "../../../loaders/tools/static-server.js";
import {temporaryDirectory} from "../../helpers/model.js";

const secret = "SECRET-RAW-LEADS";
const top = temporaryDirectory("leadstage-server-");
const root = join(top, "dist");
let server: StaticServer;
let port: number;
const agent = new Agent({keepAlive: true, maxSockets: 200});

/** One raw request (the path is sent as written, not normalised by a URL parser). */
function get(
  path: string,
  {method = "GET", host}: {method?: string; host?: string} = {}
): Promise<{status: number; headers: Record<string, unknown>; body: string}> {
  return new Promise((resolve, reject) => {
    const req = request(
      {host: "127.0.0.1", port, path, method, agent, headers: {host: host ?? `127.0.0.1:${port}`}},
      (res) => {
        let body = "";
        res.setEncoding("latin1");
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({status: res.statusCode ?? 0, headers: res.headers, body}));
      }
    );
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(join(root, "_file"), {recursive: true});
  writeFileSync(join(root, "index.html"), "<h1>overview</h1>");
  writeFileSync(join(root, "timing.html"), "<h1>timing</h1>");
  writeFileSync(join(root, "_file", "data.json"), "{}");
  mkdirSync(join(top, "dist-raw"));
  writeFileSync(join(top, "dist-raw", "leads.csv"), secret);
  writeFileSync(join(top, "secret.txt"), secret);
  symlinkSync(join(top, "secret.txt"), join(root, "link.txt"));
  server = await serveStatic(root);
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  agent.destroy();
  await server.close();
  rmSync(top, {recursive: true, force: true});
});

describe("the local server", () => {
  it("serves the site with clean URLs and sends nosniff", async () => {
    const page = await get("/timing");
    expect(page).toMatchObject({status: 200, body: "<h1>timing</h1>"});
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect((await get("/")).body).toBe("<h1>overview</h1>");
    expect((await get("/_file/data.json", {method: "HEAD"})).body).toBe("");
  });

  it("answers a malformed escape with 400 and stays up", async () => {
    expect((await get("/%E0%A4%A")).status).toBe(400);
    expect((await get("/timing")).status).toBe(200);
  });

  it("never serves a file outside its root: encoded ../, a sibling folder with the same prefix, a link", async () => {
    for (const path of ["/..%2fdist-raw/leads.csv", "/../dist-raw/leads.csv", "/..%2f..%2fsecret.txt", "/link.txt"]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain(secret);
    }
  });

  it("answers GET and HEAD only, and only to its own loopback name", async () => {
    expect((await get("/", {method: "POST"})).status).toBe(405);
    expect((await get("/", {method: "DELETE"})).status).toBe(405);
    expect((await get("/", {host: "attacker.example"})).status).toBe(421);
    expect((await get("/", {host: `localhost:${port}`})).status).toBe(200);
  });

  it("takes 10,000 requests from 200 clients at once, a fifth hostile: no crash, nothing from outside", async () => {
    const hostile = ["/%E0%A4%A", "/..%2fdist-raw/leads.csv", "/link.txt", "/%00", "/" + "a".repeat(5000)];
    const paths = Array.from({length: 10_000}, (_, i) => (i % 5 === 0 ? hostile[(i / 5) % hostile.length] : "/timing"));
    let leaked = 0;
    let served = 0;
    for (let i = 0; i < paths.length; i += 200) {
      const answers = await Promise.all(paths.slice(i, i + 200).map((path) => get(path)));
      for (const answer of answers) {
        if (answer.body.includes(secret)) leaked++;
        if (answer.status === 200) served++;
      }
    }
    expect(leaked).toBe(0);
    expect(served).toBe(8000);
    expect((await get("/timing")).status).toBe(200);
  });
});
