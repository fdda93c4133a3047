-- nurture.parquet: one row per lead, how long nurture watched it (creation → first handoff, or → the data end) and
-- when each piece of evidence was first known in that time, in seconds from creation (rounded up, so evidence known
-- at the handoff instant stays inside nurture's time). Ordered by creation, never by lead ID.
SELECT
  CAST(floor((epoch_us(coalesce(first_handoff_at, {{data_end}})) - epoch_us(created_at)) / 1e6) AS INTEGER)
    AS nurture_seconds,
  first_handoff_at IS NOT NULL AS handed_off,
  {{evidence_seconds}}
FROM nurture
ORDER BY created_at, md5(lead_id)
