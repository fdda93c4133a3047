/**
 * Import profiles: a declarative mapping of an export (a CRM's, a marketing tool's, a spreadsheet's) onto the
 * lead-history model, so that a sales-ops person adapts Leadstage to their data by writing a JSON file, never code.
 * This module loads and checks a profile (its types are in profile-types.ts); every error names the key.
 */
import {readFileSync} from "node:fs";
import {Ajv} from "ajv";
import {schemaProblem} from "./schema-problem.js";
import {checkDateFormat} from "../pipeline/date-formats.js";
import {InputError} from "../pipeline/input.js";
import {checkTimes} from "./profile-times.js";
import {leadFields} from "../../src/lib/core/model.js";
import {
  columnSpec,
  type FieldSpec,
  type ColumnSpec,
  type ImportProfile,
  type LongEvents,
  type WideEvents
} from "./profile-types.js";

export * from "./profile-types.js";

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
  checkTimes(profile, fail);
  checkDimensions(profile, fail);
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
  for (const [name, {join}] of Object.entries(profile.files)) {
    if (join?.via === undefined) continue;
    const via = profile.files[join.via];
    if (!via?.join || via.join.via !== undefined) {
      fail(`files.${name}.join.via`, `"${join.via}" must be a file joined to the leads file directly`);
    }
    if (join.on === undefined) fail(`files.${name}.join.on`, `required with via: a column of ${join.via}`);
  }
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

/** A profile's own dimensions: a name not taken by a lead field, a declared and joined file, no personal column. */
function checkDimensions(profile: ImportProfile, fail: Fail): void {
  const leadsFile = profile.leads.file;
  for (const [name, spec] of Object.entries(profile.dimensions ?? {})) {
    const key = `dimensions.${name}`;
    if ((leadFields as readonly string[]).includes(name))
      fail(key, `"${name}" is a lead field: map it in leads.fields`);
    const file = spec.file ?? leadsFile;
    if (!profile.files[file]) fail(`${key}.file`, `unknown file "${file}"`);
    if (file !== leadsFile && !profile.files[file].join)
      fail(`${key}.file`, `file "${file}" has no join to the leads file`);
    if (profile.files[file].personal?.includes(spec.column))
      fail(key, `column "${spec.column}" of ${file} is marked personal`);
    if (Object.values(spec.values ?? {}).includes(false))
      fail(`${key}.values`, "false (no event) is for a long section's type only");
  }
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
