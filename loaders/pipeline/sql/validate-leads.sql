-- Checks every row of raw_leads once; a row that fails goes to rejects with the source column and the first
-- failing reason, every other row becomes a lead. Blank descriptive fields mean "unknown" and are kept as NULL.
CREATE OR REPLACE TEMP TABLE lead_checks AS
WITH
-- IDs on more than one row, with the first row of each: a grouping instead of a window over every lead, which
-- shuffled the rows and made the leads table sort them back into file order.
repeated AS (
  SELECT lead_id, min(row) AS first_row FROM raw_leads WHERE lead_id IS NOT NULL GROUP BY lead_id HAVING count(*) > 1
),
ranked AS (
  SELECT r.*, coalesce(d.first_row, r.row) AS first_row FROM raw_leads r LEFT JOIN repeated d USING (lead_id)
),
-- The export's column of a descriptive field holding a NUL character (damaged-text.ts): the handoffs' sort by the
-- dimension's ENUM fails on one.
damaged AS (
  SELECT *, {{damaged_text_field}} AS damaged_field FROM ranked
)
SELECT
  -- The file's column names and formats and the date as written only go into a reject (below): 1M copies of the
  -- date's text were the widest column of this table.
  * EXCLUDE (lead_column, created_text, created_column, created_formats, first_row, damaged_field),
  CASE
    WHEN lead_id IS NULL THEN lead_column
    -- The file's header line again, its lead "ID" the column's name: files joined with their headers.
    WHEN lead_id = lead_column THEN '(whole row)'
    WHEN length(lead_id) > {{max_key_length}} THEN lead_column
    WHEN row <> first_row THEN lead_column
    WHEN created_at IS NULL OR created_at < {{earliest}} OR created_at > {{latest}} THEN created_column
    WHEN greatest(length(campaign), length(source), length(segment), length(company_size), length(region){{dimension_lengths}}) > {{max_text_length}}
      THEN 'campaign, source, segment, company_size or region'
    WHEN damaged_field IS NOT NULL THEN damaged_field
  END AS reject_field,
  CASE
    WHEN lead_id IS NULL THEN 'missing lead_id'
    WHEN lead_id = lead_column THEN {{repeated_header_reason}}
    WHEN length(lead_id) > {{max_key_length}} THEN 'lead_id too long (over {{max_key_length}} characters)'
    WHEN row <> first_row THEN 'duplicate lead_id'
    WHEN created_text IS NULL THEN 'missing created_at'
    WHEN created_at IS NULL THEN 'unparseable date (expected ' || created_formats || ')'
    WHEN created_at < {{earliest}} THEN {{too_early}}
    WHEN created_at > {{latest}} THEN {{too_late}}
    WHEN greatest(length(campaign), length(source), length(segment), length(company_size), length(region){{dimension_lengths}}) > {{max_text_length}}
      THEN 'value too long (over {{max_text_length}} characters)'
    WHEN damaged_field IS NOT NULL THEN {{damaged_text_reason}}
  END AS reject_reason,
  CASE
    WHEN lead_id IS NULL OR lead_id = lead_column THEN NULL
    -- A value this long may be anything, a name and an e-mail address included: only its length is repeated.
    WHEN length(lead_id) > {{max_key_length}} THEN '(' || length(lead_id) || ' characters, not shown)'
    WHEN row <> first_row THEN lead_id
    WHEN created_at IS NULL OR created_at < {{earliest}} OR created_at > {{latest}} THEN created_text
    ELSE NULL
  END AS reject_value
FROM damaged;

INSERT INTO rejects
SELECT file, row, reject_field, reject_reason, reject_value
FROM lead_checks
WHERE reject_reason IS NOT NULL;

CREATE OR REPLACE TABLE leads AS
SELECT file, row, lead_id, created_at, campaign, source, segment, company_size, region{{dimension_columns}}, joined_rows
FROM lead_checks
WHERE reject_reason IS NULL;
