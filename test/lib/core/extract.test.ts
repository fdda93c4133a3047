// The extract's decoder on small hand-made files (the round trip from the pipeline is in
// test/loaders/site/extract-files.test.ts): missing values, dictionaries, the data's own dimensions, and one clear
// error for a file that is not what the pages expect.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {decodeExtract, missing, valueAt} from "../../../src/lib/core/extract.js";
import {extractDimensions} from "../../../src/lib/core/dimensions.js";
import {evidenceTypes} from "../../../src/lib/core/ladder.js";
import {sqlString, withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

const directory = temporaryDirectory("leadstage-extract-");
const metadata = {dataEnd: Date.UTC(2024, 5, 30), evidenceTypes: [...evidenceTypes], fingerprint: "42"};

/** handoffs.parquet's columns for three rows (row 2 with every optional value missing), `overrides` replacing some. */
function handoffColumns(overrides: Record<string, string | null> = {}): string {
  const columns: Record<string, string> = {
    campaign: "['Webinar', 'Ads', 'Webinar'][i + 1]",
    source: "'web'",
    segment: "'SMB'",
    company_size: "'1-10'",
    region: "['DACH', 'Nordics', '(unknown)'][i + 1]",
    handoff_month: "(654 + i)::INTEGER",
    evidence_at_handoff: "3::USMALLINT",
    evidence_ever: "7::USMALLINT",
    stage: "[2, 3, NULL][i + 1]::UTINYINT",
    handoff_seq: "1::UTINYINT",
    outcome: "['won', 'open', 'someday'][i + 1]",
    sales_hours: "1.5::DOUBLE",
    amount: "[5000, NULL, NULL][i + 1]::DOUBLE",
    seconds_to_handoff: "[5400, 60, 0][i + 1]::INTEGER",
    seconds_to_close: "[7200, NULL, NULL][i + 1]::INTEGER",
    seconds_to_data_end: "86400::INTEGER",
    ...Object.fromEntries(evidenceTypes.map((type, k) => [`hours_before_${type}`, `[${k}, NULL, 0][i + 1]::INTEGER`]))
  };
  for (const [name, sql] of Object.entries(overrides)) {
    if (sql === null) delete columns[name];
    else columns[name] = sql;
  }
  return Object.entries(columns)
    .map(([name, sql]) => `${sql} AS "${name}"`)
    .join(", ");
}

/** handoff-details.parquet's columns for the same three rows. */
const detailColumns = `CAST(19900 + i AS INTEGER) AS handoff_day, [3600, NULL, 0][i + 1]::INTEGER AS seconds_to_accept,
  NULL::INTEGER AS seconds_to_opportunity, 60::INTEGER AS seconds_to_first_touch, ['', 'price', ''][i + 1] AS reason,
  [10, NULL, 0][i + 1]::UTINYINT AS score, 0::UINTEGER AS scorecard_answers`;

/** The bytes of a Parquet file DuckDB writes from `columns` over rows i = 0, 1, 2, with Leadstage's metadata. */
async function written(name: string, columns: string, meta: object | null = metadata): Promise<Uint8Array> {
  const path = join(directory, name);
  const kv = meta === null ? "" : `, KV_METADATA {leadstage: ${sqlString(JSON.stringify(meta))}}`;
  await withDatabase((db) =>
    db.run(`COPY (SELECT ${columns} FROM range(3) t(i) ORDER BY i) TO ${sqlString(path)} (FORMAT parquet${kv})`)
  );
  return new Uint8Array(readFileSync(path));
}

describe("decodeExtract", () => {
  it("codes text by sorted dictionaries, outcomes in the model's order, and times in hours", async () => {
    const {header, rows, columns} = await decodeExtract(await written("plain.parquet", handoffColumns()));
    expect(rows).toBe(3);
    expect(header.dictionaries.campaign).toEqual(["Ads", "Webinar"]);
    expect(Array.from(columns.campaign)).toEqual([1, 0, 1]);
    expect(header.dictionaries.region).toEqual(["(unknown)", "DACH", "Nordics"]);
    expect(Array.from(columns.outcome)).toEqual([0, 4, missing.u8]);
    expect(Array.from(columns.hoursToHandoff)).toEqual([1.5, 1 / 60, 0]);
    expect(header.dataEndDay).toBe(Math.floor(metadata.dataEnd / 86_400_000));
  });

  it("reads evidence hours as minus the hours before the handoff, interleaved by row, never −0", async () => {
    const {columns} = await decodeExtract(await written("evidence.parquet", handoffColumns()));
    const types = evidenceTypes.length;
    expect(Array.from(columns.evidenceHours.subarray(0, types))).toEqual(evidenceTypes.map((_, k) => -k || 0));
    expect(Array.from(columns.evidenceHours.subarray(types, 2 * types)).every(Number.isNaN)).toBe(true);
    expect(Object.is(columns.evidenceHours[2 * types], 0)).toBe(true);
  });

  it("leaves the evidence found after the handoff to later-evidence.parquet: an empty column until it is read", async () => {
    const {columns} = await decodeExtract(await written("after.parquet", handoffColumns()));
    expect(columns.evidenceHoursAfter).toHaveLength(0);
  });

  it("leaves the evidence times out for a page that does not simulate, every other column as decoded in full", async () => {
    const bytes = await written("no-times.parquet", handoffColumns());
    const details = await written("no-times-details.parquet", detailColumns);
    const full = await decodeExtract(bytes, details);
    const without = await decodeExtract(bytes, details, {evidenceTimes: false});
    expect(without.columns.evidenceHours).toHaveLength(0);
    const {evidenceHours, ...rest} = full.columns;
    expect(evidenceHours).toHaveLength(3 * evidenceTypes.length);
    expect({...without.columns, evidenceHours: undefined}).toEqual({...rest, evidenceHours: undefined});
    expect(without.header).toEqual(full.header);
    // Never read, so a file without those columns decodes too.
    const noTimes = handoffColumns(Object.fromEntries(evidenceTypes.map((type) => [`hours_before_${type}`, null])));
    const lean = await decodeExtract(await written("lean.parquet", noTimes), details, {evidenceTimes: false});
    expect(lean.columns.stage).toEqual(full.columns.stage);
  });

  it("reads the data's own dimensions (dim_<name>) like the built-in ones", async () => {
    const meta = {...metadata, dimensions: [{column: "dim_product", label: {en: "Product", de: "Produkt"}}]};
    const bytes = await written(
      "own.parquet",
      handoffColumns({dim_product: "['Cloud', 'On-prem', 'Cloud'][i + 1]"}),
      meta
    );
    const extract = await decodeExtract(bytes);
    expect(extractDimensions(extract)).toEqual([
      "campaign",
      "source",
      "segment",
      "companySize",
      "region",
      "dim_product"
    ]);
    expect(extract.header.dictionaries.dim_product).toEqual(["Cloud", "On-prem"]);
    expect(Array.from(extract.columns.dim_product)).toEqual([0, 1, 0]);
  });

  it("says which column a file lacks, and when it is no Leadstage file", async () => {
    await expect(decodeExtract(await written("no-region.parquet", handoffColumns({region: null})))).rejects.toThrow(
      "the extract has no column region: rebuild the site"
    );
    const noEvidence = handoffColumns({hours_before_need_confirmed: null});
    await expect(decodeExtract(await written("no-evidence.parquet", noEvidence))).rejects.toThrow(
      "handoffs.parquet has no column hours_before_need_confirmed: rebuild the site"
    );
    await expect(decodeExtract(await written("foreign.parquet", handoffColumns(), null))).rejects.toThrow(
      "handoffs.parquet has no Leadstage metadata: rebuild the site"
    );
  });
});

describe("valueAt", () => {
  it("gives null for every kind of missing value, and the value otherwise", async () => {
    const extract = await decodeExtract(
      await written("core.parquet", handoffColumns()),
      await written("details.parquet", detailColumns)
    );
    expect([0, 1, 2].map((row) => valueAt(extract, "stage", row))).toEqual([2, 3, null]);
    expect([0, 1, 2].map((row) => valueAt(extract, "amount", row))).toEqual([5000, null, null]);
    expect([0, 1, 2].map((row) => valueAt(extract, "hoursToClose", row))).toEqual([2, null, null]);
    expect([0, 1, 2].map((row) => valueAt(extract, "outcome", row))).toEqual([0, 4, null]);
    expect([0, 1, 2].map((row) => valueAt(extract, "score", row))).toEqual([10, null, 0]);
    expect([0, 1, 2].map((row) => valueAt(extract, "hoursToAccept", row))).toEqual([1, null, 0]);
    expect(extract.header.dictionaries.reason).toEqual(["", "price"]);
  });
});
