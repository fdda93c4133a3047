/**
 * How a reject names the date formats a column should have held: the profile's formats joined by "or", ISO 8601 with
 * two examples ("DD.MM.YYYY or ISO 8601, e.g. 2025-03-31 or 2025-03-31T14:05:00Z"). The pipeline writes it in English
 * into rejects.csv; the quality page reads it back into the page's language with the messages `dateFormats.iso` and
 * `dateFormats.or` (src/lib/i18n/reject-reasons.ts), and a test holds the two to each other.
 */

/** The formats, as a reject quotes them. */
export function dateFormatsText(formats: readonly string[]): string {
  const iso = "ISO 8601, e.g. 2025-03-31 or 2025-03-31T14:05:00Z";
  return formats.map((d) => (d === "ISO 8601" ? iso : d)).join(" or ");
}
