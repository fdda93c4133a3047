-- Endings of one handoff that contradict each other: won twice, won after a loss, lost after a win. The first ending
-- decides the handoff's outcome (handoffs.sql), so each later one is kept as it is and flagged with its row, for the
-- data-quality page. Events belong to handoffs as in handoffs.sql (both read handoff-events.sql). Only won, lost and
-- disqualified conflict: a rejected or recycled lead may still be won later, which counts as "won later".
INSERT INTO flags
WITH endings AS (
  SELECT
    e.file, e.row, e.type_column, e.type, e."at",
    row_number() OVER closing AS nth,
    first_value(e.type) OVER closing AS first_type
  FROM handoff_events h
  JOIN events e
    ON e.lead_row = h.lead_row
   AND (e."at" >= h.handoff_at OR (h.handoff_seq = 1 AND e.type = 'won'))
   AND (h.next_handoff_at IS NULL OR e."at" < h.next_handoff_at)
   AND list_contains({{terminal_types}}::event_type[], e.type)
  WINDOW closing AS (PARTITION BY h.lead_row, h.handoff_seq ORDER BY e."at", e.file, e.row)
)
SELECT
  file,
  row,
  type_column,
  CASE
    WHEN type = 'won' AND first_type = 'won' THEN 'won again (the first win and its amount count)'
    WHEN type = 'won' THEN 'won after the deal was lost (the first ending counts)'
    ELSE 'lost after the deal was won (the first ending counts)'
  END,
  type || ' ' || strftime("at", '%Y-%m-%d %H:%M')
FROM endings
WHERE nth > 1
  AND type IN ('won', 'lost', 'disqualified')
  AND first_type IN ('won', 'lost', 'disqualified')
  AND (type = 'won' OR first_type = 'won');
