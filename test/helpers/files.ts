/**
 * Test helper: every file below a folder with its bytes, keyed by its path relative to the folder, to compare two
 * builds byte for byte.
 */
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";

/** Path (relative to `directory`) → bytes of every file below it. */
export function filesWithBytes(directory: string): Map<string, Buffer> {
  const all = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else all.set(relative(directory, path), readFileSync(path));
    }
  };
  walk(directory);
  return all;
}
