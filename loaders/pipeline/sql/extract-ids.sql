-- handoff-ids.parquet: the pseudonym of each handoff's lead, in handoffs.parquet's row order, fetched only when a
-- page lists the handoffs behind a number.
SELECT {{pseudonym}} AS pseudonym
FROM extract_rows
