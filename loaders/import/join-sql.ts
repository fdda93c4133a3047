/**
 * The joins of raw_leads: each joined file's first row (by file order) per key, matched on the lead id, on another
 * column of the leads file (`on`: an accounts file keyed by account name), or on a column of another joined file
 * (`via`: a campaign by the id in a lead's campaign-membership row).
 */
import type {ImportProfile} from "./profile.js";
import {sourceTable} from "../pipeline/ingest.js";

/** The alias a joined file's row is read under in raw_leads. */
export function joinAlias(file: string): string {
  return `j_${file}`;
}

/** A cell expression of the compiler: checks the column and names the profile key (ProfileCompiler.cell). */
type Cell = (alias: string, file: string, column: string, key: string) => string;

/** Each joined file's LEFT JOIN, those through another joined file after it; `leadId` is the lead's id expression. */
export function joinClauses(profile: ImportProfile, leadId: string, cell: Cell): {file: string; sql: string}[] {
  const leadsFile = profile.leads.file;
  return Object.entries(profile.files)
    .flatMap(([name, file]) => (file.join ? [{file: name, ...file.join}] : []))
    .sort((a, b) => Number(a.via !== undefined) - Number(b.via !== undefined))
    .map(({file, column, on, via}) => {
      const key = cell("j", file, column, `files.${file}.join.column`);
      const leadKey =
        on === undefined
          ? leadId
          : via === undefined
            ? cell("l", leadsFile, on, `files.${file}.join.on`)
            : cell(joinAlias(via), via, on, `files.${file}.join.on`);
      return {
        file,
        sql: `LEFT JOIN (SELECT *, ${key} AS join_key FROM ${sourceTable(file)} j
          QUALIFY row_number() OVER (PARTITION BY join_key ORDER BY row) = 1) ${joinAlias(file)}
          ON ${joinAlias(file)}.join_key = ${leadKey}`
      };
    });
}
