import {describe, expect, it} from "vitest";
import {readdirSync, readFileSync} from "node:fs";
import {validateProfile} from "../../../loaders/import/profile.js";
import {eventTypes, leadFields} from "../../../src/lib/core/model.js";
import {fullLimits} from "../../../src/lib/core/dataset.js";
import {fixtureExports} from "../../helpers/fixture-exports.js";

const olist = () => JSON.parse(readFileSync("data/profiles/olist.json", "utf8"));
const hubspot = () => JSON.parse(readFileSync("data/profiles/hubspot-lifecycle.json", "utf8"));

describe("validateProfile", () => {
  it.each(readdirSync("data/profiles").filter((d) => d.endsWith(".json")))(
    "accepts the built-in profile %s",
    (file) => {
      const profile = validateProfile(JSON.parse(readFileSync(`data/profiles/${file}`, "utf8")), file);
      expect(profile.name).toBe(file.replace(/\.json$/, ""));
    }
  );

  it("finds every built-in and fixture profile describing its export in both languages", () => {
    const files = [
      ...readdirSync("data/profiles")
        .filter((d) => d.endsWith(".json"))
        .map((d) => `data/profiles/${d}`),
      ...fixtureExports().map((d) => `test/fixtures/exports/${d}/profile.json`)
    ];
    const oneLanguage = files.filter((file) => typeof JSON.parse(readFileSync(file, "utf8")).description === "string");
    // The fixtures' sites are built by the browser tests, German pages included: their descriptions were English only.
    expect(oneLanguage).toEqual([]);
  });

  const broken: [string, (p: Record<string, any>) => void, string][] = [
    ["an unknown top-level key", (p) => (p.timezon = "UTC"), "x.json: timezon: unknown key"],
    [
      "an unknown time zone",
      (p) => (p.timezone = "Mars/Olympus"),
      'x.json: timezone: unknown time zone "Mars/Olympus"'
    ],
    ["an unknown lead field", (p) => (p.leads.fields.industry = "x"), "x.json: leads.fields.industry: unknown field"],
    ["a missing lead_id", (p) => delete p.leads.fields.lead_id, "x.json: leads.fields.lead_id: required"],
    ["an undeclared file", (p) => (p.leads.file = "contacts"), 'x.json: leads.file: unknown file "contacts"'],
    [
      "an unknown event type in a milestone",
      (p) => (p.events[1].milestones[0].type = "closed_won"),
      'x.json: events[1].milestones[0].type: unknown event type "closed_won"'
    ],
    [
      "an unknown date format",
      (p) => (p.leads.fields.created_at.formats = ["dd/mm/yy"]),
      'x.json: leads.fields.created_at.formats[0]: unknown date format "dd/mm/yy"'
    ],
    [
      "formats on a field that is no date",
      (p) => (p.leads.fields.campaign = {column: "landing_page_id", formats: ["DD-MM-YYYY"]}),
      "x.json: leads.fields.campaign.formats: only date fields take formats"
    ],
    [
      "an unknown shape",
      (p) => (p.events[0].shape = "tall"),
      'x.json: events[0].shape: unknown shape "tall" (known: long, wide)'
    ],
    ["an unknown limit", (p) => (p.limits.lostDeals = false), "x.json: limits.lostDeals: unknown key"],
    ["notes in one language only", (p) => p.notes.de.pop(), "x.json: notes: en and de need the same notes"],
    ["a description in one language of two", (p) => delete p.description.de, "x.json: description.de: required"],
    ["an empty description", (p) => (p.description = ""), "x.json: description"],
    ["a reject rate above 1", (p) => (p.maxRejectRate = 5), "x.json: maxRejectRate: expected a number from 0 to 1"],
    ["an unknown file option", (p) => Object.assign(p.files.mqls, {tab: "1"}), "x.json: files.mqls.tab: unknown key"],
    [
      "an unknown encoding",
      (p) => (p.files.mqls.encoding = "ebcdic"),
      'x.json: files.mqls.encoding: unknown encoding "ebcdic" (known: utf-8, latin-1, utf-16)'
    ]
  ];
  it.each(broken)("names the key of %s", (_, breakIt, message) => {
    const profile = olist();
    breakIt(profile);
    expect(() => validateProfile(profile, "x.json")).toThrow(message);
  });

  it("names an unknown event type in a value map", () => {
    const profile = hubspot();
    profile.events[1].type.values.Call = "phone_call";
    expect(() => validateProfile(profile, "h.json")).toThrow(
      'h.json: events[1].type.values.Call: unknown event type "phone_call"'
    );
  });

  it("refuses to map a column marked personal", () => {
    const profile = hubspot();
    profile.leads.fields.campaign = "Email";
    expect(() => validateProfile(profile, "h.json")).toThrow(
      'h.json: leads.fields.campaign: column "Email" of contacts is marked personal and cannot be mapped'
    );
  });

  it("refuses a lead field from a file that is not joined", () => {
    const profile = hubspot();
    delete profile.files.enrichment.join;
    expect(() => validateProfile(profile, "h.json")).toThrow(
      'h.json: leads.fields.segment.file: file "enrichment" has no join to the leads file'
    );
  });
});

