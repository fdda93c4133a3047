// The per-handoff files end to end: DuckDB writes them (loaders/site/extract-files.ts), the browser's decoder reads
// them (src/lib/core/extract.ts), and every column comes back as the model has it.
import {readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {
  decodeExtract,
  decodePseudonyms,
  readParquet,
  valueAt,
  type DetailedExtract,
  type ExtractColumn
} from "../../../src/lib/core/extract.js";
import {extractOf, extractWithLeadsOf, temporaryDirectory} from "../../helpers/model.js";
import {loadProfile, resolvePaths, runImport} from "../../../loaders/import/importer.js";
import {sqlString, withDatabase} from "../../../loaders/pipeline/duckdb.js";
import {extractFiles, writeExtractFiles} from "../../../loaders/site/extract-files.js";
import {buildHandoffModel} from "../../../loaders/pipeline/handoff-model.js";
import {locateInput} from "../../../loaders/pipeline/input.js";
import {handoffLadder} from "../../../src/lib/core/ladder.js";
import {handoffOutcomes} from "../../../src/lib/core/model.js";
import {decodeNurture} from "../../../src/lib/simulator/nurture.js";
import {decodeLaterEvidence} from "../../../src/lib/simulator/own-paths.js";

describe("the per-handoff extract of the fixture", () => {
  let extract: DetailedExtract;
  // The files sort rows so that they compress; `row(k)` is the k-th handoff by lead and sequence, as in the fixture.
  let byLead: number[];
  const row = (k: number) => byLead[k];
  const inLeadOrder = (column: ExtractColumn) =>
    byLead.map((r) => (extract.columns as unknown as Record<string, ArrayLike<number>>)[column][r]);
  beforeAll(async () => {
    ({extract, byLead} = await extractWithLeadsOf("test/fixtures/small"));
  });

  it("has one row per handoff with the loader's classification and outcome", () => {
    expect(extract.rows).toBe(10);
    expect(inLeadOrder("stage")).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 2, 5]);
    expect(inLeadOrder("outcome").map((d) => extract.header.outcomes[d])).toEqual([
      "lost",
      "won",
      "open",
      "won",
      "won",
      "rejected",
      "recycled",
      "won",
      "lost",
      "open"
    ]);
    expect(inLeadOrder("handoffSeq")).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 1, 1]);
  });

  it("gives every column the typed array its type declares", () => {
    // The outcome codes came back in 32 bits where CoreColumns said 8 (a .map over the text codes' array).
    const arrays: Record<string, unknown> = {
      ...Object.fromEntries(
        ["campaign", "source", "segment", "companySize", "region", "reason"].map((d) => [d, Uint32Array])
      ),
      ...Object.fromEntries(["stage", "outcome", "handoffSeq", "score"].map((d) => [d, Uint8Array])),
      ...Object.fromEntries(["evidenceAtHandoff", "evidenceEver"].map((d) => [d, Uint16Array])),
      ...Object.fromEntries(["handoffMonth", "handoffDay"].map((d) => [d, Int32Array])),
      scorecardAnswers: Uint32Array,
      evidenceHours: Float32Array,
      evidenceHoursAfter: Float32Array
    };
    for (const [column, values] of Object.entries(extract.columns)) {
      expect([column, values.constructor]).toEqual([column, arrays[column] ?? Float64Array]);
    }
    expect(Object.keys(extract.columns)).toHaveLength(25);
  });

  it("keeps durations exact in hours, sales time and amounts as they are, and missing values as missing", () => {
    expect(valueAt(extract, "hoursToHandoff", row(0))).toBe(57); // 2.375 days
    expect(valueAt(extract, "hoursToClose", row(1))).toBe(60 * 24);
    expect(valueAt(extract, "hoursToClose", row(2))).toBeNull(); // open
    expect(valueAt(extract, "salesHours", row(5))).toBe(0.5);
    expect(valueAt(extract, "amount", row(4))).toBe(50000);
    expect(valueAt(extract, "amount", row(0))).toBeNull();
    expect(valueAt(extract, "hoursToFirstTouch", row(5))).toBe(6);
  });

  it("censors open handoffs at the exact data end", () => {
    const end = extract.header.dataEnd!;
    for (const k of [2, 9]) {
      const r = row(k);
      const handoffAt = (valueAt(extract, "handoffDay", r)! * 24 + 0) * 3_600_000;
      expect(extract.columns.hoursToDataEnd[r]).toBeGreaterThan(0);
      // The day is floored; the exact hours to the data end put the handoff within that day.
      const instant = end - extract.columns.hoursToDataEnd[r] * 3_600_000;
      expect(instant - handoffAt).toBeGreaterThanOrEqual(0);
      expect(instant - handoffAt).toBeLessThan(86_400_000);
    }
  });

  it("keeps the handoff day and its month", () => {
    const day = valueAt(extract, "handoffDay", row(0))!;
    expect(new Date(day * 86_400_000).toISOString().slice(0, 7)).toBe("2025-01");
    expect(valueAt(extract, "handoffMonth", row(0))).toBe((2025 - 1970) * 12);
    expect(inLeadOrder("handoffMonth").map((m) => m - (2025 - 1970) * 12)).toEqual([0, 0, 0, 0, 1, 1, 0, 1, 1, 2]);
  });

  it("codes dimensions through dictionaries and the evidence known at handoff as bits, with exact times", () => {
    const campaign = (r: number) => extract.header.dictionaries.campaign[extract.columns.campaign[r]];
    expect(campaign(row(0))).toBe("Webinar Q1");
    const bits = (r: number) =>
      extract.header.evidenceTypes.filter((_, i) => (extract.columns.evidenceAtHandoff[r] & (1 << i)) !== 0);
    expect(bits(row(4))).toHaveLength(9); // L05: everything at the very instant of the handoff
    expect(bits(row(3))).toEqual([
      "icp_fit",
      "role_known",
      "need_identified",
      "requirements_defined",
      "buying_process_known"
    ]);
    expect(bits(row(8))).toEqual(["icp_fit", "role_known"]); // L08: need learned one second later does not count
    const ever = (r: number) => extract.columns.evidenceEver[r];
    expect(ever(row(8))).toBe(extract.columns.evidenceAtHandoff[row(8)] | 4);
    // Evidence times only for what was known at the handoff, in whole hours before it (floored).
    const types = extract.header.evidenceTypes.length;
    const hours = (r: number) => Array.from(extract.columns.evidenceHours.subarray(r * types, (r + 1) * types));
    expect(hours(row(8))[2]).toBeNaN(); // learned one second later: not known at the handoff
    expect(hours(row(4))).toEqual(Array(types).fill(0)); // at the very instant
    const known = hours(row(3)).filter((d) => !Number.isNaN(d));
    expect(known).toHaveLength(5);
    for (const d of known) {
      expect(Number.isInteger(d)).toBe(true);
      expect(d).toBeLessThanOrEqual(0);
      expect(d).toBeGreaterThanOrEqual(-extract.columns.hoursToHandoff[row(3)] - 1);
    }
  });

  it("times evidence found while sales worked a handoff in whole hours after it, none after its close or a win", () => {
    // later-evidence.parquet, which the helper reads into the column (decodeLaterEvidence).
    const types = extract.header.evidenceTypes;
    const after = (r: number, type: string) =>
      extract.columns.evidenceHoursAfter[r * types.length + types.indexOf(type)];
    expect(after(row(3), "budget_confirmed")).toBeNaN(); // L04: nine days after its handoff, but won (own-paths.ts)
    expect(after(row(8), "need_identified")).toBe(0); // L08: one second after it, floored
    expect(after(row(6), "need_identified")).toBeNaN(); // L07: after its first handoff was recycled
    expect(after(row(3), "icp_fit")).toBeNaN(); // known at the handoff: evidenceHours has it
    expect(after(row(2), "budget_confirmed")).toBeNaN(); // open, never found
  });

  it("sorts rows by dimension, month, evidence and outcome, the order that makes them compress", () => {
    const key = (r: number) =>
      [
        extract.columns.campaign[r],
        extract.columns.source[r],
        extract.columns.segment[r],
        extract.columns.companySize[r],
        extract.columns.region[r],
        extract.columns.handoffMonth[r],
        extract.columns.evidenceAtHandoff[r],
        handoffOutcomes[extract.columns.outcome[r]]
      ]
        .map((d) => String(d).padStart(5, "0"))
        .join(",");
    const keys = Array.from({length: extract.rows}, (_, r) => key(r));
    expect(keys).toEqual([...keys].sort());
  });
});

