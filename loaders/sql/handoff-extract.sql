-- One row per handoff, already reduced to what the browser pages filter and aggregate: small integers (durations in
-- hours, sales time in quarter hours), dimension texts, the evidence known at the handoff and ever as bitmasks, and
-- for evidence learned later the whole weeks after the handoff it came (rounded up). No
-- event log, no lead ID (pseudonyms travel in a separate file, fetched only for drill-down lists).
SELECT
  CAST(epoch_us(handoff_at) // 86400000000 AS INTEGER) AS handoff_day,
  CAST(round(days_to_handoff * 24) AS BIGINT) AS hours_to_handoff,
  stage_at_handoff AS stage,
  outcome,
  CAST(round(days_to_close * 24) AS BIGINT) AS hours_to_close,
  CAST(round((epoch_us(accepted_at) - epoch_us(handoff_at)) / 3600e6) AS BIGINT) AS hours_to_accept,
  CAST(round((epoch_us(opportunity_at) - epoch_us(handoff_at)) / 3600e6) AS BIGINT) AS hours_to_opportunity,
  CAST(round((epoch_us(first_touch_at) - epoch_us(handoff_at)) / 900e6) AS BIGINT) AS quarters_to_first_touch,
  CAST(round(sales_hours * 4) AS BIGINT) AS sales_quarters,
  amount,
  coalesce(campaign, '(unknown)') AS campaign,
  coalesce(source, '(unknown)') AS source,
  coalesce(segment, '(unknown)') AS segment,
  coalesce(company_size, '(unknown)') AS company_size,
  coalesce(region, '(unknown)') AS region,
  coalesce(ending_reason, '') AS reason,
  {{evidence_at_handoff}} AS evidence_at_handoff,
  {{evidence_ever}} AS evidence_ever,
  {{evidence_weeks}},
  handoff_seq,
  score_at_handoff AS score,
  scorecard_at_handoff AS scorecard_answers
FROM handoffs
ORDER BY lead_id, handoff_seq;
