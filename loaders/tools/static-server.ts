/**
 * A small static file server for the built site, bound to loopback only: `npm start` uses it to show the dashboard
 * and the browser tests use it to open dist/. Clean URLs (/timing → timing.html) as Framework builds them.
 */
import {createReadStream, existsSync, realpathSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {extname, join, resolve, sep} from "node:path";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
  ".parquet": "application/octet-stream",
  ".arrow": "application/vnd.apache.arrow.file",
  ".woff2": "font/woff2",
  ".ico": "image/x-icon"
};

/** A running server and its address. */
export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Headers on every answer: no content sniffing, no framing by other sites, no referrer leaving the machine. */
const safety = {"x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "no-referrer"};

/** Serves `root` on 127.0.0.1 (port 0 picks a free one). */
export async function serveStatic(root: string, port = 0): Promise<StaticServer> {
  const base = realpathSync(resolve(root));
  let actualPort = port;
  const server = createServer((request, response) => {
    const answer = (status: number, text: string, headers: Record<string, string> = {}) =>
      response.writeHead(status, {...safety, "content-type": "text/plain; charset=utf-8", ...headers}).end(text);
    try {
      if (request.method !== "GET" && request.method !== "HEAD")
        return answer(405, "method not allowed", {allow: "GET, HEAD"});
      // Only the loopback names this server answers to: a page on another site cannot reach it through DNS rebinding.
      const host = (request.headers.host ?? "").toLowerCase();
      if (!loopbackHosts(actualPort).includes(host)) return answer(421, "wrong host");
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
      } catch {
        return answer(400, "bad request");
      }
      if (pathname.includes("\0")) return answer(400, "bad request");
      const file = resolveFile(base, pathname);
      if (!file) return answer(404, "not found");
      response.writeHead(200, {...safety, "content-type": contentTypes[extname(file)] ?? "application/octet-stream"});
      if (request.method === "HEAD") return response.end();
      createReadStream(file)
        .on("error", () => response.destroy())
        .pipe(response);
    } catch {
      if (!response.headersSent) answer(500, "server error");
      else response.destroy();
    }
  });
  server.on("clientError", (_, socket) => socket.destroy());
  await new Promise<void>((done) => server.listen(port, "127.0.0.1", done));
  const address = server.address();
  actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    server,
    close: () => new Promise<void>((done) => server.close(() => done()))
  };
}

/** The Host headers a loopback server accepts. */
function loopbackHosts(port: number): string[] {
  return ["127.0.0.1", "localhost", "[::1]"].map((name) => `${name}:${port}`);
}

/** The file for a path: inside the root after every link is resolved, or none. */
function resolveFile(base: string, pathname: string): string | null {
  const path = resolve(base, `.${pathname}`);
  const candidates = pathname.endsWith("/") ? [join(path, "index.html")] : [path, `${path}.html`];
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const real = realpathSync(candidate);
    // A real path check: inside the root, separator included (a sibling "dist-raw" is not "dist").
    if (real !== base && !real.startsWith(base + sep)) continue;
    if (statSync(real).isFile()) return real;
  }
  return null;
}
