/**
 * Import profiles: a declarative mapping of an export (a CRM's, a marketing tool's, a spreadsheet's) onto the
 * lead-history model, so that a sales-ops person adapts Leadstage to their data by writing a JSON file, never code.
 * This module holds the profile's types and the check that runs when one is loaded; every error names the key.
 */
import {eventTypes, leadFields} from "../../src/lib/core/model.js";
import {checkDateFormat} from "../pipeline/date-formats.js";
import {InputError} from "../pipeline/input.js";
import {fullLimits, type DatasetLimits} from "../../src/lib/core/dataset.js";

/** A column of a declared file, optionally from another (joined) file, with its date formats and value map. */
export interface ColumnSpec {
  column: string;
  /** The file the column is in, when not the section's own file (a joined file: see ProfileFile.join). */
  file?: string;
  /** Date formats tried in order (see date-formats.ts); for date fields only. */
  formats?: string[];
  /** Maps the export's values onto the model's: e.g. a CRM's status names onto event types. null means blank. */
  values?: Record<string, string | null>;
}

/** A field given as a bare column name or a full spec. */
export type FieldSpec = string | ColumnSpec;

/** One input file of the export. */
export interface ProfileFile {
  /** Where the file is when the importer is given no paths: relative to the project folder. */
  default?: string;
  /** Text encoding of a CSV file (DuckDB's names: utf-8, latin-1, utf-16). */
  encoding?: string;
  /** CSV delimiter; detected when absent. */
  delimiter?: string;
  /** How this file's rows attach to the leads file: its column `column` holds the lead file's `leadId`. */
  join?: {column: string};
  /** Columns of this file that hold personal data: never mapped, never published. */
  personal?: string[];
}

/** The leads section: which file has one row per lead, and where each model field comes from. */
export interface LeadsSection {
  file: string;
  fields: {lead_id: FieldSpec; created_at: FieldSpec} & Partial<Record<string, FieldSpec>>;
}

/** A long event log: one row per event (as a CRM's field-history export gives). */
export interface LongEvents {
  shape: "long";
  file: string;
  leadId: FieldSpec;
  at: FieldSpec;
  type: FieldSpec;
  value?: FieldSpec;
}

/** A wide snapshot: one timestamp column per milestone (as HubSpot's "Became a … date" properties give). */
export interface WideEvents {
  shape: "wide";
  file: string;
  leadId: FieldSpec;
  milestones: {column: string; type: string; formats?: string[]; value?: FieldSpec}[];
}

/** A whole profile. */
export interface ImportProfile {
  name: string;
  description: string;
  /** IANA time zone of dates written without an offset; UTC when absent. */
  timezone?: string;
  /** Cell values that mean "blank" (after trimming), e.g. "", "n/a", "Select". */
  nullMarkers?: string[];
  /** Date formats used where a field gives none. */
  dateFormats?: string[];
  files: Record<string, ProfileFile>;
  leads: LeadsSection;
  events: (LongEvents | WideEvents)[];
  limits?: Partial<DatasetLimits>;
  /** Plain-language statements about the data that every page shows (English and German). */
  notes?: {en: string[]; de: string[]};
  /** Share of rejected rows above which the import fails (0…1); default 0.2. */
  maxRejectRate?: number;
}

/** Default date formats: ISO 8601 with or without time or offset. */
export const defaultDateFormats = ["ISO 8601"];

const topKeys = [
  "$comment",
  "name",
  "description",
  "timezone",
  "nullMarkers",
  "dateFormats",
  "files",
  "leads",
  "events",
  "limits",
  "notes",
  "maxRejectRate"
];

/** The column spec of a field, whichever way it was written. */
export function columnSpec(spec: FieldSpec): ColumnSpec {
  return typeof spec === "string" ? {column: spec} : spec;
}

/**
 * Checks a parsed profile and returns it typed. Errors name the profile key (`events[1].milestones[0].type`), so
 * the person writing the profile sees at once what to fix. Columns are checked later, against the files' headers.
 */
