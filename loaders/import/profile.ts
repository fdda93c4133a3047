/**
 * Import profiles: a declarative mapping of an export (a CRM's, a marketing tool's, a spreadsheet's) onto the
 * lead-history model, so that a sales-ops person adapts Leadstage to their data by writing a JSON file, never code.
 * This module holds the profile's types and the check that runs when one is loaded; every error names the key.
 */
import {readFileSync} from "node:fs";
import {Ajv} from "ajv";
import {schemaProblem} from "./schema-problem.js";
import {checkDateFormat} from "../pipeline/date-formats.js";
import {InputError} from "../pipeline/input.js";
import type {DatasetLimits} from "../../src/lib/core/dataset.js";

/** A column of a declared file, optionally from another (joined) file, with its date formats and value map. */
export interface ColumnSpec {
  column: string;
  /** The file the column is in, when not the section's own file (a joined file: see ProfileFile.join). */
  file?: string;
  /** Date formats tried in order (see date-formats.ts); for date fields only. */
  formats?: string[];
  /**
   * Maps the export's values onto the model's: e.g. a CRM's status names onto event types. null means blank; false,
   * in a long section's type only, a status that is no event (an open deal's "Prospecting"): read, never rejected.
   */
  values?: Record<string, string | null | false>;
  /** For a descriptive lead field: values differing only in case or spacing are one, in its most common spelling. */
  normalize?: boolean;
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
  /**
   * How this file's rows attach to the leads file: its column `column` holds the value of the leads file's column
   * `on` (the lead id when absent), so several leads may share one row (an accounts file keyed by account name).
   */
  join?: {column: string; on?: string};
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
  /** Each milestone's date column; `when` makes it count only when a status column holds one of the given values. */
  milestones: {
    column: string;
    type: string;
    formats?: string[];
    value?: FieldSpec;
    when?: {column: string; values: string[]};
  }[];
}

