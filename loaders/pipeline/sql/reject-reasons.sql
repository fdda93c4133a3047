-- Rejects (or kept-but-flagged rows) grouped by file, field and reason, largest first, with the first five rows of
-- each as examples. Lead IDs among the examples are shown as pseudonyms: the built site never carries a raw ID.
SELECT
  file,
  field,
  reason,
  count(*) AS count,
  list({'row': row, 'value': CASE WHEN list_contains({{lead_id_reasons}}, reason) OR reason LIKE 'matches no lead%' OR reason LIKE 'duplicate join key%' THEN {{pseudonym}} ELSE value END} ORDER BY row)[1:5]
    AS examples
FROM {{table}}
GROUP BY file, field, reason
ORDER BY count DESC, file, field, reason;
