-- The overview's times per ladder level, each with its 95% interval and its n, computed as src/lib/core/stats.ts
-- and survival.ts compute them in the browser (a test holds the two together, handoff for handoff):
-- - days from a lead's creation to its handoff: the median of every handoff's time, with the distribution-free
--   interval from order statistics (ranks n/2 ± z·√n/2, none below six handoffs: medianWithInterval);
-- - days from handoff to close: the Kaplan–Meier median, each open handoff censored at the exact data end, with the
--   interval where the log-log band crosses one half (kaplanMeier, survivalMedian). The median over closed handoffs
--   alone, shown until 2026-12-06, left out the open ones, which are the slow ones: it ran short.
-- A handoff whose deal closed before the handoff (a flagged contradiction) has no time to close and is left out.
WITH
ranked AS (
  SELECT stage_at_handoff AS level, days_to_handoff AS days,
    row_number() OVER (PARTITION BY stage_at_handoff ORDER BY days_to_handoff) AS rank,
    count(*) OVER (PARTITION BY stage_at_handoff) AS n
  FROM handoffs
  WHERE isfinite(days_to_handoff)
),
to_handoff AS (
  SELECT level, any_value(n) AS n, median(days) AS median,
    -- The ranks bracketing the median, as medianWithInterval computes them; none where 1 − 2·½ⁿ falls short of 95%.
    max(days) FILTER (WHERE pow(0.5, n) <= {{tail}} AND rank = greatest(1, floor(n / 2 - {{z}} * sqrt(n) / 2)))
      AS lo,
    max(days) FILTER (WHERE pow(0.5, n) <= {{tail}} AND rank = least(n, ceil(n / 2 + 1 + {{z}} * sqrt(n) / 2)))
      AS hi
  FROM ranked
  GROUP BY level
),
observed AS (
  SELECT stage_at_handoff AS level, outcome <> 'open' AS closed,
    CASE WHEN outcome = 'open'
      THEN (epoch_us({{data_end}}) - epoch_us(handoff_at)) / 86400e6 ELSE days_to_close END AS t
  FROM handoffs
  WHERE outcome = 'open' OR days_to_close IS NOT NULL
),
-- One step per level and distinct time: closes there, and how many were still followed (at risk) just before it.
steps AS (
  -- Counts as doubles (exact below 2^53): DuckDB sums integers into HUGEINT, whose arithmetic below cost 0.2 s at a
  -- million leads.
  SELECT level, t, closes::DOUBLE AS closes,
    sum(followed) OVER (PARTITION BY level ORDER BY t DESC ROWS UNBOUNDED PRECEDING)::DOUBLE AS at_risk,
    sum(followed) OVER (PARTITION BY level)::BIGINT AS n
  FROM (SELECT level, t, count(*) FILTER (WHERE closed) AS closes, count(*) AS followed FROM observed GROUP BY ALL)
),
-- S(t) as a running product (a sum of logs) and Greenwood's sum. Where every one at risk closes, S is 0; that step is
-- a level's last (no one is left to follow), and its sums are the step's before it, whose upper bound it takes.
curve AS (
  SELECT level, t, at_risk, n, closes = at_risk AS ended,
    sum(CASE WHEN closes < at_risk THEN ln(1 - closes / at_risk) ELSE 0 END) OVER w AS log_s,
    sum(CASE WHEN closes < at_risk THEN closes / (at_risk * (at_risk - closes)) ELSE 0 END) OVER w AS greenwood
  FROM steps
  WINDOW w AS (PARTITION BY level ORDER BY t ROWS UNBOUNDED PRECEDING)
),
-- The band as kaplanMeier draws it: log-log, or the exact binomial bound where Greenwood's variance is 0.
band AS (
  SELECT level, t, n, s,
    CASE WHEN s >= 1 THEN pow({{tail}}, 1 / at_risk) WHEN ended THEN 0 ELSE pow(s, exp(theta)) END AS lo,
    CASE WHEN s >= 1 THEN 1
      WHEN ended THEN coalesce(pow(exp(log_s), exp(-theta)), 1) * (1 - pow({{tail}}, 1 / at_risk))
      ELSE pow(s, exp(-theta)) END AS hi
  FROM (
    SELECT *, CASE WHEN ended THEN 0 ELSE exp(log_s) END AS s,
      CASE WHEN log_s < 0 THEN {{z}} * sqrt(greenwood) / abs(log_s) END AS theta
    FROM curve
  )
),
-- Where each of the three curves first falls to one half; resting there exactly, the midpoint to its next drop.
halves AS (
  SELECT level, any_value(n) AS n,
    min(t) FILTER (WHERE s < 0.5 + {{tolerance}}) AS s_at, arg_min(s, t) FILTER (WHERE s < 0.5 + {{tolerance}}) AS s_y,
    min(t) FILTER (WHERE lo < 0.5 + {{tolerance}}) AS lo_at, arg_min(lo, t) FILTER (WHERE lo < 0.5 + {{tolerance}})
      AS lo_y,
    min(t) FILTER (WHERE hi < 0.5 + {{tolerance}}) AS hi_at, arg_min(hi, t) FILTER (WHERE hi < 0.5 + {{tolerance}})
      AS hi_y
  FROM band
  GROUP BY level
),
to_close AS (
  SELECT h.level, h.n,
    CASE WHEN abs(s_y - 0.5) < {{tolerance}}
      THEN coalesce((s_at + (SELECT min(t) FROM band b WHERE b.level = h.level AND b.t > s_at AND b.s < s_y)) / 2, s_at)
      ELSE s_at END AS median,
    -- Five or fewer followed: the exact bound is below one half from the start, and the median may be as early as 0.
    CASE WHEN pow({{tail}}, 1 / h.n) < 0.5 + {{tolerance}} THEN 0
      WHEN abs(lo_y - 0.5) < {{tolerance}}
      THEN coalesce((lo_at + (SELECT min(t) FROM band b WHERE b.level = h.level AND b.t > lo_at AND b.lo < lo_y)) / 2,
        lo_at)
      ELSE lo_at END AS lo,
    CASE WHEN abs(hi_y - 0.5) < {{tolerance}}
      THEN coalesce((hi_at + (SELECT min(t) FROM band b WHERE b.level = h.level AND b.t > hi_at AND b.hi < hi_y)) / 2,
        hi_at)
      ELSE hi_at END AS hi
  FROM halves h
)
SELECT level,
  h.n AS handoff_n, h.median AS handoff_median, h.lo AS handoff_lo, h.hi AS handoff_hi,
  c.n AS close_n, c.median AS close_median, c.lo AS close_lo, c.hi AS close_hi
FROM (SELECT unnest({{levels}}) AS level) ladder
LEFT JOIN to_handoff h USING (level)
LEFT JOIN to_close c USING (level)
ORDER BY level;
