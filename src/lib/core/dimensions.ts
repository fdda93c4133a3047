/**
 * The dimensions a page can filter and group by: the five built-in ones and the data's own. Apart from the extract's
 * decoder (extract.ts), so that a page that filters without decoding the extract (the overview) does not load
 * hyparquet and zstd with it: on the sample site that cut six of the overview's 130 modules and about 170 ms from
 * its first chart (docs/development.md, "What each page loads").
 */

/** The built-in dimensions. */
export const dimensions = ["campaign", "source", "segment", "companySize", "region"] as const;

/** A dimension of the data's own (product, owner, team): its column in the extract, dim_<name>. */
export type OwnDimension = `dim_${string}`;

/** A filterable dimension: a built-in one or one the data declares. */
export type Dimension = (typeof dimensions)[number] | OwnDimension;

/** Every dimension of an extract: the five built-in ones, then the data's own in the order it declares them. */
export function extractDimensions(extract: {header: {dimensions?: {column: string}[]}}): Dimension[] {
  return [...dimensions, ...(extract.header.dimensions ?? []).map((d) => d.column as OwnDimension)];
}
