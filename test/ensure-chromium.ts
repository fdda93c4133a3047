/**
 * Runs before `npm test`: the browser tests drive Debian's Chromium, so a machine without it gets it installed (as
 * root, with apt) or is told in one line what to install, and the run stops at once with a closing line that counts
 * the failure, instead of a stack trace from every browser test.
 */
import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";

/** Where the browser tests look for Chromium (CHROMIUM_PATH overrides, as for the bench). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** What to do about Chromium on this machine. */
export type ChromiumPlan = {kind: "ready"} | {kind: "install"} | {kind: "stop"; message: string};

/** The plan for a machine: Chromium there, installable (root with apt-get), or a line saying what to install. */
export function chromiumPlan(machine: {hasChromium: boolean; isRoot: boolean; hasApt: boolean}): ChromiumPlan {
  if (machine.hasChromium) return {kind: "ready"};
  if (machine.isRoot && machine.hasApt) return {kind: "install"};
  const how = machine.hasApt ? "sudo apt-get install -y chromium" : "Debian's chromium package (or set CHROMIUM_PATH)";
  return {kind: "stop", message: `leadstage: the browser tests need Chromium at ${chromiumPath}: install ${how}`};
}

function main(): void {
  const plan = chromiumPlan({
    hasChromium: existsSync(chromiumPath),
    isRoot: process.getuid?.() === 0,
    hasApt: existsSync("/usr/bin/apt-get")
  });
  if (plan.kind === "install") {
    process.stderr.write("leadstage: installing Debian's chromium for the browser tests (apt-get)\n");
    try {
      execFileSync("apt-get", ["update", "-qq"], {stdio: ["ignore", "ignore", "inherit"]});
      execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
        stdio: ["ignore", "ignore", "inherit"],
        env: {...process.env, DEBIAN_FRONTEND: "noninteractive"}
      });
    } catch {
      stop(`leadstage: installing chromium with apt-get failed: install it by hand (apt-get install -y chromium)`);
    }
    if (!existsSync(chromiumPath)) stop(`leadstage: apt-get installed chromium but ${chromiumPath} is missing`);
  } else if (plan.kind === "stop") {
    stop(plan.message);
  }
}

/** One line saying why, then the closing line CI reads, counting the run as failed. */
function stop(message: string): never {
  process.stdout.write(`${message}\n\n0 passed, 1 failed\n`);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
