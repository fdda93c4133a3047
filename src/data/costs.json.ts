// The optional campaign cost table: costs.csv (columns campaign,cost) next to the leads and events; null without one.
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {defaultDataDirectory} from "../../loaders/pipeline/input.js";

const path = join(process.env.LEADSTAGE_DATA || defaultDataDirectory, "costs.csv");
const text = existsSync(path) ? readFileSync(path, "utf8") : null;
process.stderr.write(`costs.json: ${text === null ? `no ${path}` : `read ${path}`}\n`);
process.stdout.write(JSON.stringify({text}));
