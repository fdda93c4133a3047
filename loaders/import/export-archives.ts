/**
 * Exports as they are delivered: Salesforce's data export comes as zip archives (`WE_<org>_1.zip`, `_2.zip`, … each
 * holding some of the objects' CSV files: `Lead.csv`, `LeadHistory.csv`, …), and other CRMs zip large exports too.
 * Given one or more zip archives, the files a profile reads (named like its defaults) are unpacked, streamed, into a
 * temporary folder that is removed after the import, each under its archive's name (a message about a file then names
 * the archive it came from); everything else is left packed. A file found in none of the archives, or in two, is one
 * clear error naming the archives.
 */
import {createWriteStream, mkdirSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, dirname, join, posix} from "node:path";
import {pipeline} from "node:stream/promises";
import yauzl from "yauzl";
import {InputError} from "../pipeline/input.js";
import type {ImportProfile} from "./profile-types.js";

/** Whether the files given are zip archives (all of them: archives and plain files are not mixed). */
export function areArchives(given: string[]): boolean {
  return given.length > 0 && given.every((path) => /\.zip$/i.test(path));
}

/** The file names a profile looks for (its defaults' names: Lead.csv, …), by their lower case. */
function wantedNames(profile: ImportProfile, archives: string[]): Map<string, string> {
  const wanted = new Map<string, string>(); // lower case → as the profile names it
  for (const [file, spec] of Object.entries(profile.files)) {
    if (!spec.default) {
      throw new InputError(
        `files.${file} has no default name to look for in ${archives.map((d) => basename(d)).join(", ")}`
      );
    }
    wanted.set(basename(spec.default).toLowerCase(), basename(spec.default));
  }
  return wanted;
}

/**
 * Unpacks the files `profile` reads from the zip `archives` into a new folder and runs `run` with their paths (by the
 * profile's file, as the import takes them); the folder is removed afterwards, whatever happens.
 */
export async function withUnpackedArchives<T>(
  profile: ImportProfile,
  archives: string[],
  run: (paths: Record<string, string>) => Promise<T>
): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), "leadstage-unpacked-"));
  try {
    const wanted = wantedNames(profile, archives);
    const found = new Map<string, string>();
    const seen: string[] = [];
    for (const archive of archives) await unpack(archive, folder, wanted, found, seen);
    const missing = [...wanted.keys()].filter((name) => !found.has(name));
    if (missing.length > 0) {
      const which = missing.map((name) => wanted.get(name)).join(", ");
      const held = seen.length > 0 ? seen.slice(0, 20).join(", ") + (seen.length > 20 ? ", …" : "") : "no file";
      throw new InputError(`${which} in none of ${archives.join(", ")} (they hold: ${held})`);
    }
    const paths = Object.fromEntries(
      Object.entries(profile.files).map(([file, spec]) => {
        const name = basename(spec.default!);
        return [file, join(folder, basename(found.get(name.toLowerCase())!), name)];
      })
    );
    return await run(paths);
  } finally {
    rmSync(folder, {recursive: true, force: true});
  }
}

/** Streams the wanted files of one archive into `folder`, under the names the profile looks for. */
async function unpack(
  archive: string,
  folder: string,
  wanted: Map<string, string>,
  found: Map<string, string>,
  seen: string[]
): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(archive, {autoClose: false});
  } catch (error) {
    throw new InputError(`${archive}: cannot be read as a zip archive (${(error as Error).message})`);
  }
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith("/")) continue;
      const name = posix.basename(entry.fileName);
      seen.push(name);
      const key = name.toLowerCase();
      if (!wanted.has(key)) continue;
      const before = found.get(key);
      if (before) throw new InputError(`${name} is in both ${before} and ${archive}: give the one to read`);
      found.set(key, archive);
      // Under the name the profile looks for, whatever its case in the archive, in a folder named as the archive.
      const target = join(folder, basename(archive), wanted.get(key)!);
      mkdirSync(dirname(target), {recursive: true});
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target));
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${archive}: cannot be unpacked (${(error as Error).message})`);
  } finally {
    zip.close();
  }
}
