/**
 * The shape of an import profile: the export's files, where each lead field comes from, and its event sections.
 * profile.ts loads and checks a profile; profile.schema.json says the same for editors.
 */
import type {DatasetLimits} from "../../src/lib/core/dataset.js";
import type {DecimalSeparator} from "./number-format.js";

/**
 * What an export knows of time. "dates": when each event happened. "durations": spans since each lead's creation
 * (a win/loss export's "days from identified to closing"), with or without the creation date itself. "none": a
 * snapshot, which milestones were reached but not when.
 */
export type ProfileTimes = "dates" | "durations" | "none";

/**
 * What a wide milestone's column holds: a date; a duration since the lead's creation in days or hours; or no time
 * (any value marks the milestone reached, as of the lead's creation).
 */
export type MilestoneTime = "date" | "days" | "hours" | "none";

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
  /** An Excel workbook's sheet, by name or number (from 1); the first when absent. */
  sheet?: string | number;
  /**
   * How this file's rows attach to the leads file: its column `column` holds the value of the leads file's column
   * `on` (the lead id when absent), so several leads may share one row (an accounts file keyed by account name).
   */
  join?: {
    column: string;
    on?: string;
    /** Join through another joined file: `on` is a column of that file (a campaign by its id in a membership row). */
    via?: string;
    /** A lead without a row is normal (a lead in no campaign): not flagged, not counted against the threshold. */
    optional?: boolean;
  };
  /** Columns of this file that hold personal data: never mapped, never published. */
  personal?: string[];
}

/** The leads section: which file has one row per lead, and where each model field comes from. */
export interface LeadsSection {
  file: string;
  /** created_at is required when the profile's times are dates (see ProfileTimes). */
  fields: {lead_id: FieldSpec; created_at?: FieldSpec} & Partial<Record<string, FieldSpec>>;
}

/** A long event log: one row per event (as a CRM's field-history export gives). */
export interface LongEvents {
  shape: "long";
  file: string;
  leadId: FieldSpec;
  /** The leads file's column that leadId holds the value of, when not the lead id (see section-scope.ts). */
  leadKey?: string;
  /** Only rows whose column holds one of the values are events (the Status rows of a field history). */
  when?: {column: string; values: string[]};
  /** Required unless the profile's times are "none". */
  at?: FieldSpec;
  type: FieldSpec;
  value?: FieldSpec;
}

/** A wide snapshot: one timestamp column per milestone (as HubSpot's "Became a … date" properties give). */
export interface WideEvents {
  shape: "wide";
  file: string;
  leadId: FieldSpec;
  /** The leads file's column that leadId holds the value of, when not the lead id (see section-scope.ts). */
  leadKey?: string;
  /** Each milestone's date column; `when` makes it count only when a status column holds one of the given values. */
  milestones: {
    column: string;
    type: string;
    formats?: string[];
    /** What the column holds (MilestoneTime); the default follows the profile's times. */
    time?: MilestoneTime;
    value?: FieldSpec;
    when?: {column: string; values: string[]};
  }[];
}

/** A dimension of the profile's own beyond the five built-in ones (product, owner, team, score band): its label. */
export interface DimensionSpec extends ColumnSpec {
  label: {en: string; de: string};
}

/** A whole profile. */
export interface ImportProfile {
  name: string;
  /** One text, or the same sentence in both languages (each language's pages show their own). */
  description: string | {en: string; de: string};
  /** IANA time zone of dates written without an offset; UTC when absent. */
  timezone?: string;
  /** What the export knows of time; "dates" when absent. */
  times?: ProfileTimes;
  /** ISO 4217 code of the export's amounts; EUR when absent. */
  currency?: string;
  /** How the export writes numbers ("24.000,50" with ",", "1,234.56" with "."); DuckDB's own reading when absent. */
  decimalSeparator?: DecimalSeparator;
  /** Cell values that mean "blank" (after trimming), e.g. "", "n/a", "Select". */
  nullMarkers?: string[];
  /** Date formats used where a field gives none. */
  dateFormats?: string[];
  files: Record<string, ProfileFile>;
  leads: LeadsSection;
  /**
   * Further lead fields pages filter and group by, by a name of the profile's choice: each a column (of the leads
   * file or a joined one) and its label in both languages; stored as dim_<name>.
   */
  dimensions?: Record<string, DimensionSpec>;
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