/** A whole profile. */
export interface ImportProfile {
  name: string;
  description: string;
  /** IANA time zone of dates written without an offset; UTC when absent. */
  timezone?: string;
  /** ISO 4217 code of the export's amounts; EUR when absent. */
  currency?: string;
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

/** The column spec of a field, whichever way it was written. */
export function columnSpec(spec: FieldSpec): ColumnSpec {
  return typeof spec === "string" ? {column: spec} : spec;
}

/**
 * Checks a parsed profile and returns it typed. The shape is checked against profile.schema.json (which editors use
 * too), then what a schema cannot say: files that exist, joins, time zones, date formats, personal columns. Errors
 * name the profile key (`events[1].milestones[0].type`), so the person writing the profile sees at once what to fix.
 * Columns are checked later, against the files' headers.
 */
export function validateProfile(input: unknown, origin = "profile"): ImportProfile {
  const fail = (key: string, message: string): never => {
    throw new InputError(`${origin}: ${key}: ${message}`);
  };
  if (!validateShape(input)) {
    const {key, message} = schemaProblem(validateShape.errors![0], input);
    fail(key, `${message} (see loaders/import/profile.schema.json)`);
  }
  const profile = input as ImportProfile;
  checkSettings(profile, fail);
  checkFileReferences(profile, fail);
  checkDateFields(profile, fail);
  checkPersonalNotMapped(profile, fail);
  checkNoEventValues(profile, fail);
  checkNormalize(profile, fail);
  return profile;
}

type Fail = (key: string, message: string) => never;

const validateShape = new Ajv({allErrors: false, verbose: true, allowUnionTypes: true}).compile(
  JSON.parse(readFileSync(new URL("./profile.schema.json", import.meta.url), "utf8"))
);

/** Time zone, date formats and notes: values a schema cannot check. */
function checkSettings(profile: ImportProfile, fail: Fail): void {
  if (profile.timezone !== undefined) {
    try {
      new Intl.DateTimeFormat("en-US", {timeZone: profile.timezone});
    } catch {
      fail("timezone", `unknown time zone "${profile.timezone}" (use an IANA name such as Europe/Berlin)`);
    }
  }
  checkFormats(profile.dateFormats, "dateFormats", fail);
  if (profile.notes && profile.notes.en.length !== profile.notes.de.length)
    fail("notes", "en and de need the same notes");
}

function checkFormats(formats: string[] | undefined, key: string, fail: Fail): void {
  formats?.forEach((format, i) => {
    const problem = checkDateFormat(format);
    if (problem) fail(`${key}[${i}]`, problem);
  });
}

/** Every file a section or field names is declared; fields from another file come through a join. */
function checkFileReferences(profile: ImportProfile, fail: Fail): void {
  const names = Object.keys(profile.files);
  const known = (name: string | undefined, key: string) => {
    if (name !== undefined && !names.includes(name))
      fail(key, `unknown file "${name}" (declared: ${names.join(", ")})`);
  };
  const leadsFile = profile.leads.file;
  known(leadsFile, "leads.file");
  if (profile.files[leadsFile].join) fail("leads.file", "the leads file cannot be joined");
  for (const [field, spec] of Object.entries(profile.leads.fields)) {
    const {file} = columnSpec(spec!);
    known(file, `leads.fields.${field}.file`);
    if (file && file !== leadsFile && !profile.files[file].join) {
      fail(`leads.fields.${field}.file`, `file "${file}" has no join to the leads file (add files.${file}.join)`);
    }
  }
  profile.events.forEach((section, i) => {
    known(section.file, `events[${i}].file`);
    for (const [name, spec] of sectionFields(section))
      known(spec && columnSpec(spec).file, `events[${i}].${name}.file`);
  });
}

/** Only date fields take formats, and every format given is one the date parser knows. */
function checkDateFields(profile: ImportProfile, fail: Fail): void {
  for (const [field, spec] of Object.entries(profile.leads.fields)) {
    const {formats} = columnSpec(spec!);
    if (formats && field !== "created_at") fail(`leads.fields.${field}.formats`, "only date fields take formats");
    checkFormats(formats, `leads.fields.${field}.formats`, fail);
  }
  profile.events.forEach((section, i) => {
    for (const [name, spec] of sectionFields(section)) {
      const formats = spec ? columnSpec(spec).formats : undefined;
      const key = `events[${i}].${name}.formats`;
      const isDate = name === "at" || /^milestones\[\d+\]$/.test(name);
      if (formats && !isDate) {
        fail(key, "only date fields take formats");
      }
      checkFormats(formats, key, fail);
    }
  });
}

/** The column specs of an event section by key (`at`, `milestones[0]`, `milestones[0].value`). */
function sectionFields(section: LongEvents | WideEvents): [string, FieldSpec | ColumnSpec | undefined][] {
  if (section.shape === "long") {
    return [
      ["leadId", section.leadId],
      ["at", section.at],
      ["type", section.type],
      ["value", section.value]
    ];
  }
  return [
    ["leadId", section.leadId],
    ...section.milestones.flatMap((m, j): [string, FieldSpec | ColumnSpec | undefined][] => [
      [`milestones[${j}]`, {column: m.column, formats: m.formats}],
      [`milestones[${j}].value`, m.value]
    ])
  ];
}

/** Normalising spellings is for the descriptive lead fields (the dimensions pages filter and group by) only. */
function checkNormalize(profile: ImportProfile, fail: Fail): void {
  for (const [field, spec] of Object.entries(profile.leads.fields)) {
    if (spec && columnSpec(spec).normalize && (field === "lead_id" || field === "created_at")) {
      fail(`leads.fields.${field}.normalize`, "only campaign, source, segment, company_size and region are normalised");
    }
  }
  profile.events.forEach((section, i) => {
    for (const [name, spec] of sectionFields(section)) {
      if (spec && columnSpec(spec).normalize) fail(`events[${i}].${name}.normalize`, "only lead fields are normalised");
    }
  });
}

/** `false` ("no event") belongs in a long section's type map only: anywhere else it would mean nothing. */
function checkNoEventValues(profile: ImportProfile, fail: Fail): void {
  const noEvent = (spec: FieldSpec | undefined, key: string) => {
    const values = spec === undefined ? undefined : columnSpec(spec).values;
    for (const [from, to] of Object.entries(values ?? {})) {
      if (to === false) fail(`${key}.values.${from}`, "false (no event) is for a long section's type only");
    }
  };
  for (const [field, spec] of Object.entries(profile.leads.fields)) noEvent(spec, `leads.fields.${field}`);
  profile.events.forEach((section, i) => {
    for (const [name, spec] of sectionFields(section)) if (name !== "type") noEvent(spec, `events[${i}].${name}`);
  });
}

/** A column marked personal may be read but never mapped into the model. */
function checkPersonalNotMapped(profile: ImportProfile, fail: Fail): void {
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
        check(m.when?.column, section.file, `events[${i}].milestones[${j}].when.column`);
      });
    }
  });
}