describe("the extract files, written by DuckDB as Parquet", () => {
  const sample = temporaryDirectory("leadstage-extract-");
  const fixture = temporaryDirectory("leadstage-extract-");
  const read = (directory: string, name: string) => new Uint8Array(readFileSync(join(directory, name)));
  beforeAll(async () => {
    for (const [input, out] of [
      ["data/sample", sample],
      ["test/fixtures/small", fixture]
    ]) {
      await withDatabase(async (db) => {
        const summary = await buildHandoffModel(db, locateInput(input), handoffLadder);
        await writeExtractFiles(db, out, summary.dataEnd);
      });
    }
  });
  afterAll(() => {
    rmSync(sample, {recursive: true, force: true});
    rmSync(fixture, {recursive: true, force: true});
  });

  it("decode handoffs.parquet alone to the same columns as with its details", async () => {
    const core = await decodeExtract(read(sample, "handoffs.parquet"));
    const both = await decodeExtract(read(sample, "handoffs.parquet"), read(sample, "handoff-details.parquet"));
    expect(core.rows).toBe(both.rows);
    for (const name of Object.keys(core.columns) as (keyof typeof core.columns)[]) {
      expect(Array.from(core.columns[name]), name).toEqual(Array.from(both.columns[name]));
    }
    expect("hoursToAccept" in core.columns).toBe(false);
    expect(both.header.dictionaries.reason).toContain("");
  });

  it("are files any Parquet tool opens: DuckDB reads them back with the same rows", async () => {
    const counts = await withDatabase(async (db) =>
      db.all<{file: string; rows: number}>(
        Object.keys(extractFiles)
          .map((file) => `SELECT '${file}' AS file, count(*)::INTEGER AS rows FROM ${sqlString(join(sample, file))}`)
          .join(" UNION ALL ")
      )
    );
    const rows = Object.fromEntries(counts.map((d) => [d.file, d.rows]));
    const core = await readParquet(read(sample, "handoffs.parquet"), "handoffs.parquet");
    expect(rows["handoffs.parquet"]).toBe(core.rows);
    expect(rows["handoff-details.parquet"]).toBe(core.rows);
    expect(rows["handoff-ids.parquet"]).toBe(core.rows);
    // Every lead of the sample: those never handed off here, the others as their first handoff.
    const firsts = Array.from(core.columns.handoff_seq).filter((d) => Number(d) === 1).length;
    expect(rows["nurture.parquet"] + firsts).toBe(20000);
    expect(rows["nurture.parquet"]).toBeGreaterThan(0);
  });

  it("are Parquet 2 with zstd: durations delta-packed (zstd barely shrinks them; decoding them costs less)", async () => {
    const chunks = await withDatabase(async (db) =>
      db.all<{column: string; compression: string; encodings: string}>(
        `SELECT path_in_schema AS column, compression, encodings
         FROM parquet_metadata(${sqlString(join(sample, "handoffs.parquet"))})`
      )
    );
    expect(new Set(chunks.map((d) => d.compression))).toEqual(new Set(["ZSTD"]));
    expect(chunks.find((d) => d.column === "seconds_to_close")?.encodings).toContain("DELTA_BINARY_PACKED");
  });

  it("list the pseudonyms in the extract's row order, never a raw lead ID", async () => {
    const ids = await decodePseudonyms(read(fixture, "handoff-ids.parquet"));
    expect(ids).toHaveLength(10);
    expect(ids.every((id) => /^P-[0-9a-f]{20}$/.test(id))).toBe(true);
  });

  it("refuse details from another build, and say so for a broken file", async () => {
    await expect(
      decodeExtract(read(sample, "handoffs.parquet"), read(fixture, "handoff-details.parquet"))
    ).rejects.toThrow(/another build/);
    const bytes = read(sample, "handoffs.parquet");
    await expect(decodeExtract(bytes.subarray(0, bytes.length >> 1))).rejects.toThrow(
      /handoffs.parquet cannot be read .*rebuild the site/
    );
    await expect(decodeExtract(read(sample, "nurture.parquet"))).rejects.toThrow(/no column campaign/);
  });
});

