-- One row per lead: what marketing knew while the lead was in nurture, before its first handoff (or, for a lead
-- never handed off, up to the data end). The simulator estimates from these how leads climb the ladder without
-- sales, so evidence first known after the first handoff (often found by sales) is left out here on purpose.
-- Each lead's first handoff is first_handoffs (validate-events.sql: the kept handoffs, copies already rejected).
CREATE OR REPLACE TABLE nurture AS
SELECT l.lead_id, l.created_at, h.first_handoff_at, {{nurture_offset_columns}}
FROM leads l
LEFT JOIN first_handoffs h ON h.lead_row = l.row
LEFT JOIN first_evidence f ON f.lead_row = l.row;
