/**
 * Compiles an import profile into the SQL that maps the export's source tables (`src_<file>`) onto the canonical
 * raw tables the validators read: `raw_leads` and `raw_events`, every row carrying the file and row it came from
 * and the names of the source columns, so that a reject names what the user can find in their own export.
 */
import {sqlIdentifier, sqlString} from "../pipeline/duckdb.js";
import {parseDateSql, typedDateSql} from "../pipeline/date-formats.js";
import {columnSpec, defaultDateFormats, type FieldSpec, type ImportProfile, type LongEvents} from "./profile.js";
import {InputError} from "../pipeline/input.js";
import {typedColumn, type SourceTable} from "../pipeline/ingest.js";
import {emptyEvents, eventSelect, sectionRows, type EventSection} from "./event-sql.js";

/** The source table name of a profile file. */
export const sourceTable = (file: string) => `src_${file}`;

/** The optional lead fields, in the order of the raw table. */
const descriptiveFields = ["campaign", "source", "segment", "company_size", "region"] as const;

/**
 * The columns a file has, for an error message; but when its first line does not look like a header (a value that
 * starts with a digit, an e-mail address, a long text), it is probably the first data row of a file without a header,
 * and its values, which may be personal, are not repeated.
 */
export function describeHeader(columns: string[]): string {
  const looksLikeName = (d: string) => d.length <= 64 && !d.includes("@") && /^[\p{L}_"'(#]/u.test(d);
  if (columns.every(looksLikeName)) return `columns: ${columns.join(", ")}`;
  return `its first line does not look like a header: is the header line missing?`;
}

/** A time field: its text, its value as read (a typed column, else NULL), and its instant from the outer pass. */
interface TimeField {
  text: string;
  typed: string;
  at: (textColumn: string) => string;
}

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
    const trimmed = `trim(${alias}.${sqlIdentifier(column)})`;
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
      return {
        text: this.field(alias, file, spec, key),
        typed: "NULL::TIMESTAMP",
        at: (text) => this.date(text, formats)
      };
    }
    return {
      text: `${alias}.${sqlIdentifier(column)}`,
      typed: `${alias}.${sqlIdentifier(typedColumn(column))}`,
      at: () => typedDateSql(typed, this.profile.timezone ?? "UTC")
    };
  }

  private formatsText(formats: string[] | undefined): string {
    const names = (formats ?? this.profile.dateFormats ?? defaultDateFormats).map((d) =>
      d === "ISO 8601" ? "ISO 8601, e.g. 2025-03-31 or 2025-03-31T14:05:00Z" : d
    );
    return sqlString(names.join(" or "));
  }

  /** Files joined to the leads file, and the source column of each join. */
  joins(): {file: string; column: string; on?: string}[] {
    return Object.entries(this.profile.files)
      .filter(([, file]) => file.join)
      .map(([name, file]) => ({file: name, column: file.join!.column, on: file.join!.on}));
  }

  /** CREATE the view raw_leads: one row per row of the leads file, joined fields from the first matching row of each join. */
  leadsSql(): string {
    const {file, fields} = this.profile.leads;
    const label = sqlString(this.sources[file].label);
    const leadIdColumn = columnSpec(fields.lead_id).column;
    const leadId = this.field("l", file, fields.lead_id, "leads.fields.lead_id");
    const created = columnSpec(fields.created_at);
    const createdTime = this.time("l", file, fields.created_at, "leads.fields.created_at", "created_typed");
    const joins = this.joins().map(({file: joined, column, on}) => {
      const key = this.cell("j", joined, column, `files.${joined}.join.column`);
      const leadKey = on === undefined ? leadId : this.cell("l", file, on, `files.${joined}.join.on`);
      return {
        file: joined,
        sql: `LEFT JOIN (SELECT *, ${key} AS join_key FROM ${sourceTable(joined)} j
          QUALIFY row_number() OVER (PARTITION BY join_key ORDER BY row) = 1) ${joinAlias(joined)}
          ON ${joinAlias(joined)}.join_key = ${leadKey}`
      };
    });
    const descriptive = descriptiveFields.map((name) => {
      const spec = fields[name];
      return `${spec === undefined ? "NULL::VARCHAR" : this.field("l", file, spec, `leads.fields.${name}`)} AS ${name}`;
    });
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
  ${sqlString(created.column)} AS created_column,
  ${this.formatsText(created.formats)} AS created_formats,
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
   * The rows of `file` whose status a long section maps to no event (false), as a query of row numbers; null when
   * no section of that file has such a status. The reconciliation counts them apart: read, neither used nor rejected.
   */
  notEventRowsSql(file: string): string | null {
    const queries = this.profile.events.flatMap((section, i) => {
      if (section.shape !== "long" || section.file !== file) return [];
      const condition = this.notEventCondition(section, `events[${i}]`);
      return condition ? [`SELECT e.row FROM ${sourceTable(file)} e WHERE NOT (${condition})`] : [];
    });
    return queries.length ? queries.join(" UNION ") : null;
  }

  /** The condition a long section's row must meet to be an event: its status is not one mapped to false. */
  private notEventCondition(section: LongEvents, key: string): string | null {
    const spec = columnSpec(section.type);
    const none = Object.entries(spec.values ?? {})
      .filter(([, to]) => to === false)
      .map(([from]) => sqlString(from));
    if (none.length === 0) return null;
    const cell = this.cell("e", section.file, spec.column, `${key}.type`);
    return `coalesce(${cell} NOT IN (${none.join(", ")}), TRUE)`;
  }

  /**
   * CREATE event_sections (one row per event section of the profile: its file and source column names) and the view
   * raw_events (the union of every section, one narrow row per event naming its section).
   */
  eventsSql(): string {
    const sections: EventSection[] = [];
    const parts = this.profile.events.flatMap((section, i) => {
      const key = `events[${i}]`;
      const leadId = this.field("e", section.file, section.leadId, `${key}.leadId`);
      const base = {file: this.sources[section.file].label, leadColumn: columnSpec(section.leadId).column};
      if (section.shape === "long") {
        const at = columnSpec(section.at);
        const valueColumn = section.value ? columnSpec(section.value).column : "value";
        sections.push({
          ...base,
          atColumn: at.column,
          atFormats: this.formatsText(at.formats),
          typeColumn: columnSpec(section.type).column,
          valueColumn
        });
        const time = this.time("e", section.file, section.at, `${key}.at`, "at_typed");
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
            from: `${sourceTable(section.file)} e`,
            where: this.notEventCondition(section, key) ?? "TRUE"
          })
        ];
      }
      return section.milestones.map((milestone, j) => {
        const mkey = `${key}.milestones[${j}]`;
        const atText = this.cell("e", section.file, milestone.column, `${mkey}.column`);
        const time = this.time(
          "e",
          section.file,
          {column: milestone.column, formats: milestone.formats},
          `${mkey}.column`,
          "at_typed"
        );
        sections.push({
          ...base,
          atColumn: milestone.column,
          atFormats: this.formatsText(milestone.formats),
          typeColumn: milestone.column,
          valueColumn: milestone.value ? columnSpec(milestone.value).column : milestone.column
        });
        return eventSelect({
          section: sections.length - 1,
          leadId,
          atText: time.text,
          atTyped: time.typed,
          at: time.at("at_text"),
          type: sqlString(milestone.type),
          typeText: sqlString(milestone.type),
          value: milestone.value ? this.field("e", section.file, milestone.value, `${mkey}.value`) : "NULL::VARCHAR",
          from: `${sourceTable(section.file)} e`,
          // A blank milestone date means the milestone was not reached: no event, and nothing to reject. So does a
          // date whose status column says otherwise (a close date is a win only when the status is Won).
          where: milestone.when
            ? `${atText} IS NOT NULL AND coalesce(${this.cell("e", section.file, milestone.when.column, `${mkey}.when.column`)} IN (${milestone.when.values.map(sqlString).join(", ")}), FALSE)`
            : `${atText} IS NOT NULL`
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

function joinAlias(file: string): string {
  return `j_${file}`;
}
