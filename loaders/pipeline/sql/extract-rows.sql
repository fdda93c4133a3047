-- The extract's rows: one per handoff, numbered in the order the files store them. Sorted by dimension, month,
-- evidence and outcome, so that Parquet's dictionary and run-length encoding make those columns almost free; ties by
-- the handoff instant and a hash of the lead, never by the raw lead ID (its order would leak into the site).
-- The order is computed on the sort keys alone and joined back: carrying all forty columns of every handoff through
-- the sort cost more than the sort itself (docs/pipeline-speed.md). extract_fields defines the derived columns once;
-- a query of it computes only the columns it reads.
CREATE OR REPLACE TEMP VIEW extract_fields AS
SELECT
  * REPLACE (
    coalesce(campaign, '(unknown)') AS campaign,
    coalesce(source, '(unknown)') AS source,
    coalesce(segment, '(unknown)') AS segment,
    coalesce(company_size, '(unknown)') AS company_size,
    coalesce(region, '(unknown)') AS region{{dimension_replacements}}
  ),
  (year(handoff_at) - 1970) * 12 + month(handoff_at) - 1 AS handoff_month,
  {{evidence_at_handoff}} AS evidence_at_handoff,
  {{evidence_ever}} AS evidence_ever
FROM handoffs;

CREATE OR REPLACE TEMP TABLE extract_order AS
SELECT lead_id, handoff_seq,
  row_number() OVER (
    ORDER BY campaign, source, segment, company_size, region, handoff_month, evidence_at_handoff, outcome,
      handoff_at, md5(lead_id), handoff_seq
  ) - 1 AS extract_row
FROM extract_fields;

CREATE OR REPLACE TEMP VIEW extract_rows AS
SELECT o.extract_row, f.*
FROM extract_fields f JOIN extract_order o ON o.lead_id = f.lead_id AND o.handoff_seq = f.handoff_seq;
