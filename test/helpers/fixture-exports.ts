/** The fixture exports of test/fixtures/exports (each a folder with profile.json, its files and expected.json). */
import {readdirSync} from "node:fs";

/** The fixture exports' folder names, sorted. */
export function fixtureExports(): string[] {
  return readdirSync("test/fixtures/exports", {withFileTypes: true})
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}
