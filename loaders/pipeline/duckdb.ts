/**
 * The one wrapper over @duckdb/node-api. Everything node-side talks to DuckDB through it, so the conversion of
 * DuckDB's BigInt and wrapper values into plain JSON-ready values happens here and nowhere else.
 */
import {mkdtempSync, rmSync} from "node:fs";
import {availableParallelism, tmpdir, totalmem} from "node:os";
import {join} from "node:path";
import {DuckDBInstance, type DuckDBConnection, type DuckDBValue} from "@duckdb/node-api";

/** A plain value as callers see it: numbers (BigInt converted), strings, booleans, ISO timestamps, null, nesting. */
export type PlainValue = number | string | boolean | null | PlainValue[] | {[key: string]: PlainValue};

/** A value {@link Database.append} can write. */
export type AppendValue = string | number | bigint | null;

/** A result row with plain values. */
export type PlainRow = Record<string, PlainValue>;

/** An open DuckDB database with one connection. Close it when done (or use {@link withDatabase}). */
export class Database {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** Where DuckDB spills what does not fit its memory limit; removed on close. */
    readonly spillDirectory: string
  ) {}

  /**
   * Opens an in-memory database (or a file) in UTC so that timestamps never depend on the build machine's
   * zone, and with insertion order preserved so that row numbers reported in rejects match the input file.
   */
  static async open(path = ":memory:"): Promise<Database> {
    // A place of its own to spill to, removed on close: two builds side by side never share or leave spill files.
    const spillDirectory = mkdtempSync(join(tmpdir(), "leadstage-duckdb-"));
    const instance = await DuckDBInstance.create(path, {
      preserve_insertion_order: "true",
      // A cap sized from the machine: large inputs then spill and take longer instead of taking all its memory.
      memory_limit: memoryLimit(),
      threads: String(availableParallelism()),
      temp_directory: spillDirectory,
      autoinstall_known_extensions: "false",
      autoload_known_extensions: "true"
    });
    const connection = await instance.connect();
    // Without the ICU extension (the bundled build has none) DuckDB's time zone is UTC already; with it, pin UTC.
    await connection.run("SET TimeZone = 'UTC'").catch(() => undefined);
    // An in-memory database compresses its tables only at a checkpoint (COMPRESS), and there are none (below): the
    // tables stay as written, 2.3 GB at a million leads, inside the memory limit. A model too large for it keeps its
    // tables in a file instead (keepTablesOnDisk), whose blocks DuckDB compresses as it writes them.
    if (path === ":memory:") await connection.run("ATTACH ':memory:' AS leadstage (COMPRESS); USE leadstage");
    // No checkpoints of the in-memory database: at 100,000 leads one cost 230 ms of the 1.4 s model, and at a million
    // leads compressing the tables took 1.8 s (2.3 GB → 0.65 GB) where they fit anyway (docs/pipeline-speed.md).
    if (path === ":memory:") await connection.run("SET checkpoint_threshold = '1TB'");
    return new Database(instance, connection, spillDirectory);
  }

  /**
   * From now on, tables are created in a database file in the spill folder (removed on close) instead of in memory;
   * what was created before stays where it is and is still found by name. For a model larger than the memory limit:
   * in memory DuckDB spills its uncompressed tables, a file's blocks are compressed as they are written (ten million
   * leads: 132 → 102–105 s, docs/pipeline-speed.md).
   */
  async keepTablesOnDisk(): Promise<void> {
    const file = sqlString(join(this.spillDirectory, "tables.duckdb"));
    await this.connection.run(
      `ATTACH ${file} AS leadstage_disk; USE leadstage_disk; SET search_path = 'leadstage_disk.main,leadstage.main'`
    );
    // DuckDB tries FSST on every text segment it writes to the file; on the checked events its dictionary encoding won
    // every time (a million events' table: 610 MB either way, 12% faster to write without the trial). Ten million
    // leads: 104.8 and 107.2 s without FSST, 108.9 and 113.6 s with it (docs/pipeline-speed.md).
    await this.connection.run("SET disabled_compression_methods = 'fsst'");
  }

  /** Stops the statement running now (it fails with an interruption error): a bound on work that must not hang. */
  interrupt(): void {
    this.connection.interrupt();
  }

  /** Runs one or more statements for their effect. */
  async run(sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** Runs a query and returns all rows with plain values. */
  async all<T extends PlainRow = PlainRow>(
    sql: string,
    params?: DuckDBValue[] | Record<string, DuckDBValue>
  ): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS().map((row) => toPlain(row) as T);
  }

  /** Runs a query and returns its columns as arrays of plain values (for wide results read column by column). */
  async columns(
    sql: string,
    params?: DuckDBValue[] | Record<string, DuckDBValue>
  ): Promise<Record<string, PlainValue[]>> {
    const reader = await this.connection.runAndReadAll(sql, params);
    const columns = reader.getColumnsObjectJS();
    return Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, values.map(toPlain)]));
  }

  /** Runs a query that returns exactly one row. */
  async one<T extends PlainRow = PlainRow>(
    sql: string,
    params?: DuckDBValue[] | Record<string, DuckDBValue>
  ): Promise<T> {
    const rows = await this.all<T>(sql, params);
    if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${sql.slice(0, 200)}`);
    return rows[0];
  }

  /**
   * Appends rows to an existing table in bulk (the generator writes millions). Each JS type goes to one DuckDB type:
   * string → VARCHAR, number → DOUBLE, bigint → BIGINT, null → NULL; the table's columns must match.
   */
  async append(table: string, rows: Iterable<readonly AppendValue[]>): Promise<void> {
    const appender = await this.connection.createAppender(table);
    try {
      for (const row of rows) {
        for (const value of row) {
          if (value === null) appender.appendNull();
          else if (typeof value === "string") appender.appendVarchar(value);
          else if (typeof value === "bigint") appender.appendBigInt(value);
          else appender.appendDouble(value);
        }
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  /** Closes the connection and the database, and removes what it spilled. */
  close(): void {
    try {
      this.connection.closeSync();
      this.instance.closeSync();
    } finally {
      rmSync(this.spillDirectory, {recursive: true, force: true});
    }
  }
}

/**
 * DuckDB's memory cap: LEADSTAGE_MEMORY_LIMIT when set (e.g. "8GB"), else a seventh of the machine's memory, at least
 * 1 GiB. The rest stays for Node (pages, the extract) and for what DuckDB holds beyond its cap: ten million leads
 * on a 24 GiB machine peaked 0.8-1.7 GB above a sixth (4.8-5.7 GB, at the edge of the 6 GB target; malloc settings
 * did not narrow it) and at 4.0-4.2 GB with a seventh, in the same time; a million leads fit either way
 * (docs/pipeline-speed.md).
 */
export function memoryLimit(total = totalmem()): string {
  const set = process.env.LEADSTAGE_MEMORY_LIMIT;
  if (set) return set;
  return `${Math.max(1024, Math.floor(total / 7 / 2 ** 20))}MiB`;
}

/** The bytes of a memory limit as {@link memoryLimit} gives it ("4096MiB", or LEADSTAGE_MEMORY_LIMIT's "8GB"). */
export function memoryLimitBytes(limit = memoryLimit()): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)?\s*$/i.exec(limit);
  if (!match)
    throw new Error(`memory limit ${JSON.stringify(limit)}: expected a number of bytes with a unit, e.g. 8GB`);
  const unit = (match[2] ?? "B").toLowerCase();
  const scale = unit.includes("i") ? 1024 : 1000;
  const power = ["b", "k", "m", "g", "t"].indexOf(unit[0]);
  return Number(match[1]) * scale ** power;
}

/** Opens a database, runs `work` with it and closes it, even when `work` throws. */
export async function withDatabase<T>(work: (db: Database) => Promise<T>, path?: string): Promise<T> {
  const db = await Database.open(path);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** Converts a value from DuckDB's JS conversion into a plain one; a BigInt beyond 2^53 is an error, not a rounding. */
export function toPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`integer ${value} does not fit a JavaScript number`);
    }
    return Number(value);
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, toPlain(v)]));
  }
  return String(value);
}

/** Quotes a string as a SQL literal (for file paths in table functions, which cannot be bound parameters). */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes an identifier. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
