-- Checks every mapped event once against the validated leads; the first failing check names the source column and
-- the reason. raw_events is a view over the source file: this statement is the one pass that maps, parses and checks
-- the events and the only copy of them the pipeline writes (`events` below is a view of the rows that pass). Each
-- copy of 11.8M rows cost as much as reading the file (docs/pipeline-speed.md). Rows stay narrow: each names its
-- profile section, whose file and column names live once in event_sections.
-- A won deal dated before its lead's creation or first handoff is a contradiction the data
-- really contains: it is kept (the deal happened) and flagged, not rejected and not silently moved.
CREATE OR REPLACE TABLE event_checks AS
WITH
-- A lead id repeated in its file: the later row is rejected whole (validate-leads.sql), and what else that row says (a
-- win/loss export's won date and amount) goes with it, neither merged into the kept lead nor counted again.
duplicate_lead_rows AS (
  SELECT file, row FROM lead_checks WHERE reject_reason = 'duplicate lead_id'
),
parsed AS (
  SELECT *, try_cast(value AS DOUBLE) AS num_value, coalesce(value IN (SELECT answer FROM scorecard_options), false) AS known_answer
  FROM raw_events JOIN event_sections USING (section)
  ANTI JOIN duplicate_lead_rows d ON d.file = event_sections.file AND d.row = raw_events.row
),
joined AS (
  SELECT p.*, l.created_at AS lead_created_at, l.lead_id IS NOT NULL AS lead_known, rl.lead_id IS NOT NULL AS lead_rejected
  FROM parsed p
  LEFT JOIN leads l ON l.lead_id = p.lead_id
  LEFT JOIN (SELECT DISTINCT lead_id FROM lead_checks WHERE reject_reason IS NOT NULL) rl
    ON rl.lead_id = p.lead_id AND l.lead_id IS NULL
)
SELECT
  section, row, lead_id, "at", type, num_value, value,
  -- The date as written, kept only where a later statement may quote it (an outcome before any handoff, below).
  CASE WHEN list_contains({{handoff_bound_types}}, type) THEN at_text END AS at_text,
  CASE
    WHEN lead_id IS NULL OR NOT lead_known THEN lead_column
    WHEN type IS NULL OR NOT list_contains({{event_types}}, type) THEN type_column
    WHEN "at" IS NULL OR "at" < {{earliest}} OR "at" > {{latest}} THEN at_column
    WHEN "at" < lead_created_at AND type <> 'won' THEN at_column
    WHEN type IN ('won', 'sales_touch') AND value IS NOT NULL AND num_value IS NULL THEN value_column
    -- NaN compares greater than every number, so non-finite values are caught before any range check.
    WHEN type IN ('won', 'sales_touch') AND NOT isfinite(num_value) THEN value_column
    WHEN type = 'won' AND (num_value < 0 OR num_value > {{max_amount}}) THEN value_column
    WHEN type = 'sales_touch' AND num_value > {{max_touch_hours}} THEN value_column
    WHEN type = 'sales_touch' AND (num_value IS NULL OR num_value <= 0) THEN value_column
    WHEN length(value) > {{max_text_length}} THEN value_column
    WHEN type = 'scorecard' AND NOT known_answer THEN value_column
  END AS reject_field,
  CASE
    WHEN lead_id IS NULL THEN 'missing lead_id'
    WHEN NOT lead_known AND lead_rejected THEN 'its lead was rejected'
    WHEN NOT lead_known THEN 'unknown lead_id (not in the leads file)'
    WHEN type IS NULL THEN 'missing type'
    WHEN NOT list_contains({{event_types}}, type) THEN 'unknown event type'
    WHEN at_text IS NULL THEN 'missing date'
    WHEN "at" IS NULL THEN 'unparseable date (expected ' || at_formats || ')'
    WHEN "at" < {{earliest}} THEN {{too_early}}
    WHEN "at" > {{latest}} THEN {{too_late}}
    WHEN "at" < lead_created_at AND type <> 'won' THEN 'event before the lead was created'
    WHEN type = 'won' AND value IS NOT NULL AND num_value IS NULL THEN 'amount is not a number'
    WHEN type = 'won' AND NOT isfinite(num_value) THEN 'amount is not a finite number'
    WHEN type = 'won' AND num_value < 0 THEN 'negative amount'
    WHEN type = 'won' AND num_value > {{max_amount}} THEN 'amount too large (over {{max_amount}})'
    WHEN type = 'sales_touch' AND value IS NULL THEN 'sales_touch without hours'
    WHEN type = 'sales_touch' AND num_value IS NULL THEN 'hours are not a number'
    WHEN type = 'sales_touch' AND NOT isfinite(num_value) THEN 'hours are not a finite number'
    WHEN type = 'sales_touch' AND num_value > {{max_touch_hours}} THEN 'hours too large (over {{max_touch_hours}} for one touch)'
    WHEN type = 'sales_touch' AND num_value <= 0 THEN 'hours must be positive'
    WHEN length(value) > {{max_text_length}} THEN 'value too long (over {{max_text_length}} characters)'
    WHEN type = 'scorecard' AND NOT known_answer THEN 'unknown scorecard answer (expected question=option)'
  END AS reject_reason,
  CASE
    WHEN lead_id IS NULL OR NOT lead_known THEN left(lead_id, 60)
    WHEN type IS NULL OR NOT list_contains({{event_types}}, type) THEN left(coalesce(type_text, type), 60)
    WHEN "at" IS NULL OR "at" < {{earliest}} OR "at" > {{latest}} OR ("at" < lead_created_at AND type <> 'won')
      THEN left(at_text, 60)
    WHEN reject_field = value_column THEN left(value, 60)
    ELSE NULL
  END AS reject_value,
  CASE WHEN type = 'won' AND "at" < lead_created_at THEN 'won before the lead was created' END AS flag_reason,
  CASE WHEN type = 'won' AND "at" < lead_created_at THEN at_text END AS flag_value
FROM joined;

-- Copies of one event (same lead, instant, type and value): the first (by file, row and column) is kept, the others
-- rejected. Every check above depends only on those four (and the lead), so copies pass or fail together and only
-- rows that passed need a look. Copies are rare: repeated hashes of the four find the groups that may hold two (a
-- collision only adds a candidate) and only their rows are numbered; numbering every event by its four columns
-- sorted every event with all its columns.
UPDATE event_checks
SET reject_field = '(whole row)', reject_reason = 'duplicate event', reject_value = NULL
WHERE rowid IN (
  SELECT event_rowid FROM (
    SELECT c.rowid AS event_rowid,
      row_number() OVER (PARTITION BY lead_id, "at", type, value ORDER BY s.file, c.row, s.at_column) AS copy_number
    FROM event_checks c JOIN event_sections s USING (section)
    WHERE c.reject_reason IS NULL AND hash(lead_id, "at", type, value) IN (
      -- A repeated hash is equal to its neighbour once the hashes are sorted: at a million leads, sorting them and
      -- comparing neighbours took 1.2 s where a hash aggregate over 11.8M mostly distinct groups took 2.3 to 3.1 s.
      SELECT key_hash FROM (
        SELECT key_hash, lag(key_hash) OVER (ORDER BY key_hash) AS previous
        FROM (SELECT hash(lead_id, "at", type, value) AS key_hash FROM event_checks WHERE reject_reason IS NULL)
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
SELECT lead_id, min("at") AS first_handoff_at
FROM event_checks
WHERE reject_reason IS NULL AND type = 'handed_off'
GROUP BY lead_id;

UPDATE event_checks c
SET
  reject_field = CASE WHEN orphan.kept THEN NULL ELSE orphan.at_column END,
  reject_reason = CASE WHEN orphan.kept THEN NULL ELSE 'outcome before any handoff' END,
  reject_value = CASE WHEN orphan.kept THEN NULL ELSE orphan.at_text END,
  flag_reason = CASE WHEN orphan.kept THEN coalesce(c.flag_reason, 'won before the first handoff') END,
  flag_value = CASE WHEN orphan.kept THEN orphan.at_text END
FROM (
  SELECT c2.section, c2.row, s.at_column, c2.at_text, c2.type = 'won' AND f.first_handoff_at IS NOT NULL AS kept
  FROM event_checks c2
  LEFT JOIN first_handoffs f USING (lead_id)
  JOIN event_sections s ON s.section = c2.section
  WHERE c2.reject_reason IS NULL
    AND list_contains({{handoff_bound_types}}, c2.type)
    AND (f.first_handoff_at IS NULL OR c2."at" < f.first_handoff_at)
) orphan
WHERE c.section = orphan.section AND c.row = orphan.row;

INSERT INTO rejects
SELECT s.file, c.row, c.reject_field, c.reject_reason, c.reject_value
FROM event_checks c JOIN event_sections s USING (section)
WHERE c.reject_reason IS NOT NULL
ORDER BY s.file, c.row, c.section;

INSERT INTO flags
SELECT s.file, c.row, s.at_column, c.flag_reason, c.flag_value
FROM event_checks c JOIN event_sections s USING (section)
WHERE c.reject_reason IS NULL AND c.flag_reason IS NOT NULL
ORDER BY s.file, c.row, c.section;

-- The events that passed, as a view: downstream statements read a few columns of them, never all.
CREATE OR REPLACE VIEW events AS
SELECT s.file, c.row, c.lead_id, c."at", c.type, c.num_value, c.value, c.flag_reason IS NOT NULL AS flagged, s.type_column,
  -- "By file, then row" as one number (row numbers stay below 2^47), so that handoffs.sql orders by a number.
  (s.file_rank::BIGINT << 47) + c.row AS file_order
FROM event_checks c JOIN event_sections s USING (section)
WHERE c.reject_reason IS NULL;
