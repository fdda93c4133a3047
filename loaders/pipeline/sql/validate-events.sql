-- Checks every mapped event once against the validated leads; the first failing check names the source column and
-- the reason. raw_events is a view over the source file: this statement is the one pass that maps, parses and checks
-- the events and the only copy of them the pipeline writes (`events` below is a view of the rows that pass). Each
-- copy of 11.8M rows cost as much as reading the file (docs/pipeline-speed.md). Rows stay narrow: each names its
-- profile section, whose file and column names live once in event_sections.
-- A won deal dated before its lead's creation or first handoff is a contradiction the data
-- really contains: it is kept (the deal happened) and flagged, not rejected and not silently moved.
-- Why an event is rejected, by code (event_checks.reject_code), and which of its section's columns the reject names.
-- Code 7's reason names the section's date formats (added where the rejects are written).
CREATE OR REPLACE TEMP TABLE event_reject_reasons AS
SELECT * FROM (VALUES
  (1, 'lead', 'missing lead_id'),
  (2, 'lead', 'its lead was rejected'),
  (3, 'lead', 'unknown lead_id (not in the leads file)'),
  (4, 'type', 'missing type'),
  (5, 'type', 'unknown event type'),
  (6, 'at', 'missing date'),
  (7, 'at', 'unparseable date'),
  (8, 'at', {{too_early}}),
  (9, 'at', {{too_late}}),
  (10, 'at', 'event before the lead was created'),
  (11, 'value', 'amount is not a number'),
  (12, 'value', 'amount is not a finite number'),
  (13, 'value', 'negative amount'),
  (14, 'value', 'amount too large (over {{max_amount}})'),
  (15, 'value', 'sales_touch without hours'),
  (16, 'value', 'hours are not a number'),
  (17, 'value', 'hours are not a finite number'),
  (18, 'value', 'hours too large (over {{max_touch_hours}} for one touch)'),
  (19, 'value', 'hours must be positive'),
  (20, 'value', 'value too long (over {{max_text_length}} characters)'),
  (21, 'value', 'unknown scorecard answer (expected question=option)'),
  (22, 'row', 'duplicate event'),
  (23, 'at', 'outcome before any handoff'),
  (24, 'value', {{damaged_text_reason}}),
  (25, 'row', {{repeated_header_reason}})
) AS t(code, field, reason);

-- The checked events store their type as an ENUM of the model's event types (one byte instead of a string): the
-- largest table of the pipeline is written with 11.8M fewer strings at a million leads. A million leads, three runs
-- each: peak memory 2.56-2.62 -> 2.39-2.43 GB, the whole run 12.2-14.4 -> 11.4-12.6 s (docs/pipeline-speed.md). A
-- type that is none of them is rejected below, before this cast could lose it. Later statements compare it with
-- plain text ('won'), which DuckDB does by casting the ENUM to text: typed literals ('won'::event_type) saved about
-- 40 ms per scan of 11.8M events alone and nothing measurable in whole runs (2026-12-06), so the SQL stays plain.
DROP TYPE IF EXISTS event_type;
CREATE TYPE event_type AS ENUM (SELECT unnest({{event_types}}));

