-- Rejects grouped by file, field and reason, largest first, with the first five rows of each as examples.
SELECT
  file,
  field,
  reason,
  count(*) AS count,
  list({'row': row, 'value': value} ORDER BY row)[1:5] AS examples
FROM rejects
GROUP BY file, field, reason
ORDER BY count DESC, file, field, reason;
