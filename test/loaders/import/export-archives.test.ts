// Exports delivered as zip archives (Salesforce's data export: WE_<org>_1.zip, _2.zip, …): the files a profile reads
// are unpacked from them and read exactly as the same files in a folder; a file in no archive, or in two, or an
// archive that is none, is one clear error; nothing unpacked is left behind.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {basename, dirname, join} from "node:path";
import {strToU8, zipSync} from "fflate";
import {describe, expect, it} from "vitest";
import {areArchives, withUnpackedArchives} from "../../../loaders/import/export-archives.js";
import {loadProfile, resolvePaths, runImport} from "../../../loaders/import/importer.js";
import {temporaryDirectory, temporaryFile} from "../../helpers/temporary.js";

const profile = loadProfile("salesforce");
const examples = "data/profiles/examples/salesforce";
const example = (name: string) => new Uint8Array(readFileSync(join(examples, name)));

/** A path's last two parts: the archive's folder and the file. */
const relativeName = (path: string) => `${basename(dirname(path))}/${basename(path)}`;

/** A zip archive named `name` holding `files` (path in the archive → bytes). */
function archive(name: string, files: Record<string, Uint8Array>): string {
  return temporaryFile(name, zipSync(files));
}

/** Salesforce's export split over two archives as it comes: objects spread, other objects and folders beside them. */
function salesforceExport(): string[] {
  return [
    archive("WE_00D_1.zip", {
      "Lead.csv": example("Lead.csv"),
      // Case as another export writes it; the profile looks for LeadHistory.csv.
      "leadhistory.csv": example("LeadHistory.csv"),
      "Account.csv": strToU8("Id,Name\n"),
      "Attachments/": new Uint8Array(0)
    }),
    archive("WE_00D_2.zip", {
      "Opportunity.csv": example("Opportunity.csv"),
      "OpportunityHistory.csv": example("OpportunityHistory.csv"),
      "CampaignMember.csv": example("CampaignMember.csv"),
      "Campaign.csv": example("Campaign.csv")
    })
  ];
}

describe("areArchives", () => {
  it("is true only when every file given is a zip archive", () => {
    expect(areArchives(["a.zip", "B.ZIP"])).toBe(true);
    expect(areArchives(["a.zip", "Lead.csv"])).toBe(false);
    expect(areArchives([])).toBe(false);
  });
});

describe("withUnpackedArchives", () => {
  it("unpacks the six files the profile reads under its names, each under its archive's, and removes them after", async () => {
    let unpacked: string[] = [];
    const found = await withUnpackedArchives(profile, salesforceExport(), async (paths) => {
      unpacked = Object.values(paths);
      expect(unpacked.every((path) => existsSync(path))).toBe(true);
      // Nothing else unpacked: Account.csv stays packed.
      expect(readdirSync(dirname(dirname(paths.leads))).sort()).toEqual(["WE_00D_1.zip", "WE_00D_2.zip"]);
      expect(readdirSync(dirname(paths.leads)).sort()).toEqual(["Lead.csv", "LeadHistory.csv"]);
      return Object.fromEntries(Object.entries(paths).map(([file, path]) => [file, relativeName(path)]));
    });
    expect(found).toEqual({
      leads: "WE_00D_1.zip/Lead.csv",
      lead_history: "WE_00D_1.zip/LeadHistory.csv",
      opportunities: "WE_00D_2.zip/Opportunity.csv",
      opportunity_history: "WE_00D_2.zip/OpportunityHistory.csv",
      campaign_members: "WE_00D_2.zip/CampaignMember.csv",
      campaigns: "WE_00D_2.zip/Campaign.csv"
    });
    // Nothing left afterwards.
    expect(unpacked).toHaveLength(6);
    expect(existsSync(dirname(dirname(unpacked[0])))).toBe(false);
  });

  it("imports what the same files in a folder import, row for row", async () => {
    const counts = async (paths: Record<string, string>) => {
      const out = temporaryDirectory("leadstage-archive-import-");
      await runImport({profile, paths, out});
      return {
        dataset: JSON.parse(readFileSync(join(out, "dataset.json"), "utf8")),
        leads: readFileSync(join(out, "leads.parquet")).length,
        events: readFileSync(join(out, "events.parquet")).length
      };
    };
    const fromArchives = await withUnpackedArchives(profile, salesforceExport(), counts);
    expect(fromArchives).toEqual(await counts(resolvePaths(profile, [examples])));
    expect(fromArchives.leads).toBeGreaterThan(0);
  });

  it("names the files no archive holds, and what the archives hold instead", async () => {
    const [first] = salesforceExport();
    let ran = false;
    await expect(withUnpackedArchives(profile, [first], async () => (ran = true))).rejects.toThrow(
      `Opportunity.csv, OpportunityHistory.csv, CampaignMember.csv, Campaign.csv in none of ${first} ` +
        "(they hold: Lead.csv, leadhistory.csv, Account.csv)"
    );
    expect(ran).toBe(false);
  });

  it("refuses a file found in two archives, and an archive that is no zip", async () => {
    const twice = archive("WE_00D_3.zip", {"Lead.csv": example("Lead.csv")});
    const [first, second] = salesforceExport();
    await expect(withUnpackedArchives(profile, [first, second, twice], async () => 0)).rejects.toThrow(
      `Lead.csv is in both ${first} and ${twice}: give the one to read`
    );
    const broken = temporaryFile("WE_00D_4.zip", "Id,Name\n");
    await expect(withUnpackedArchives(profile, [broken], async () => 0)).rejects.toThrow(
      new RegExp(`^${broken}: cannot be read as a zip archive`)
    );
  });
});
