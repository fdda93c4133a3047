import {copyFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {locateInput} from "../../../loaders/pipeline/input.js";
import {temporaryDirectory} from "../../helpers/model.js";

const folders: string[] = [];
afterAll(() => folders.forEach((d) => rmSync(d, {recursive: true, force: true})));

/** A copy of the fixture's two files with `dataset` as its dataset.json. */
function withDataset(dataset: string): string {
  const directory = temporaryDirectory("leadstage-input-");
  folders.push(directory);
  for (const name of ["leads.csv", "events.csv"])
    copyFileSync(join("test/fixtures/small", name), join(directory, name));
  writeFileSync(join(directory, "dataset.json"), dataset);
  return directory;
}

describe("locateInput: dataset.json", () => {
  it("reads a hand-written description, filling what it leaves out", () => {
    const {dataset} = locateInput(
      withDataset('{"profile": "crm", "limits": {"amounts": false}, "exportedAt": "2025-06-30"}')
    );
    expect(dataset).toMatchObject({profile: "crm", exportedAt: "2025-06-30", notes: {en: [], de: []}});
    expect(dataset.limits).toEqual({
      handoffTimestamp: true,
      lostOutcome: true,
      evidence: true,
      salesHours: true,
      amounts: false,
      eventTimes: true,
      calendar: true
    });
  });

  it("reads a description in one language or in both", () => {
    const both = {en: "Our CRM's leads", de: "Die Leads unseres CRM"};
    expect(locateInput(withDataset(JSON.stringify({description: both}))).dataset.description).toEqual(both);
    expect(locateInput(withDataset('{"description": "Our CRM"}')).dataset.description).toBe("Our CRM");
  });

  it.each([
    ['{"limits": {"amounts": "no"}}', "limits.amounts: must be boolean"],
    ['{"notes": ["A note"]}', "notes: must be object"],
    ['{"notes": {"en": ["A note"]}}', "notes: must have required property 'de'"],
    ['{"description": {"en": "Our CRM"}}', "description: must have required property 'de'"],
    ['{"description": 5}', "description: must be string,object"],
    ['{"exportedAT": "2025-01-01"}', 'the top level: must NOT have additional properties ("exportedAT")'],
    ["[1, 2]", "the top level: must be object"],
    ['{"leads": 1.5}', "leads: must be integer"],
    [
      '{"importFiles": [{"file": "x.csv", "read": -1, "used": 0, "rejected": 0, "partlyRejected": 0}]}',
      "importFiles.0.read: must be >= 0"
    ]
  ])("refuses a dataset.json of the wrong shape, naming the key: %s", (dataset, message) => {
    const directory = withDataset(dataset);
    expect(() => locateInput(directory)).toThrow(
      `${join(directory, "dataset.json")}: ${message} (see loaders/pipeline/dataset.schema.json)`
    );
  });

  it("refuses a dataset.json that is not JSON", () => {
    const directory = withDataset("{profile: crm}");
    expect(() => locateInput(directory)).toThrow(`${join(directory, "dataset.json")} is not valid JSON`);
  });
});

describe("locateInput: a workbook it does not read instead of a table file", () => {
  it("names the workbook it found and says what to save it as", () => {
    const directory = temporaryDirectory("leadstage-input-");
    writeFileSync(join(directory, "leads.gsheet"), '{"doc_id": "1a2b"}');
    copyFileSync(join("test/fixtures/small", "events.csv"), join(directory, "events.csv"));
    expect(() => locateInput(directory)).toThrow(
      `no leads file in ${directory} (expected leads.csv, leads.parquet, leads.jsonl, leads.xlsx or leads.xls; leads.gsheet is not one of those: save it as CSV UTF-8 or .xlsx)`
    );
  });

  it("takes an old .xls, a .xlsb, an OpenDocument .ods and a Numbers document as the table file", () => {
    for (const ext of [".xls", ".xlsb", ".ods", ".numbers"]) {
      const directory = temporaryDirectory("leadstage-input-");
      writeFileSync(join(directory, `leads${ext}`), "\xd0\xcf\x11\xe0");
      copyFileSync(join("test/fixtures/small", "events.csv"), join(directory, "events.csv"));
      expect(locateInput(directory).leads).toBe(join(directory, `leads${ext}`));
    }
  });
});
