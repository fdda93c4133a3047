/**
 * Compiles an import profile into the SQL that maps the export's source tables (`src_<file>`) onto the canonical
 * raw tables the validators read: `raw_leads` and `raw_events`, every row carrying the file and row it came from
 * and the names of the source columns, so that a reject names what the user can find in their own export.
 */
import {sqlIdentifier, sqlString} from "../pipeline/duckdb.js";
import {parseDateSql, typedDateSql} from "../pipeline/date-formats.js";
import {
  columnSpec,
  defaultDateFormats,
  type FieldSpec,
  type ImportProfile,
  type LongEvents,
  type WideEvents
} from "./profile.js";
import {fromCreation, milestoneTime, undatedTime, type MilestoneInstant, type TimeField} from "./profile-times.js";
import {InputError} from "../pipeline/input.js";
import {trimSql} from "../pipeline/sql.js";
import {describeHeader, sourceTable, typedColumn, type SourceTable} from "../pipeline/ingest.js";
import {emptyEvents, eventSelect, sectionRows, type EventSection} from "./event-sql.js";
import {sectionScope, type SectionScope} from "./section-scope.js";
import {joinAlias, joinClauses} from "./join-sql.js";
import {dimensionColumn} from "../pipeline/normalize-dimensions.js";
import {dateFormatsText} from "../../src/lib/core/date-formats-text.js";

/** The optional lead fields, in the order of the raw table. */
const descriptiveFields = ["campaign", "source", "segment", "company_size", "region"] as const;

/** Compiles a profile against the files as read (their columns are checked here, naming the profile key). */
export class ProfileCompiler {
  constructor(
    private readonly profile: ImportProfile,
    private readonly sources: Record<string, SourceTable>
  ) {}

  /** A cell with surrounding space trimmed and null markers (always including "") turned into NULL. */
  private cell(alias: string, file: string, column: string, key: string): string {
    const source = this.sources[file];
    if (!source.columns.includes(column)) {
      throw new InputError(
        `profile ${this.profile.name}: ${key}: column "${column}" is not in ${source.label} (${describeHeader(source.columns)})`
      );
    }
    const markers = [...new Set(["", ...(this.profile.nullMarkers ?? [])])];
    const trimmed = trimSql(`${alias}.${sqlIdentifier(column)}`);
    return `(CASE WHEN ${trimmed} IN (${markers.map(sqlString).join(", ")}) THEN NULL ELSE ${trimmed} END)`;
  }

  /** A mapped field: the cell, then its value map (unmapped values pass through). */
  private field(alias: string, defaultFile: string, spec: FieldSpec, key: string): string {
    const {column, file = defaultFile, values} = columnSpec(spec);
    const cell = this.cell(file === defaultFile ? alias : joinAlias(file), file, column, key);
    if (!values || Object.keys(values).length === 0) return cell;
    // "No event" values never reach here: their rows are left out of the events (see notEventRowsSql).
    const cases = Object.entries(values)
      .filter((entry): entry is [string, string | null] => entry[1] !== false)
      .map(([from, to]) => `WHEN ${sqlString(from)} THEN ${to === null ? "NULL" : sqlString(to)}`)
      .join(" ");
    return `(CASE ${cell} ${cases} ELSE ${cell} END)`;
  }

  private date(text: string, formats: string[] | undefined): string {
    return parseDateSql(
      text,
      formats ?? this.profile.dateFormats ?? defaultDateFormats,
      this.profile.timezone ?? "UTC"
    );
  }

  /**
   * A time field as text (for a reject to quote) and as an instant. A column the file stores as a timestamp or date
   * (Parquet) is taken as read, where the profile would read its text as ISO 8601 anyway: printing 11.8M timestamps
   * and parsing them back was a third of mapping the events. Its text is then DuckDB's printing of it, what a
   * reader of the file sees. `typed` names the inner column the outer pass reads the instant from (see eventSelect).
   */
  private time(alias: string, file: string, spec: FieldSpec, key: string, typed: string): TimeField {
    const {column, file: specFile = file, values, formats} = columnSpec(spec);
    const markers = this.profile.nullMarkers ?? [];
    const asRead =
      specFile === file &&
      (this.sources[file].typed ?? []).includes(column) &&
      (!values || Object.keys(values).length === 0) &&
      (formats ?? this.profile.dateFormats ?? defaultDateFormats).includes("ISO 8601") &&
      !markers.some((d) => /^[0-9]/.test(d.trim()));
    if (!asRead) {
      // A workbook's date cells come as ISO 8601 (workbook.ts), whatever the formats its typed dates are written in.
      const own = formats ?? this.profile.dateFormats ?? defaultDateFormats;
      const read = this.sources[specFile]?.workbook ? [...new Set(["ISO 8601", ...own])] : formats;
      return {text: this.field(alias, file, spec, key), typed: "NULL::TIMESTAMP", at: (text) => this.date(text, read)};
    }
    return {
      text: `${alias}.${sqlIdentifier(column)}`,
      typed: `${alias}.${sqlIdentifier(typedColumn(column))}`,
      at: () => typedDateSql(typed, this.profile.timezone ?? "UTC")
    };
  }

