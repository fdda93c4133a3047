/**
 * npm run dev: Framework's preview server, plus the one thing it lacks here. Framework re-runs a data loader only
 * when the loader file changes, not when a module it imports (the ladder, the pipeline, the SQL) or its input does.
 * This watches those and touches the loaders, so an edit to the ladder shows up on the page without a restart.
 */
import {spawn} from "node:child_process";
import {existsSync, readdirSync, utimesSync, watch} from "node:fs";
import {join} from "node:path";
import {defaultDataDirectory} from "../pipeline/input.js";

const loaderDirectory = "src/data";
const watched = ["loaders", "src/lib", process.env.LEADSTAGE_DATA || defaultDataDirectory];
if (process.env.LEADSTAGE_LADDER) watched.push(process.env.LEADSTAGE_LADDER);

/** Marks every data loader as changed, so Framework runs it again on the next request. */
function touchLoaders(reason: string): void {
  const now = new Date();
  for (const name of readdirSync(loaderDirectory)) utimesSync(join(loaderDirectory, name), now, now);
  process.stderr.write(`dev: ${reason} changed: data loaders will run again\n`);
}

let pending: NodeJS.Timeout | undefined;
for (const path of watched.filter((d) => existsSync(d))) {
  watch(path, {recursive: true}, (_, file) => {
    clearTimeout(pending);
    pending = setTimeout(() => touchLoaders(file ? join(path, file.toString()) : path), 200);
  });
}

const preview = spawn("observable", ["preview", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}
});
preview.on("exit", (code) => process.exit(code ?? 0));
