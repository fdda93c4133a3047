-- handoff-details.parquet: what the timing, campaign, conversion and scorecard pages chart, in handoffs.parquet's
-- row order. Whole seconds, floored, so a page's bins ("< 1 hour", "< 1 day") mean exactly what they say.
SELECT
  CAST(floor(epoch_us(handoff_at) / 86400e6) AS INTEGER) AS handoff_day,
  TRY_CAST(floor((epoch_us(accepted_at) - epoch_us(handoff_at)) / 1e6) AS INTEGER) AS seconds_to_accept,
  TRY_CAST(floor((epoch_us(opportunity_at) - epoch_us(handoff_at)) / 1e6) AS INTEGER) AS seconds_to_opportunity,
  TRY_CAST(floor((epoch_us(first_touch_at) - epoch_us(handoff_at)) / 1e6) AS INTEGER) AS seconds_to_first_touch,
  coalesce(ending_reason, '') AS reason,
  CAST(score_at_handoff AS UTINYINT) AS score,
  CAST(scorecard_at_handoff AS UINTEGER) AS scorecard_answers
FROM extract_rows
