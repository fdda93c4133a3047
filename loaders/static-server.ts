/**
 * A small static file server for the built site, bound to loopback only: `npm start` uses it to show the dashboard
 * and the browser tests use it to open dist/. Clean URLs (/timing → timing.html) as Framework builds them.
 */
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {extname, join, normalize, resolve} from "node:path";

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

/** Serves `root` on 127.0.0.1 (port 0 picks a free one). */
export async function serveStatic(root: string, port = 0): Promise<StaticServer> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = resolveFile(base, pathname);
    if (!file) {
      response.writeHead(404, {"content-type": "text/plain"}).end("not found");
      return;
    }
    response.writeHead(200, {"content-type": contentTypes[extname(file)] ?? "application/octet-stream"});
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(port, "127.0.0.1", done));
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    server,
    close: () => new Promise<void>((done) => server.close(() => done()))
  };
}

function resolveFile(base: string, pathname: string): string | null {
  const path = normalize(join(base, pathname));
  if (!path.startsWith(base)) return null; // no escaping the root with ../
  const candidates = pathname.endsWith("/") ? [join(path, "index.html")] : [path, `${path}.html`];
  return candidates.find((d) => existsSync(d) && statSync(d).isFile()) ?? null;
}
