/**
 * npm start (after the build): serves dist/ on http://127.0.0.1:3000 (PORT to change it) until interrupted.
 */
import {existsSync} from "node:fs";
import {serveStatic} from "../tools/static-server.js";

const root = process.env.LEADSTAGE_OUTPUT ?? "dist";
if (!existsSync(root)) {
  process.stderr.write(`serve: ${root} does not exist: run npm run build first\n`);
  process.exit(1);
}
const {url} = await serveStatic(root, Number(process.env.PORT ?? 3000));
process.stderr.write(`Leadstage is served at ${url}/ (Ctrl-C to stop)\n`);