CREATE OR REPLACE TABLE event_checks AS
WITH
-- A lead id repeated in its file: the later row is rejected whole (validate-leads.sql), and what else that row says (a
-- win/loss export's won date and amount) goes with it, neither merged into the kept lead nor counted again.
duplicate_lead_rows AS (
  SELECT file, row FROM lead_checks WHERE reject_reason = 'duplicate lead_id'
),
parsed AS (
  -- A number only where one is read (a won amount, a touch's hours): trying to read every scorecard answer and
  -- reason as a number cost 0.4 s of operator time at a million leads.
  SELECT *, CASE WHEN type IN ('won', 'sales_touch') THEN {{number_value}} END AS num_value,
    coalesce(value IN (SELECT answer FROM scorecard_options), false) AS known_answer
  FROM raw_events JOIN event_sections USING (section)
  ANTI JOIN duplicate_lead_rows d ON d.file = event_sections.file AND d.row = raw_events.row
),
joined AS (
  SELECT p.*, l.row AS lead_row, l.created_at AS lead_created_at, l.lead_id IS NOT NULL AS lead_known,
    l.lead_id IS NULL AND rl.lead_id IS NOT NULL AS lead_rejected
  FROM parsed p
  LEFT JOIN leads l ON l.lead_id = p.lead_id
  -- The join's condition is the equality alone: with "AND l.lead_id IS NULL" in it DuckDB planned a nested loop over
  -- every event and every rejected lead (1M leads with 400 rejected: 4.5 s; ten million: minutes).
  LEFT JOIN (SELECT DISTINCT lead_id FROM lead_checks WHERE reject_reason IS NOT NULL) rl ON rl.lead_id = p.lead_id
)
SELECT
  -- The lead as its row in the leads file (a number; the text ID stays in leads): every later join and grouping by
  -- lead reads this column, and a number costs a fraction of 11.8M IDs' text to write and to hash.
  section, row, lead_row, "at", TRY_CAST(type AS event_type) AS type, num_value, value,
  -- The date as written, kept only where a later statement may quote it (an outcome before any handoff, below) or
  -- a reject quotes it.
  CASE WHEN list_contains({{handoff_bound_types}}, type) OR reject_code BETWEEN 6 AND 10 THEN at_text END AS at_text,
  reject_code,
  -- What the reject quotes: the lead ID, the type, the date or the value, by the check that failed.
  CASE
    WHEN reject_code <= 3 THEN left(lead_id, 60)
    WHEN reject_code <= 5 THEN left(coalesce(type_text, type), 60)
    WHEN reject_code <= 10 THEN left(at_text, 60)
    WHEN reject_code <= 21 THEN left(value, 60)
  END AS reject_value,
  CASE WHEN type = 'won' AND "at" < lead_created_at THEN 1 END::UTINYINT AS flag_code
FROM (
  -- The first failing check, as a code of event_reject_reasons (one CASE, not one per column of the reject: the
  -- checked events are the pipeline's largest table, and each text column of it cost as much as a number).
  SELECT *,
    CASE
      WHEN lead_id IS NULL THEN 1
      -- The file's header line again, its lead "ID" the column's name: files joined with their headers.
      WHEN NOT lead_known AND lead_id = lead_column THEN 25
      WHEN NOT lead_known AND lead_rejected THEN 2
      WHEN NOT lead_known THEN 3
      WHEN type IS NULL THEN 4
      WHEN NOT list_contains({{event_types}}, type) THEN 5
      WHEN at_text IS NULL THEN 6
      WHEN "at" IS NULL THEN 7
      WHEN "at" < {{earliest}} THEN 8
      WHEN "at" > {{latest}} THEN 9
      WHEN "at" < lead_created_at AND type <> 'won' THEN 10
      WHEN type = 'won' AND value IS NOT NULL AND num_value IS NULL THEN 11
      -- NaN compares greater than every number, so non-finite values are caught before any range check.
      WHEN type = 'won' AND NOT isfinite(num_value) THEN 12
      WHEN type = 'won' AND num_value < 0 THEN 13
      WHEN type = 'won' AND num_value > {{max_amount}} THEN 14
      WHEN type = 'sales_touch' AND value IS NULL THEN 15
      WHEN type = 'sales_touch' AND num_value IS NULL THEN 16
      WHEN type = 'sales_touch' AND NOT isfinite(num_value) THEN 17
      WHEN type = 'sales_touch' AND num_value > {{max_touch_hours}} THEN 18
      WHEN type = 'sales_touch' AND num_value <= 0 THEN 19
      WHEN length(value) > {{max_text_length}} THEN 20
      WHEN type = 'scorecard' AND NOT known_answer THEN 21
      -- A NUL character is damaged text (damaged-text.ts): in an amount, hours or a scorecard answer it failed the
      -- checks above; in a reason it would reach the pages. Not quoted. 40-80 ms at a million leads (11.8M values).
      WHEN contains(value, chr(0)) THEN 24
    END::UTINYINT AS reject_code
  FROM joined
);

-- Copies of one event (same lead, instant, type and value): the first (by file, row and column) is kept, the others
-- rejected. Every check above depends only on those four (and the lead), so copies pass or fail together and only
-- rows that passed need a look. Copies are rare: repeated hashes of the four find the groups that may hold two (a
-- collision only adds a candidate) and only their rows are numbered; numbering every event by its four columns
-- sorted every event with all its columns.
UPDATE event_checks
SET reject_code = 22, reject_value = NULL
WHERE rowid IN (
  SELECT event_rowid FROM (
    SELECT c.rowid AS event_rowid,
      row_number() OVER (PARTITION BY lead_row, "at", type, value ORDER BY s.file, c.row, s.at_column) AS copy_number
    FROM event_checks c JOIN event_sections s USING (section)
    WHERE c.reject_code IS NULL AND hash(lead_row, "at", type, value) IN (
      -- A repeated hash is equal to its neighbour once the hashes are sorted: at a million leads, sorting them and
      -- comparing neighbours took 1.2 s where a hash aggregate over 11.8M mostly distinct groups took 2.3 to 3.1 s.
      SELECT key_hash FROM (
        SELECT key_hash, lag(key_hash) OVER (ORDER BY key_hash) AS previous
        FROM (SELECT hash(lead_row, "at", type, value) AS key_hash FROM event_checks WHERE reject_code IS NULL)
      )
      WHERE key_hash = previous
    )
  )
  WHERE copy_number > 1
);

-- Lifecycle events other than the handoff belong to the handoff they follow: one before any handoff has no handoff
-- to belong to. Disqualification is the exception (marketing may disqualify a lead it never handed off), and so is a
-- won deal of a lead that was handed off later: kept, flagged, and counted for the first handoff.
CREATE OR REPLACE TEMP TABLE first_handoffs AS
SELECT lead_row, min("at") AS first_handoff_at
FROM event_checks
WHERE reject_code IS NULL AND type = 'handed_off'
GROUP BY lead_row;

UPDATE event_checks c
SET
  reject_code = CASE WHEN orphan.kept THEN NULL ELSE 23 END,
  reject_value = CASE WHEN orphan.kept THEN NULL ELSE orphan.at_text END,
  -- Flag 2: won before the first handoff (a won deal dated before its lead's creation keeps flag 1).
  flag_code = CASE WHEN orphan.kept THEN coalesce(c.flag_code, 2) END
FROM (
  SELECT c2.section, c2.row, c2.at_text, c2.type = 'won' AND f.first_handoff_at IS NOT NULL AS kept
  FROM event_checks c2
  LEFT JOIN first_handoffs f USING (lead_row)
  WHERE c2.reject_code IS NULL
    AND list_contains({{handoff_bound_types}}::event_type[], c2.type)
    AND (f.first_handoff_at IS NULL OR c2."at" < f.first_handoff_at)
) orphan
WHERE c.section = orphan.section AND c.row = orphan.row;

INSERT INTO rejects
SELECT s.file, c.row,
  CASE r.field
    WHEN 'lead' THEN s.lead_column WHEN 'type' THEN s.type_column WHEN 'at' THEN s.at_column
    WHEN 'value' THEN s.value_column ELSE '(whole row)'
  END,
  CASE WHEN r.code = 7 THEN 'unparseable date (expected ' || s.at_formats || ')' ELSE r.reason END,
  c.reject_value
FROM event_checks c JOIN event_sections s USING (section) JOIN event_reject_reasons r ON r.code = c.reject_code
ORDER BY s.file, c.row, c.section;

INSERT INTO flags
SELECT s.file, c.row, s.at_column,
  CASE c.flag_code WHEN 1 THEN 'won before the lead was created' ELSE 'won before the first handoff' END, c.at_text
FROM event_checks c JOIN event_sections s USING (section)
WHERE c.reject_code IS NULL AND c.flag_code IS NOT NULL
ORDER BY s.file, c.row, c.section;

-- The events that passed, as a view: downstream statements read a few columns of them, never all.
CREATE OR REPLACE VIEW events AS
SELECT s.file, c.row, c.lead_row, c."at", c.type, c.num_value, c.value, c.flag_code IS NOT NULL AS flagged, s.type_column,
  -- "By file, then row" as one number (row numbers stay below 2^47), so that handoffs.sql orders by a number.
  (s.file_rank::BIGINT << 47) + c.row AS file_order
FROM event_checks c JOIN event_sections s USING (section)
WHERE c.reject_code IS NULL;