describe("validateProfile: joins through another file", () => {
  const salesforce = () => JSON.parse(readFileSync("data/profiles/salesforce.json", "utf8"));

  it("needs the file joined through to be joined to the leads file itself", () => {
    const profile = salesforce();
    profile.files.campaigns.join.via = "opportunities";
    expect(() => validateProfile(profile, "sf")).toThrow(
      'sf: files.campaigns.join.via: "opportunities" must be a file joined to the leads file directly'
    );
  });

  it("needs the column of that file to join on", () => {
    const profile = salesforce();
    delete profile.files.campaigns.join.on;
    expect(() => validateProfile(profile, "sf")).toThrow("sf: files.campaigns.join.on: required with via");
  });
});

describe("validateProfile: the profile's own dimensions", () => {
  const crm = () => JSON.parse(readFileSync("test/fixtures/exports/crm-pipeline-accounts/profile.json", "utf8"));

  it("refuses a name a lead field has, and a file that is not joined", () => {
    const named = crm();
    named.dimensions.region = {column: "product", label: {en: "Region", de: "Region"}};
    expect(() => validateProfile(named, "crm")).toThrow('crm: dimensions.region: "region" is a lead field');
    const unjoined = crm();
    unjoined.files.teams.join = undefined;
    delete unjoined.files.teams.join;
    delete unjoined.leads.fields.region;
    expect(() => validateProfile(unjoined, "crm")).toThrow('crm: dimensions.manager.file: file "teams" has no join');
  });

  it("needs a label in both languages", () => {
    const profile = crm();
    delete profile.dimensions.product.label.de;
    expect(() => validateProfile(profile, "crm")).toThrow("dimensions.product.label");
  });
});

describe("profile.schema.json", () => {
  const schema = JSON.parse(readFileSync("loaders/import/profile.schema.json", "utf8"));

  it("lists the model's event types, lead fields and limits: one definition, no second list to drift", () => {
    expect(schema.definitions.eventType.enum).toEqual([...eventTypes]);
    expect(schema.properties.leads.properties.fields.propertyNames.enum).toEqual([...leadFields]);
    // What the export knows of time is said once, by "times"; its two limits are derived from it (timeLimits).
    const timeKeys = ["eventTimes", "calendar"];
    expect(Object.keys(schema.properties.limits.properties)).toEqual(
      Object.keys(fullLimits).filter((d) => !timeKeys.includes(d))
    );
    expect(schema.properties.times.enum).toEqual(["dates", "durations", "none"]);
  });

  it("is named by every built-in profile, so that editors check and complete them", () => {
    for (const file of readdirSync("data/profiles").filter((d) => d.endsWith(".json"))) {
      expect(JSON.parse(readFileSync(`data/profiles/${file}`, "utf8")).$schema, file).toBe(
        "../../loaders/import/profile.schema.json"
      );
    }
  });
});
