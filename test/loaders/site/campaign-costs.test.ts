import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {campaignCosts} from "../../../loaders/site/campaign-costs.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

/** A data folder holding only a costs.csv with the given text. */
function folderWith(text: string): string {
  const directory = temporaryDirectory();
  writeFileSync(join(directory, "costs.csv"), text);
  return directory;
}

describe("campaignCosts", () => {
  it("is null without a costs.csv", async () => {
    expect(await campaignCosts(temporaryDirectory())).toBeNull();
  });

  it("reads quoted commas, a BOM, CRLF and names an object would misread, in file order", async () => {
    const text = '\uFEFFCampaign,Cost\r\n"Spring, webinar",1200\r\n__proto__,10\r\nconstructor,20.5\r\n';
    expect(await campaignCosts(folderWith(text))).toEqual({
      file: "costs.csv",
      costs: [
        {campaign: "Spring, webinar", cost: 1200},
        {campaign: "__proto__", cost: 10},
        {campaign: "constructor", cost: 20.5}
      ],
      problems: []
    });
  });

  it("reports each bad row by row and field: rows read = costs + problems, blank lines neither", async () => {
    const text = "campaign,cost\nWebinar Q1,5000\nPartner Days,-3\n,40\nFair,abc\n,\nFair 2,\n";
    const result = await campaignCosts(folderWith(text));
    expect(result?.costs).toEqual([{campaign: "Webinar Q1", cost: 5000}]);
    expect(result?.problems).toEqual([
      'costs.csv row 2, field cost: "-3" is not an amount ≥ 0',
      "costs.csv row 3, field campaign: missing",
      'costs.csv row 4, field cost: "abc" is not an amount ≥ 0',
      'costs.csv row 6, field cost: "" is not an amount ≥ 0'
    ]);
  });

  it("says which columns the header lacks", async () => {
    expect((await campaignCosts(folderWith("name,amount\nA,1\n")))?.problems).toEqual([
      "costs.csv: the header needs columns campaign and cost"
    ]);
  });
});