describe("an extract with more campaigns than 16 bits can count", () => {
  const directory = temporaryDirectory("leadstage-campaigns-");
  afterAll(() => rmSync(directory, {recursive: true, force: true}));

  it("keeps 70,000 campaigns apart (codes once wrapped at 65,536 and merged campaigns)", async () => {
    const count = 70_000;
    const ids = Array.from({length: count}, (_, i) => `L${i}`);
    writeFileSync(
      join(directory, "leads.csv"),
      ["lead_id,created_at,campaign", ...ids.map((id, i) => `${id},2025-01-01,Campaign ${i}`)].join("\n") + "\n"
    );
    writeFileSync(
      join(directory, "events.csv"),
      ["lead_id,at,type", ...ids.map((id) => `${id},2025-01-02,handed_off`)].join("\n") + "\n"
    );
    const {extract, leads} = await extractWithLeadsOf(directory);
    expect(extract.header.dictionaries.campaign).toHaveLength(count);
    for (const row of [0, 1, 65_535, 65_536, 65_537, count - 1]) {
      const campaign = extract.header.dictionaries.campaign[extract.columns.campaign[row]];
      expect(campaign).toBe(`Campaign ${leads[row].slice(1)}`);
    }
  });
});

describe("the nurture histories the simulator reads", () => {
  const directory = temporaryDirectory("leadstage-nurture-");
  afterAll(() => rmSync(directory, {recursive: true, force: true}));

  it("hold every lead once, as DuckDB's nurture table has it: never handed off from nurture.parquet, the rest from their first handoff", async () => {
    const truth = await withDatabase(async (db) => {
      const summary = await buildHandoffModel(db, locateInput("data/sample"), handoffLadder);
      await writeExtractFiles(db, directory, summary.dataEnd);
      const end = `TIMESTAMP ${sqlString(summary.dataEnd!)}`;
      const evidence = handoffLadder.levels.flatMap((d) => d.requires);
      return db.one<Record<string, number>>(
        `SELECT count(*)::INTEGER AS leads,
           sum(epoch_us(coalesce(first_handoff_at, ${end})) - epoch_us(created_at)) / 3600e6 AS observed,
           ${[...new Set(evidence)].map((t) => `count(ev_${t})::INTEGER AS "n_${t}", sum(ev_${t}) / 3600e6 AS "h_${t}"`).join(", ")}
         FROM nurture`
      );
    });
    const read = (name: string) => new Uint8Array(readFileSync(join(directory, name)));
    const extract = await decodeExtract(read("handoffs.parquet"));
    const nurture = await decodeNurture(read("nurture.parquet"), extract);
    expect(nurture.rows).toBe(truth.leads);
    // Whole hours, floored per lead: the total falls short by under an hour per lead, never more.
    const observed = nurture.hoursObserved.reduce((a, b) => a + b, 0);
    expect(nurture.hoursObserved.every(Number.isInteger)).toBe(true);
    expect(truth.observed - observed).toBeGreaterThanOrEqual(0);
    expect(truth.observed - observed).toBeLessThan(truth.leads);
    const types = nurture.evidenceTypes;
    types.forEach((type, i) => {
      let n = 0;
      let hours = 0;
      for (let lead = 0; lead < nurture.rows; ++lead) {
        const at = nurture.evidenceHours[lead * types.length + i];
        if (Number.isNaN(at)) continue;
        n++;
        hours += at;
      }
      expect(n, type).toBe(truth[`n_${type}`]);
      // Whole hours (handed-off leads' evidence counted back from the handoff): each off by less than an hour.
      expect(Math.abs(hours - truth[`h_${type}`]), type).toBeLessThan(n);
    });
  });

  it("read the evidence found after handoffs as the pipeline has it, and refuse that of another build", async () => {
    // The sample's files, written by the first test of this group.
    const bytes = (folder: string, name: string) => new Uint8Array(readFileSync(join(folder, name)));
    const {count} = await withDatabase((db) =>
      db.one<{count: number}>(
        `SELECT count(*)::INTEGER AS count FROM ${sqlString(join(directory, "later-evidence.parquet"))}`
      )
    );
    const extract = await decodeExtract(bytes(directory, "handoffs.parquet"));
    await decodeLaterEvidence(bytes(directory, "later-evidence.parquet"), extract);
    expect(count).toBeGreaterThan(100);
    expect(Array.from(extract.columns.evidenceHoursAfter).filter((h) => !Number.isNaN(h))).toHaveLength(count);
    await expect(decodeLaterEvidence(bytes(directory, "nurture.parquet"), extract)).rejects.toThrow(
      "later-evidence.parquet is not Leadstage's file of later evidence: rebuild the site"
    );
    const other = temporaryDirectory("leadstage-later-other-");
    try {
      await withDatabase(async (db) => {
        const summary = await buildHandoffModel(db, locateInput("test/fixtures/small"), handoffLadder);
        await writeExtractFiles(db, other, summary.dataEnd);
      });
      await expect(decodeLaterEvidence(bytes(other, "later-evidence.parquet"), extract)).rejects.toThrow(
        /another build/
      );
    } finally {
      rmSync(other, {recursive: true, force: true});
    }
  });

  it("refuse handoffs decoded without their evidence times (a page's lean decoding) instead of a climb without them", async () => {
    const read = (name: string) => new Uint8Array(readFileSync(join(directory, name)));
    const lean = await decodeExtract(read("handoffs.parquet"), read("handoff-details.parquet"), {evidenceTimes: false});
    await expect(decodeNurture(read("nurture.parquet"), lean)).rejects.toThrow(
      "the handoffs were decoded without their evidence times (evidenceTimes: false): the simulation needs them"
    );
  });

  it("refuse a nurture file of another build", async () => {
    const other = temporaryDirectory("leadstage-nurture-other-");
    try {
      await withDatabase(async (db) => {
        const summary = await buildHandoffModel(db, locateInput("test/fixtures/small"), handoffLadder);
        await writeExtractFiles(db, other, summary.dataEnd);
      });
      const extract = await decodeExtract(new Uint8Array(readFileSync(join(directory, "handoffs.parquet"))));
      await expect(
        decodeNurture(new Uint8Array(readFileSync(join(other, "nurture.parquet"))), extract)
      ).rejects.toThrow(/another build/);
    } finally {
      rmSync(other, {recursive: true, force: true});
    }
  });
});

