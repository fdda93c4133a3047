-- later-evidence.parquet: what a handoff's lead showed while sales worked it, for the simulator's own paths
-- (src/lib/simulator/own-paths.ts), fetched only by the pages that simulate. One row per handoff (its row in
-- handoffs.parquet) and evidence type first known after the handoff and by its close (an open handoff's by the data
-- end), in whole hours after the handoff, floored. Apart from handoffs.parquet because it is sparse: there, nine
-- mostly empty columns cost every page about 200 ms of decoding at a million leads (docs/extract.md). A won deal has
-- none: own-paths.ts ends its path at its handoff (sales confirms the rungs of the deals it wins).
SELECT
  handoff,
  regexp_extract(evidence, {{evidence_offsets}}, 1) AS evidence,
  CAST(floor(offset_us / 3600e6) AS INTEGER) AS hours_after
FROM (
  UNPIVOT (
    SELECT
      CAST(extract_row AS UINTEGER) AS handoff,
      coalesce(epoch_us(closed_at) - epoch_us(handoff_at), 9e18) AS until_close,
      COLUMNS({{evidence_offsets}})
    FROM extract_rows
    WHERE outcome <> 'won'
  ) ON COLUMNS({{evidence_offsets}}) INTO NAME evidence VALUE offset_us
)
WHERE offset_us > 0 AND offset_us <= until_close
ORDER BY handoff, evidence