export function validateProfile(input: unknown, origin = "profile"): ImportProfile {
  const fail = (key: string, message: string): never => {
    throw new InputError(`${origin}: ${key}: ${message}`);
  };
  const object = (value: unknown, key: string): Record<string, unknown> => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) fail(key, "expected an object");
    return value as Record<string, unknown>;
  };
  const string = (value: unknown, key: string): string => {
    if (typeof value !== "string" || value === "") fail(key, "expected a non-empty string");
    return value as string;
  };
  const strings = (value: unknown, key: string): string[] => {
    if (!Array.isArray(value)) fail(key, "expected a list of strings");
    (value as unknown[]).forEach((d, i) => typeof d !== "string" && fail(`${key}[${i}]`, "expected a string"));
    return value as string[];
  };
  const onlyKeys = (value: Record<string, unknown>, key: string, allowed: string[]) => {
    for (const k of Object.keys(value)) {
      if (!allowed.includes(k))
        fail(`${key}.${k}`.replace(/^\./, ""), `unknown key (expected one of: ${allowed.join(", ")})`);
    }
  };

  const profile = object(input, "(root)");
  onlyKeys(profile, "", topKeys);
  string(profile.name, "name");
  string(profile.description, "description");
  if (profile.timezone !== undefined) {
    const zone = string(profile.timezone, "timezone");
    try {
      new Intl.DateTimeFormat("en-US", {timeZone: zone});
    } catch {
      fail("timezone", `unknown time zone "${zone}" (use an IANA name such as Europe/Berlin)`);
    }
  }
  if (profile.nullMarkers !== undefined) strings(profile.nullMarkers, "nullMarkers");
  if (profile.dateFormats !== undefined) checkFormats(profile.dateFormats, "dateFormats");
  if (profile.maxRejectRate !== undefined) {
    const rate = profile.maxRejectRate;
    if (typeof rate !== "number" || !(rate >= 0 && rate <= 1)) fail("maxRejectRate", "expected a number from 0 to 1");
  }

  const files = object(profile.files, "files");
  if (Object.keys(files).length === 0) fail("files", "declare at least one file");
  for (const [name, raw] of Object.entries(files)) {
    const key = `files.${name}`;
    if (!/^[a-z][a-z0-9_]*$/.test(name)) fail(key, "file names are lower-case letters, digits and _");
    const file = object(raw, key);
    onlyKeys(file, key, ["default", "encoding", "delimiter", "join", "personal"]);
    if (file.default !== undefined) string(file.default, `${key}.default`);
    if (file.encoding !== undefined && !["utf-8", "latin-1", "utf-16"].includes(file.encoding as string)) {
      fail(`${key}.encoding`, "expected utf-8, latin-1 or utf-16");
    }
    if (file.delimiter !== undefined && (typeof file.delimiter !== "string" || file.delimiter.length !== 1)) {
      fail(`${key}.delimiter`, "expected one character");
    }
    if (file.join !== undefined) string(object(file.join, `${key}.join`).column, `${key}.join.column`);
    if (file.personal !== undefined) strings(file.personal, `${key}.personal`);
  }
  const fileNames = Object.keys(files);
  const checkFile = (value: unknown, key: string) => {
    const name = string(value, key);
    if (!fileNames.includes(name)) fail(key, `unknown file "${name}" (declared: ${fileNames.join(", ")})`);
    return name;
  };

  const checkSpec = (value: unknown, key: string, options: {date?: boolean; values?: readonly string[]} = {}) => {
    if (typeof value === "string") return string(value, key);
    const spec = object(value, key);
    onlyKeys(spec, key, ["column", "file", "formats", "values"]);
    string(spec.column, `${key}.column`);
    if (spec.file !== undefined) checkFile(spec.file, `${key}.file`);
    if (spec.formats !== undefined) {
      if (!options.date) fail(`${key}.formats`, "only date fields take formats");
      checkFormats(spec.formats, `${key}.formats`);
    }
    if (spec.values !== undefined) {
      const values = object(spec.values, `${key}.values`);
      for (const [from, to] of Object.entries(values)) {
        if (to !== null && typeof to !== "string") fail(`${key}.values.${from}`, "expected a string or null");
        if (options.values && to !== null && !options.values.includes(to as string)) {
          fail(`${key}.values.${from}`, `unknown event type "${to}" (known: ${options.values.join(", ")})`);
        }
      }
    }
    return spec.column as string;
  };

  const leads = object(profile.leads, "leads");
  onlyKeys(leads, "leads", ["file", "fields"]);
  const leadsFile = checkFile(leads.file, "leads.file");
  if (files[leadsFile] && (files[leadsFile] as ProfileFile).join) fail("leads.file", "the leads file cannot be joined");
  const fields = object(leads.fields, "leads.fields");
  for (const field of ["lead_id", "created_at"])
    if (fields[field] === undefined) fail(`leads.fields.${field}`, "required");
  for (const [field, spec] of Object.entries(fields)) {
    if (!(leadFields as readonly string[]).includes(field)) {
      fail(`leads.fields.${field}`, `unknown field (the model's lead fields: ${leadFields.join(", ")})`);
    }
    checkSpec(spec, `leads.fields.${field}`, {date: field === "created_at"});
    const file = columnSpec(spec as FieldSpec).file;
    if (file && file !== leadsFile && !(files[file] as ProfileFile).join) {
      fail(`leads.fields.${field}.file`, `file "${file}" has no join to the leads file (add files.${file}.join)`);
    }
  }

  if (!Array.isArray(profile.events)) fail("events", "expected a list of event sections");
  (profile.events as unknown[]).forEach((raw, i) => {
    const key = `events[${i}]`;
    const section = object(raw, key);
    if (section.shape === "long") {
      onlyKeys(section, key, ["shape", "file", "leadId", "at", "type", "value"]);
      checkFile(section.file, `${key}.file`);
      checkSpec(section.leadId, `${key}.leadId`);
      checkSpec(section.at, `${key}.at`, {date: true});
      checkSpec(section.type, `${key}.type`, {values: eventTypes});
      if (section.value !== undefined) checkSpec(section.value, `${key}.value`);
    } else if (section.shape === "wide") {
      onlyKeys(section, key, ["shape", "file", "leadId", "milestones"]);
      checkFile(section.file, `${key}.file`);
      checkSpec(section.leadId, `${key}.leadId`);
      if (!Array.isArray(section.milestones) || section.milestones.length === 0) {
        fail(`${key}.milestones`, "expected a non-empty list");
      }
      (section.milestones as unknown[]).forEach((m, j) => {
        const mkey = `${key}.milestones[${j}]`;
        const milestone = object(m, mkey);
        onlyKeys(milestone, mkey, ["column", "type", "formats", "value"]);
        string(milestone.column, `${mkey}.column`);
        const type = string(milestone.type, `${mkey}.type`);
        if (!eventTypes.includes(type as never)) {
          fail(`${mkey}.type`, `unknown event type "${type}" (known: ${eventTypes.join(", ")})`);
        }
        if (milestone.formats !== undefined) checkFormats(milestone.formats, `${mkey}.formats`);
        if (milestone.value !== undefined) checkSpec(milestone.value, `${mkey}.value`);
      });
    } else {
      fail(`${key}.shape`, `expected "long" or "wide"`);
    }
  });

  if (profile.limits !== undefined) {
    const limits = object(profile.limits, "limits");
    onlyKeys(limits, "limits", Object.keys(fullLimits));
    for (const [k, v] of Object.entries(limits))
      if (typeof v !== "boolean") fail(`limits.${k}`, "expected true or false");
  }
  if (profile.notes !== undefined) {
    const notes = object(profile.notes, "notes");
    onlyKeys(notes, "notes", ["en", "de"]);
    strings(notes.en, "notes.en");
    strings(notes.de, "notes.de");
    if ((notes.en as string[]).length !== (notes.de as string[]).length) fail("notes", "en and de need the same notes");
  }
  checkPersonalNotMapped(profile as unknown as ImportProfile, fail);
  return profile as unknown as ImportProfile;

  function checkFormats(value: unknown, key: string) {
    strings(value, key).forEach((format, i) => {
      const problem = checkDateFormat(format);
      if (problem) fail(`${key}[${i}]`, problem);
    });
  }
}

/** A column marked personal may be read but never mapped into the model. */
function checkPersonalNotMapped(profile: ImportProfile, fail: (key: string, message: string) => never): void {
  const personal = (file: string) => new Set(profile.files[file]?.personal ?? []);
  const check = (spec: FieldSpec | undefined, defaultFile: string, key: string) => {
    if (spec === undefined) return;
    const {column, file = defaultFile} = columnSpec(spec);
    if (personal(file).has(column)) fail(key, `column "${column}" of ${file} is marked personal and cannot be mapped`);
  };
  for (const [field, spec] of Object.entries(profile.leads.fields)) {
    check(spec, profile.leads.file, `leads.fields.${field}`);
  }
  profile.events.forEach((section, i) => {
    check(section.leadId, section.file, `events[${i}].leadId`);
    if (section.shape === "long") {
      check(section.at, section.file, `events[${i}].at`);
      check(section.type, section.file, `events[${i}].type`);
      check(section.value, section.file, `events[${i}].value`);
    } else {
      section.milestones.forEach((m, j) => {
        check(m.column, section.file, `events[${i}].milestones[${j}].column`);
        check(m.value, section.file, `events[${i}].milestones[${j}].value`);
      });
    }
  });
}
