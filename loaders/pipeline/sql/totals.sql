-- The overview's headline numbers.
SELECT
  (SELECT count(*) FROM leads) AS leads,
  (SELECT count(DISTINCT lead_id) FROM handoffs) AS leads_handed_off,
  (SELECT count(*) FROM handoffs) AS handoffs,
  (SELECT count(*) FROM handoffs WHERE outcome = 'won') AS won,
  (SELECT count(*) FROM handoffs WHERE outcome = 'lost') AS lost,
  (SELECT count(*) FROM handoffs WHERE outcome = 'rejected') AS rejected,
  (SELECT count(*) FROM handoffs WHERE outcome = 'recycled') AS recycled,
  -- Recycled handoffs are not lost: how many came back to sales, and how many of those were won in the end.
  (SELECT count(*) FROM handoffs r WHERE r.outcome = 'recycled'
     AND EXISTS (SELECT 1 FROM handoffs h WHERE h.lead_id = r.lead_id AND h.handoff_seq > r.handoff_seq)) AS recycled_again,
  (SELECT count(*) FROM handoffs r WHERE r.outcome = 'recycled'
     AND EXISTS (SELECT 1 FROM handoffs h WHERE h.lead_id = r.lead_id AND h.handoff_seq > r.handoff_seq
       AND h.outcome = 'won')) AS recycled_won_later,
  (SELECT count(*) FROM handoffs WHERE outcome = 'open') AS open,
  (SELECT count(*) FROM handoffs WHERE handoff_seq > 1) AS repeat_handoffs,
  (SELECT min(created_at) FROM leads) AS first_lead_at;