  private formatsText(formats: string[] | undefined): string {
    // The English text a reject quotes; the quality page translates it back (src/lib/i18n/reject-reasons.ts).
    return sqlString(dateFormatsText(formats ?? this.profile.dateFormats ?? defaultDateFormats));
  }

  /**
   * A wide milestone's instant, by what its column holds (MilestoneTime): a date as read; a duration added to the
   * lead's creation; or, for a milestone with no time, the creation itself. The creation is the leads file's own
   * cell on the same row (profile.ts checks that the milestone is there), or the one base instant of an export whose
   * leads have no creation date. `formats` is what a reject says the column should have held.
   */
  private milestoneTime(
    section: WideEvents,
    milestone: WideEvents["milestones"][number],
    key: string
  ): MilestoneInstant {
    const kind = milestoneTime(this.profile, milestone);
    if (kind === "date") {
      const spec = {column: milestone.column, formats: milestone.formats};
      return {
        time: this.time("e", section.file, spec, `${key}.column`, "at_typed"),
        formats: this.formatsText(milestone.formats)
      };
    }
    const createdSpec = this.profile.leads.fields.created_at;
    const created = createdSpec
      ? this.time("e", section.file, createdSpec, "leads.fields.created_at", "at_created_typed")
      : undefined;
    const cell = this.cell("e", section.file, milestone.column, `${key}.column`);
    return fromCreation(kind, cell, created, this.profile.decimalSeparator);
  }

  /** CREATE the view raw_leads: a row per leads file row, joined fields from the first matching row of each join. */
  leadsSql(): string {
    const {file, fields} = this.profile.leads;
    const label = sqlString(this.sources[file].label);
    const leadIdColumn = columnSpec(fields.lead_id).column;
    const leadId = this.field("l", file, fields.lead_id, "leads.fields.lead_id");
    const created = fields.created_at === undefined ? undefined : columnSpec(fields.created_at);
    // Without creation dates (a snapshot, or durations alone) every lead starts at one base instant: the pages know
    // from the dataset's limits that no calendar date exists and never show one.
    const createdTime = fields.created_at
      ? this.time("l", file, fields.created_at, "leads.fields.created_at", "created_typed")
      : undatedTime;
    const joins = joinClauses(this.profile, leadId, (...args) => this.cell(...args));
    const descriptive = descriptiveFields.map((name) => {
      const spec = fields[name];
      return `${spec === undefined ? "NULL::VARCHAR" : this.field("l", file, spec, `leads.fields.${name}`)} AS ${name}`;
    });
    for (const [name, spec] of Object.entries(this.profile.dimensions ?? {})) {
      descriptive.push(
        `${this.field("l", file, spec, `dimensions.${name}`)} AS ${sqlIdentifier(dimensionColumn(name))}`
      );
    }
    // Two passes: the inner one maps cells (qualified by their file), the outer one parses dates from plain
    // columns, which DuckDB's lambdas in the time-zone conversion can refer to.
    // A view, like raw_events: validate-leads.sql reads it once.
    return `CREATE OR REPLACE VIEW raw_leads AS
SELECT * EXCLUDE (created_typed), ${createdTime.at("created_text")} AS created_at FROM (
SELECT
  ${label} AS file,
  l.row,
  ${leadId} AS lead_id,
  ${sqlString(leadIdColumn)} AS lead_column,
  ${createdTime.text} AS created_text,
  ${createdTime.typed} AS created_typed,
  ${sqlString(created?.column ?? "(no creation date)")} AS created_column,
  ${this.formatsText(created?.formats)} AS created_formats,
  ${descriptive.join(",\n  ")},
  CAST([${joins.map((j) => `{'file': ${sqlString(this.sources[j.file].label)}, 'row': ${joinAlias(j.file)}.row}`).join(", ")}]
    AS STRUCT(file VARCHAR, row BIGINT)[]) AS joined_rows
FROM ${sourceTable(file)} l
${joins.map((j) => j.sql).join("\n")}
)${
      // A scan keeps the file's order (insertion order is preserved); only a join can shuffle it. Sorting 1M wide
      // rows that are in order already cost a third of this statement.
      joins.length > 0 ? "\nORDER BY row" : ""
    }`;
  }

