-- nurture.parquet: one row per lead never handed off, how long nurture watched it (creation → the data end) and when
-- each piece of evidence was first known in that time, in seconds from creation (rounded up). A lead handed off is
-- not here: its nurture ends at its first handoff, whose row in handoffs.parquet already holds the same facts (time
-- to handoff, evidence known then), and the browser reads them from there. Ordered by creation, never by lead ID.
SELECT
  CAST(floor((epoch_us({{data_end}}) - epoch_us(created_at)) / 1e6) AS INTEGER) AS nurture_seconds,
  -- Each evidence type's offset from creation (ev_<type>, microseconds) in whole seconds, rounded up.
  TRY_CAST(ceil(COLUMNS({{evidence_offsets}}) / 1e6) AS INTEGER) AS 'evidence_\1'
FROM nurture
WHERE first_handoff_at IS NULL
ORDER BY created_at, md5(lead_id)
