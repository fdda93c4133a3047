-- One row per handoff. A lead handed off, recycled and handed off again yields two handoffs; every lifecycle event
-- belongs to the latest handoff at or before it. Evidence is kept as its offset from the handoff instant (first time
-- known minus handoff time, in microseconds) so the ladder can decide what was known at that moment. The first
-- instant of each piece of evidence per lead comes from first-evidence.sql.
-- Each built-in dimension's values in sort order, as an ENUM: the handoffs are sorted by these codes instead of their
-- texts (campaign names share long prefixes; at five million leads the sort took 6.5–6.9 s instead of 7.3–7.7 s). An
-- ENUM orders as its values were listed, and they are listed in the text order, so the order is the same. '(unknown)'
-- is always listed: an ENUM needs one value, and an input whose every lead was rejected has none (DuckDB's "ENUM type
-- requires at least one argument" stopped such a build without naming a file).
DROP TYPE IF EXISTS campaign_order; DROP TYPE IF EXISTS source_order; DROP TYPE IF EXISTS segment_order;
DROP TYPE IF EXISTS company_size_order; DROP TYPE IF EXISTS region_order;
CREATE TYPE campaign_order AS ENUM (
  SELECT coalesce(campaign, '(unknown)') FROM leads UNION SELECT '(unknown)' ORDER BY 1);
CREATE TYPE source_order AS ENUM (
  SELECT coalesce(source, '(unknown)') FROM leads UNION SELECT '(unknown)' ORDER BY 1);
CREATE TYPE segment_order AS ENUM (
  SELECT coalesce(segment, '(unknown)') FROM leads UNION SELECT '(unknown)' ORDER BY 1);
CREATE TYPE company_size_order AS ENUM (
  SELECT coalesce(company_size, '(unknown)') FROM leads UNION SELECT '(unknown)' ORDER BY 1);
CREATE TYPE region_order AS ENUM (
  SELECT coalesce(region, '(unknown)') FROM leads UNION SELECT '(unknown)' ORDER BY 1);

CREATE OR REPLACE TABLE handoffs AS
-- handoff_events (handoff-events.sql): each handoff with its number and the next handoff's instant; its rowid names
-- one handoff in the aggregates below.
WITH
-- The latest answer to each question at or before each handoff: its points, and its option (1-based, packed two
-- bits per question in scorecard order).
scorecard_at_handoff AS (
  SELECT handoff_id, {{scorecard_score}} AS score, {{scorecard_answers}} AS answers
  FROM (
    -- The latest answer per question: the latest instant, then the first by file and row, as one number for
    -- arg_max; aggregates instead of a window that sorted every answer, one per question (latestAnswersSql).
    SELECT handoff_id,
      {{latest_answers}}
    FROM (
      SELECT h.rowid AS handoff_id, o.question_index, o.option_index,
        (epoch_us(e."at")::HUGEINT << 64) - e.file_order AS latest_first
      FROM handoff_events h
      JOIN events e ON e.lead_row = h.lead_row AND e.type = 'scorecard' AND e."at" <= h.handoff_at
      JOIN scorecard_options o ON o.answer = e.value
    )
    GROUP BY handoff_id
  )
),
after_handoff AS (
  -- ending_order: "instant, then file and row" as one number, for arg_min, on terminal events only (NULL on the
  -- others, which arg_min then skips: a CASE per aggregate cost less than a FILTER).
  SELECT h.rowid AS handoff_id, e.type, e."at",
    CASE WHEN list_contains({{terminal_types}}::event_type[], e.type)
      THEN (epoch_us(e."at")::HUGEINT << 64) + e.file_order END AS ending_order,
    e.num_value, e.value, e.flagged
  FROM handoff_events h
  JOIN events e
    ON e.lead_row = h.lead_row
   -- A flagged won deal dated before the first handoff still belongs to it (see validate-events.sql).
   AND (e."at" >= h.handoff_at OR (h.handoff_seq = 1 AND e.type = 'won'))
   AND (h.next_handoff_at IS NULL OR e.at < h.next_handoff_at)
   -- Only what the endings below read: scorecard answers and evidence are most of the events (7 of 11 million).
   AND (list_contains({{terminal_types}}::event_type[], e.type) OR e.type IN ('accepted', 'opportunity', 'sales_touch'))
),
endings AS (
  SELECT
    handoff_id,
    arg_min(type, ending_order) AS ending_type,
    arg_min(value, ending_order) AS ending_value,
    arg_min(num_value, ending_order) AS ending_amount,
    min(CASE WHEN ending_order IS NOT NULL THEN "at" END) AS closed_at,
    min(CASE WHEN type = 'accepted' THEN "at" END) AS accepted_at,
    min(CASE WHEN type = 'opportunity' THEN "at" END) AS opportunity_at,
    min(CASE WHEN type = 'sales_touch' THEN "at" END) AS first_touch_at,
    count(CASE WHEN type = 'sales_touch' THEN 1 END) AS sales_touches,
    coalesce(sum(CASE WHEN type = 'sales_touch' THEN num_value END), 0) AS sales_hours,
    bool_or(flagged) AS flagged
  FROM after_handoff
  GROUP BY handoff_id
),
joined AS (
  SELECT
    l.lead_id,
    h.handoff_seq,
    h.handoff_at,
    l.created_at,
    l.campaign,
    l.source,
    l.segment,
    l.company_size,
    l.region{{lead_dimension_columns}},
    {{evidence_offset_columns}},
    CASE e.ending_type
      WHEN 'won' THEN 'won'
      WHEN 'lost' THEN 'lost'
      WHEN 'disqualified' THEN 'lost'
      WHEN 'rejected' THEN 'rejected'
      WHEN 'recycled' THEN 'recycled'
      ELSE 'open'
    END AS outcome,
    e.ending_type,
    CASE WHEN e.ending_type = 'won' THEN NULL ELSE e.ending_value END AS ending_reason,
    CASE WHEN e.ending_type = 'won' THEN e.ending_amount END AS amount,
    e.closed_at,
    e.accepted_at,
    e.opportunity_at,
    e.first_touch_at,
    coalesce(e.sales_touches, 0) AS sales_touches,
    coalesce(e.sales_hours, 0) AS sales_hours,
    (epoch_us(h.handoff_at) - epoch_us(l.created_at)) / 86400e6 AS days_to_handoff,
    -- A deal closed before its handoff (a flagged contradiction) has no meaningful time to close.
    CASE WHEN e.closed_at >= h.handoff_at THEN (epoch_us(e.closed_at) - epoch_us(h.handoff_at)) / 86400e6 END
      AS days_to_close,
    coalesce(e.flagged, false) AS flagged,
    s.score AS score_at_handoff,
    s.answers AS scorecard_at_handoff
  FROM handoff_events h
  JOIN leads l ON l.row = h.lead_row
  LEFT JOIN first_evidence f ON f.lead_row = h.lead_row
  LEFT JOIN endings e ON e.handoff_id = h.rowid
  LEFT JOIN scorecard_at_handoff s ON s.handoff_id = h.rowid
)
SELECT {{stage_at_handoff}} AS stage_at_handoff, *
FROM joined
-- Stored in the order the browser's files keep (extract-rows.sql), so that they are written straight from this table:
-- by dimension, month, evidence known at the handoff and outcome, so that Parquet's dictionary and run-length
-- encodings make those columns almost free; ties by the handoff instant and a hash of the lead, never by the raw lead
-- ID (its order would leak into the site). This sort replaced one by lead; numbering the rows in this order after
-- and sorting each file again cost a tenth of the run at a million leads (docs/pipeline-speed.md).
ORDER BY coalesce(campaign, '(unknown)')::campaign_order, coalesce(source, '(unknown)')::source_order,
  coalesce(segment, '(unknown)')::segment_order, coalesce(company_size, '(unknown)')::company_size_order,
  coalesce(region, '(unknown)')::region_order, (year(handoff_at) - 1970) * 12 + month(handoff_at) - 1,
  {{evidence_at_handoff}}, outcome, handoff_at, md5(lead_id), handoff_seq;