  /**
   * The rows of `file` that no event section of it takes (sectionScope: a status mapped to no event, a row outside a
   * section's `when`, no lead with its `leadKey`), as a query of row numbers; null when some section takes every row.
   * The reconciliation counts them apart: read, neither used nor rejected.
   */
  notEventRowsSql(file: string): string | null {
    const scopes = this.profile.events.flatMap((section, i) =>
      section.file === file ? [this.scope(section, `events[${i}]`)] : []
    );
    if (scopes.length === 0 || scopes.some((d) => d.takes === null)) return null;
    return scopes.map((d) => `SELECT e.row FROM ${d.from} WHERE NOT (${d.takes})`).join(" INTERSECT ");
  }

  private scope(section: LongEvents | WideEvents, key: string): SectionScope {
    return sectionScope(this.profile, section, key, {
      cell: (...args) => this.cell(...args),
      field: (...args) => this.field(...args)
    });
  }

  /**
   * CREATE event_sections (one row per event section of the profile: its file and source column names) and the view
   * raw_events (the union of every section, one narrow row per event naming its section).
   */
  eventsSql(): string {
    const sections: EventSection[] = [];
    const parts = this.profile.events.flatMap((section, i) => {
      const key = `events[${i}]`;
      const scope = this.scope(section, key);
      const leadId = scope.leadId;
      const base = {file: this.sources[section.file].label, leadColumn: columnSpec(section.leadId).column};
      if (section.shape === "long") {
        const at = section.at === undefined ? undefined : columnSpec(section.at);
        const valueColumn = section.value ? columnSpec(section.value).column : "value";
        sections.push({
          ...base,
          atColumn: at?.column ?? "(no time in the export)",
          atFormats: this.formatsText(at?.formats),
          typeColumn: columnSpec(section.type).column,
          valueColumn
        });
        // An export without times (times "none") places every event at the one base instant its leads start at.
        const time = section.at ? this.time("e", section.file, section.at, `${key}.at`, "at_typed") : undatedTime;
        return [
          eventSelect({
            section: sections.length - 1,
            leadId,
            atText: time.text,
            atTyped: time.typed,
            at: time.at("at_text"),
            type: this.field("e", section.file, section.type, `${key}.type`),
            typeText: this.cell("e", section.file, columnSpec(section.type).column, `${key}.type`),
            value: section.value ? this.field("e", section.file, section.value, `${key}.value`) : "NULL::VARCHAR",
            from: scope.from,
            where: scope.takes ?? "TRUE"
          })
        ];
      }
      return section.milestones.map((milestone, j) => {
        const mkey = `${key}.milestones[${j}]`;
        const atText = this.cell("e", section.file, milestone.column, `${mkey}.column`);
        const {time, inner, formats} = this.milestoneTime(section, milestone, mkey);
        sections.push({
          ...base,
          atColumn: milestone.column,
          atFormats: formats,
          typeColumn: milestone.column,
          valueColumn: milestone.value ? columnSpec(milestone.value).column : milestone.column
        });
        return eventSelect({
          section: sections.length - 1,
          leadId,
          atText: time.text,
          atTyped: time.typed,
          at: time.at("at_text"),
          inner,
          type: sqlString(milestone.type),
          typeText: sqlString(milestone.type),
          value: milestone.value ? this.field("e", section.file, milestone.value, `${mkey}.value`) : "NULL::VARCHAR",
          from: scope.from,
          // A blank milestone date means the milestone was not reached: no event, and nothing to reject. So does a
          // date whose status column says otherwise (a close date is a win only when the status is Won).
          where: [
            `${atText} IS NOT NULL`,
            ...(milestone.when
              ? [
                  `coalesce(${this.cell("e", section.file, milestone.when.column, `${mkey}.when.column`)} IN (${milestone.when.values.map(sqlString).join(", ")}), FALSE)`
                ]
              : []),
            ...(scope.takes ? [scope.takes] : [])
          ].join(" AND ")
        });
      });
    });
    const sectionsSql = `CREATE OR REPLACE TABLE event_sections AS ${sectionRows(sections)};\n`;
    if (parts.length === 0) {
      return `${sectionsSql}CREATE OR REPLACE VIEW raw_events AS SELECT * FROM (${emptyEvents}) WHERE FALSE`;
    }
    // A view: validate-events.sql reads it once, and writing 11.8M mapped rows into a table of their own cost as much
    // as reading the file. One section is one scan, in the file's order already (insertion order is preserved). Only
    // several sections need interleaving by row: sorting 11.8M rows that were in order took 80% of the mapping.
    if (parts.length === 1) return `${sectionsSql}CREATE OR REPLACE VIEW raw_events AS\n${parts[0]}`;
    return `${sectionsSql}CREATE OR REPLACE VIEW raw_events AS\n${parts.join("\nUNION ALL\n")}\nORDER BY row, section`;
  }
}
