-- Per lead, the first instant each kind of evidence is known: recorded directly, or proven by a top scorecard answer
-- (both count alike). One pass over the events that the handoffs and the nurture histories both read. The lead is
-- its row in the leads file (lead_row, validate-events.sql).
CREATE OR REPLACE TEMP TABLE first_evidence AS
WITH evidence_events AS (
  SELECT lead_row, "at", type FROM events WHERE list_contains({{evidence_types}}::event_type[], type)
  UNION ALL
  SELECT e.lead_row, e."at", o.proves::event_type AS type
  FROM events e JOIN scorecard_options o ON e.type = 'scorecard' AND e.value = o.answer AND o.proves IS NOT NULL
)
SELECT lead_row, {{first_evidence_columns}}
FROM evidence_events
GROUP BY lead_row;
