-- The overview's table: per ladder level, how many handoffs and how they ended (how long they took: level-times.sql).
-- Levels with no handoff still get a row (from the ladder list) so a chart never silently drops a rung.
WITH ladder AS (
  SELECT unnest({{levels}}) AS stage_at_handoff
)
SELECT
  ladder.stage_at_handoff AS level,
  count(h.lead_id) AS handoffs,
  count(*) FILTER (WHERE h.outcome = 'won') AS won,
  count(*) FILTER (WHERE h.outcome = 'lost') AS lost,
  count(*) FILTER (WHERE h.outcome = 'rejected') AS rejected,
  count(*) FILTER (WHERE h.outcome = 'recycled') AS recycled,
  count(*) FILTER (WHERE h.outcome = 'open') AS open,
  coalesce(sum(h.sales_hours), 0) AS sales_hours,
  coalesce(sum(h.amount), 0) AS revenue
FROM ladder
LEFT JOIN handoffs h USING (stage_at_handoff)
GROUP BY ladder.stage_at_handoff
ORDER BY level;
