-- What the handoffs record, whatever the profile declares: a profile maps sales touches, lost deals, evidence and
-- amounts, but an export may still hold none of them (an activity log left out, a report of won deals only). Each is
-- true when at least one handoff shows it; the pages then show it, and otherwise say the export does not record it.
SELECT
  coalesce(bool_or(outcome IN ('lost', 'rejected', 'recycled')), false) AS lost_outcome,
  coalesce(bool_or(first_evidence_at IS NOT NULL), false) AS evidence,
  coalesce(bool_or(sales_hours > 0), false) AS sales_hours,
  coalesce(bool_or(amount > 0), false) AS amounts
FROM (SELECT outcome, sales_hours, amount, coalesce(*COLUMNS('^ev_')) AS first_evidence_at FROM handoffs)
