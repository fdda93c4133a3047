-- The overview's period comparison: per handoff month (UTC) and ladder level, how many handoffs, won and closed.
-- Small (months × levels), so that the page can compare any two periods without the per-handoff files.
SELECT
  strftime(handoff_at, '%Y-%m') AS month,
  stage_at_handoff AS level,
  count(*) AS handoffs,
  count(*) FILTER (WHERE outcome = 'won') AS won,
  count(*) FILTER (WHERE outcome <> 'open') AS closed
FROM handoffs
GROUP BY ALL
ORDER BY month, level;
