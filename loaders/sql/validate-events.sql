-- Checks every row of raw_events once against the validated leads; the first failing check names the field and
-- reason. Runs in two steps because "outcome before any handoff" needs the handoffs that survived the first step.
CREATE OR REPLACE TEMP TABLE event_checks AS
WITH parsed AS (
  SELECT
    e.row,
    nullif(trim(e.lead_id), '') AS lead_id,
    e.at AS at_text,
    try_cast(trim(e.at) AS TIMESTAMPTZ)::TIMESTAMP AS "at",
    lower(nullif(trim(e.type), '')) AS type,
    e.type AS type_text,
    e.value AS value_text,
    try_cast(trim(e.value) AS DOUBLE) AS num_value,
    nullif(trim(e.value), '') AS value
  FROM raw_events e
),
joined AS (
  SELECT p.*, l.created_at AS lead_created_at, l.lead_id IS NOT NULL AS lead_known, rl.row AS rejected_lead_row
  FROM parsed p
  LEFT JOIN leads l ON l.lead_id = p.lead_id
  LEFT JOIN (SELECT lead_id, min(row) AS row FROM lead_checks WHERE reject_reason IS NOT NULL GROUP BY lead_id) rl
    ON rl.lead_id = p.lead_id AND l.lead_id IS NULL
),
ranked AS (
  SELECT *, min(row) OVER (PARTITION BY lead_id, "at", type, value) AS first_row FROM joined
)
SELECT
  *,
  CASE
    WHEN lead_id IS NULL OR NOT lead_known THEN 'lead_id'
    WHEN type IS NULL OR NOT list_contains({{event_types}}, type) THEN 'type'
    WHEN "at" IS NULL OR "at" < lead_created_at THEN 'at'
    WHEN type IN ('won', 'sales_touch') AND value IS NOT NULL AND num_value IS NULL THEN 'value'
    WHEN type = 'won' AND num_value < 0 THEN 'value'
    WHEN type = 'sales_touch' AND (num_value IS NULL OR num_value <= 0) THEN 'value'
    WHEN row <> first_row THEN 'row'
  END AS reject_field,
  CASE
    WHEN lead_id IS NULL THEN 'missing lead_id'
    WHEN NOT lead_known AND rejected_lead_row IS NOT NULL THEN 'its lead was rejected'
    WHEN NOT lead_known THEN 'unknown lead_id (not in the leads file)'
    WHEN type IS NULL THEN 'missing type'
    WHEN NOT list_contains({{event_types}}, type) THEN 'unknown event type'
    WHEN nullif(trim(at_text), '') IS NULL THEN 'missing at'
    WHEN "at" IS NULL THEN 'unparseable date (expected ISO 8601, e.g. 2025-03-31 or 2025-03-31T14:05:00Z)'
    WHEN "at" < lead_created_at THEN 'event before the lead was created'
    WHEN type = 'won' AND value IS NOT NULL AND num_value IS NULL THEN 'amount is not a number'
    WHEN type = 'won' AND num_value < 0 THEN 'negative amount'
    WHEN type = 'sales_touch' AND value IS NULL THEN 'sales_touch without hours'
    WHEN type = 'sales_touch' AND num_value IS NULL THEN 'hours are not a number'
    WHEN type = 'sales_touch' AND num_value <= 0 THEN 'hours must be positive'
    WHEN row <> first_row THEN 'duplicate event'
  END AS reject_reason,
  CASE
    WHEN lead_id IS NULL OR NOT lead_known THEN lead_id
    WHEN type IS NULL OR NOT list_contains({{event_types}}, type) THEN type_text
    WHEN "at" IS NULL OR "at" < lead_created_at THEN at_text
    WHEN reject_field = 'value' THEN value_text
    ELSE NULL
  END AS reject_value
FROM ranked;

-- Lifecycle events other than the handoff itself belong to the handoff they follow: one before any handoff has no
-- handoff to belong to. Disqualification is the exception, since marketing may disqualify a lead it never handed off.
CREATE OR REPLACE TEMP TABLE first_handoffs AS
SELECT lead_id, min("at") AS first_handoff_at
FROM event_checks
WHERE reject_reason IS NULL AND type = 'handed_off'
GROUP BY lead_id;

UPDATE event_checks c
SET
  reject_field = 'at',
  reject_reason = 'outcome before any handoff',
  reject_value = c.at_text
FROM (SELECT c2.row FROM event_checks c2 LEFT JOIN first_handoffs f USING (lead_id)
      WHERE c2.reject_reason IS NULL
        AND list_contains({{handoff_bound_types}}, c2.type)
        AND (f.first_handoff_at IS NULL OR c2.at < f.first_handoff_at)) orphan
WHERE c.row = orphan.row;

INSERT INTO rejects
SELECT {{file}}, row, reject_field, reject_reason, reject_value
FROM event_checks
WHERE reject_reason IS NOT NULL;

CREATE OR REPLACE TABLE events AS
SELECT row, lead_id, "at", type, num_value, value
FROM event_checks
WHERE reject_reason IS NULL
ORDER BY lead_id, "at", row;
