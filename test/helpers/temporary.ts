/**
 * Temporary folders for tests, each removed when its test file ends (test/helpers/cleanup.ts runs the removal), so
 * that tests clean up what they write even when one fails halfway. Kept apart from the model helpers, so that the
 * cleanup every test file runs does not load DuckDB.
 */
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

/** Every folder {@link temporaryDirectory} made in this test file. */
const madeFolders: string[] = [];

/** A fresh temporary folder, removed when the test file ends. */
export function temporaryDirectory(prefix = "leadstage-"): string {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  madeFolders.push(directory);
  return directory;
}

/** Removes every temporary folder made so far; returns how many. */
export function removeTemporaryDirectories(): number {
  const folders = madeFolders.splice(0);
  for (const directory of folders) rmSync(directory, {recursive: true, force: true});
  return folders.length;
}

/** A file of `bytes` named `name` in a fresh temporary folder; its path. */
export function temporaryFile(name: string, bytes: string | Uint8Array): string {
  const path = join(temporaryDirectory(), name);
  writeFileSync(path, bytes);
  return path;
}
