-- Every handoff: its lead, instant, number (1 for a lead's first) and the instant of the lead's next handoff. A
-- lifecycle event belongs to the latest handoff at or before it; handoffs.sql and contradictions.sql both read this
-- one definition, so that an ending is judged against the handoff it is counted for.
CREATE OR REPLACE TEMP TABLE handoff_events AS
SELECT
  lead_row,
  "at" AS handoff_at,
  row_number() OVER by_lead AS handoff_seq,
  lead("at") OVER by_lead AS next_handoff_at
FROM events
WHERE type = 'handed_off'
WINDOW by_lead AS (PARTITION BY lead_row ORDER BY "at", file, row);
