-- The extract's rows: one per handoff, numbered in the order the files store them, which is the handoffs table's own
-- order (handoffs.sql sorts it so: by dimension, month, evidence and outcome, ties by the handoff instant and a hash
-- of the lead). The files are written from this view with no join and no sort: DuckDB keeps a table's insertion order
-- through scans and projections (preserve_insertion_order), and a test compares the files' rows with extract_row.
-- The derived columns are defined once; a query of the view computes only the columns it reads.
CREATE OR REPLACE TEMP VIEW extract_rows AS
SELECT
  rowid AS extract_row,
  *,
  (year(handoff_at) - 1970) * 12 + month(handoff_at) - 1 AS handoff_month,
  {{evidence_at_handoff}} AS evidence_at_handoff,
  {{evidence_ever}} AS evidence_ever
FROM handoffs;
