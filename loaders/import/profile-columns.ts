/**
 * Which columns of its files a profile may read, so that only those are staged (staged-columns.ts). A CRM's "all
 * properties" export has hundreds of columns of which a profile maps a dozen: staging all of HubSpot-like contacts
 * with 320 columns took 8.0–8.4 s for 200,000 rows and 1.6 GB, the twenty used ones 1.1–1.2 s
 * (docs/pipeline-speed.md). A file staged so never has the columns a profile marks personal loaded at all.
 *
 * Every text a profile holds, but under the keys that hold the data's values, formats and settings, is taken as a
 * name it may give a column (compared without regard to case, as the canonical profile matches its columns): more than
 * it reads is harmless for staging, and nothing it reads can be missed, whatever key names the column (a field, a
 * join, a milestone, a dimension). The same names find a header under a report's title (csv-header.ts).
 */
import type {ImportProfile} from "./profile-types.js";

/**
 * Keys whose texts are never column names to read: a file's personal columns, the profile's own words, and the data's
 * values, formats and settings. The values matter beyond staging: a report's title is found above the header by the
 * names a line holds (csv-header.ts), and a null marker such as the snapshot profile's "Select", twice in a data line,
 * would count as two names.
 */
const notColumns = new Set([
  ...["personal", "name", "description", "notes", "label", "$schema", "$comment", "default"],
  ...["values", "nullMarkers", "dateFormats", "formats", "timezone", "currency", "decimalSeparator", "times", "time"],
  ...["shape", "limits", "encoding", "delimiter", "sheet"]
]);

/**
 * Whether a column (as the file names it, surrounding space trimmed) may be read by `profile`; `also` adds names
 * the profile reads without naming them (the canonical profile's optional lead fields).
 */
export function readsColumn(profile: ImportProfile, also: readonly string[] = []): (column: string) => boolean {
  const names = new Set(also.map((d) => d.toLowerCase()));
  const collect = (value: unknown): void => {
    if (typeof value === "string") names.add(value.toLowerCase());
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) if (!notColumns.has(key)) collect(inner);
    }
  };
  collect(profile);
  return (column) => names.has(column.trim().toLowerCase());
}