describe("dimensions a row does not have", () => {
  const directory = temporaryDirectory("leadstage-unknown-dimension-");
  afterAll(() => rmSync(directory, {recursive: true, force: true}));

  it("read '(unknown)', built-in and the data's own alike, and keep the own ones' labels", async () => {
    const fixture = "test/fixtures/exports/crm-pipeline-accounts";
    for (const file of ["accounts.csv", "sales_teams.csv"]) {
      writeFileSync(join(directory, file), readFileSync(join(fixture, file)));
    }
    // The first opportunity (engaged, so handed off) loses its product and its account's sector.
    const pipeline = readFileSync(join(fixture, "sales_pipeline.csv"), "utf8").split("\n");
    pipeline[1] = pipeline[1].replace(",GTX Basic,Cancity,", ",,Nowhere Inc,");
    writeFileSync(join(directory, "sales_pipeline.csv"), pipeline.join("\n"));
    const out = join(directory, "model");
    const profile = loadProfile(join(fixture, "profile.json"));
    await runImport({profile, paths: resolvePaths(profile, [directory]), out});
    const extract = await extractOf(out);
    const {dictionaries} = extract.header;
    expect(dictionaries.dim_product).toContain("(unknown)");
    expect(dictionaries.segment).toContain("(unknown)");
    expect(extract.header.dimensions?.map((d) => d.column)).toEqual(["dim_product", "dim_agent", "dim_manager"]);
    const row = Array.from(extract.columns.dim_product).indexOf(dictionaries.dim_product.indexOf("(unknown)"));
    expect(dictionaries.segment[extract.columns.segment[row]]).toBe("(unknown)");
    expect(dictionaries.dim_agent[extract.columns.dim_agent[row]]).toBe("Moses Frase");
  });
});
