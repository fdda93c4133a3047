-- Checks every row of raw_leads once; a row that fails goes to rejects with the first failing field and reason,
-- every other row becomes a lead. Blank descriptive fields mean "unknown" and are kept as NULL, not rejected.
CREATE OR REPLACE TEMP TABLE lead_checks AS
WITH parsed AS (
  SELECT
    row,
    nullif(trim(lead_id), '') AS lead_id,
    created_at AS created_at_text,
    try_cast(trim(created_at) AS TIMESTAMPTZ)::TIMESTAMP AS created_at,
    nullif(trim(campaign), '') AS campaign,
    nullif(trim(source), '') AS source,
    nullif(trim(segment), '') AS segment,
    nullif(trim(company_size), '') AS company_size,
    nullif(trim(region), '') AS region
  FROM raw_leads
),
ranked AS (
  SELECT *, min(row) OVER (PARTITION BY lead_id) AS first_row FROM parsed
)
SELECT
  *,
  CASE
    WHEN lead_id IS NULL THEN 'lead_id'
    WHEN row <> first_row THEN 'lead_id'
    WHEN created_at IS NULL THEN 'created_at'
  END AS reject_field,
  CASE
    WHEN lead_id IS NULL THEN 'missing lead_id'
    WHEN row <> first_row THEN 'duplicate lead_id'
    WHEN nullif(trim(created_at_text), '') IS NULL THEN 'missing created_at'
    WHEN created_at IS NULL THEN 'unparseable date (expected ISO 8601, e.g. 2025-03-31 or 2025-03-31T14:05:00Z)'
  END AS reject_reason,
  CASE
    WHEN lead_id IS NULL THEN NULL
    WHEN row <> first_row THEN lead_id
    ELSE created_at_text
  END AS reject_value
FROM ranked;

INSERT INTO rejects
SELECT {{file}}, row, reject_field, reject_reason, reject_value
FROM lead_checks
WHERE reject_reason IS NOT NULL;

CREATE OR REPLACE TABLE leads AS
SELECT row, lead_id, created_at, campaign, source, segment, company_size, region
FROM lead_checks
WHERE reject_reason IS NULL
ORDER BY row;
