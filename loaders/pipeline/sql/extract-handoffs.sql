-- handoffs.parquet: what every page filters by and the simulator needs (layout: src/lib/core/extract.ts). Times are whole
-- seconds, floored. Evidence times only for evidence known at the handoff (the masks say the rest; what came while
-- sales worked it is in later-evidence.parquet), in whole hours before it, floored: the simulator orders a lead's
-- climb by them, and seconds cost three times the bytes.
SELECT
  -- The five built-in dimensions, then the data's own (dim_<name>) in table order; a missing value is "(unknown)".
  coalesce(COLUMNS(c -> c IN ('campaign', 'source', 'segment', 'company_size', 'region') OR starts_with(c, 'dim_')),
    '(unknown)'),
  CAST(handoff_month AS INTEGER) AS handoff_month,
  CAST(evidence_at_handoff AS USMALLINT) AS evidence_at_handoff,
  CAST(evidence_ever AS USMALLINT) AS evidence_ever,
  CAST(stage_at_handoff AS UTINYINT) AS stage,
  CAST(least(handoff_seq, 254) AS UTINYINT) AS handoff_seq,
  outcome,
  CAST(sales_hours AS DOUBLE) AS sales_hours,
  CAST(amount AS DOUBLE) AS amount,
  TRY_CAST(floor((epoch_us(handoff_at) - epoch_us(created_at)) / 1e6) AS INTEGER) AS seconds_to_handoff,
  -- Handoff → first ending (none while open, or for a deal closed before its handoff: a flagged contradiction), and
  -- handoff → the data end, where every open handoff is censored.
  CASE WHEN outcome <> 'open' AND closed_at >= handoff_at
    THEN TRY_CAST(floor((epoch_us(closed_at) - epoch_us(handoff_at)) / 1e6) AS INTEGER) END AS seconds_to_close,
  TRY_CAST(floor((epoch_us({{data_end}}) - epoch_us(handoff_at)) / 1e6) AS INTEGER) AS seconds_to_data_end,
  -- Each evidence type's offset from the handoff (ev_<type>, microseconds) known at the handoff, as whole hours.
  CAST(CASE WHEN COLUMNS({{evidence_offsets}}) <= 0 THEN floor(-COLUMNS({{evidence_offsets}}) / 3600e6) END AS INTEGER)
    AS 'hours_before_\1'
FROM extract_rows
