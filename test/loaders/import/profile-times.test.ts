// Exports that do not date their events: a snapshot (which milestones were reached, not when) and a win/loss export
// with durations since the lead's creation instead of dates. Both import; their times are what the export says and
// nothing more.

import {describe, expect, it} from "vitest";

import {validateProfile, type ImportProfile} from "../../../loaders/import/profile.js";
import {timeLimits} from "../../../loaders/import/importer.js";
import {profileModel} from "../../helpers/profile-model.js";

const snapshot = validateProfile({
  name: "snapshot",
  description: "A lead-scoring export: one row per lead, flags and a converted column, no dates at all.",
  times: "none",
  nullMarkers: ["Select"],
  files: {leads: {}},
  leads: {file: "leads", fields: {lead_id: "Prospect ID", source: "Lead Source"}},
  events: [
    {
      shape: "wide",
      file: "leads",
      leadId: "Prospect ID",
      milestones: [
        {column: "Prospect ID", type: "handed_off"},
        {column: "Specialization", type: "icp_fit"},
        {column: "Specialization", type: "role_known"},
        {column: "Budget", type: "budget_confirmed", when: {column: "Budget", values: ["Yes"]}},
        {column: "Converted", type: "won", when: {column: "Converted", values: ["1"]}},
        {column: "Converted", type: "lost", when: {column: "Converted", values: ["0"]}}
      ]
    }
  ]
});

const durations = validateProfile({
  name: "durations",
  description: "A win/loss export: days from identification to first meeting and to closing, no dates.",
  times: "durations",
  files: {deals: {}},
  leads: {file: "deals", fields: {lead_id: "Opportunity Number"}},
  events: [
    {
      shape: "wide",
      file: "deals",
      leadId: "Opportunity Number",
      milestones: [
        {column: "Days To Meeting", type: "handed_off"},
        {column: "Days To Close", type: "won", when: {column: "Result", values: ["Won"]}},
        {column: "Days To Close", type: "lost", when: {column: "Result", values: ["Loss"]}},
        {column: "Hours Of Calls", type: "icp_fit", time: "none"},
        {column: "Hours Of Calls", type: "role_known", time: "none"},
        {column: "Hours Of Calls", type: "need_identified", time: "none"}
      ]
    }
  ]
});

describe("an export without dates (times: none)", () => {
  const leads = [
    "Prospect ID,Lead Source,Specialization,Budget,Converted",
    "p1,Google,Finance,Yes,1",
    "p2,Google,Select,No,0",
    "p3,Referral,IT,Yes,0",
    "p4,,Select,,1"
  ];

  it("places every lead and event at one base instant, evidence known at the handoff, outcomes after it", async () => {
    const result = await profileModel(snapshot, {leads}, async (db, summary) => ({
      summary,
      handoffs: await db.all<{lead_id: string; stage: number; outcome: string; handoff: string; closed: string}>(
        `SELECT lead_id, stage_at_handoff AS stage, outcome, strftime(handoff_at, '%Y-%m-%d %H:%M:%S') AS handoff,
           strftime(closed_at, '%Y-%m-%d %H:%M:%S') AS closed
         FROM handoffs ORDER BY lead_id`
      ),
      created: await db.all<{created: string}>(`SELECT DISTINCT strftime(created_at, '%Y-%m-%d') AS created FROM leads`)
    }));
    expect(result.summary.files).toEqual([{file: "leads.csv", read: 4, used: 4, rejected: 0, partlyRejected: 0}]);
    expect(result.created).toEqual([{created: "2000-01-01"}]);
    expect(result.handoffs).toEqual([
      {lead_id: "p1", stage: 2, outcome: "won", handoff: "2000-01-01 00:00:00", closed: "2000-01-01 00:00:00"},
      {lead_id: "p2", stage: 1, outcome: "lost", handoff: "2000-01-01 00:00:00", closed: "2000-01-01 00:00:00"},
      {lead_id: "p3", stage: 2, outcome: "lost", handoff: "2000-01-01 00:00:00", closed: "2000-01-01 00:00:00"},
      {lead_id: "p4", stage: 1, outcome: "won", handoff: "2000-01-01 00:00:00", closed: "2000-01-01 00:00:00"}
    ]);
  });

  it("tells the pages that there are no times and no calendar", () => {
    expect(timeLimits(snapshot)).toEqual({eventTimes: false, calendar: false, handoffTimestamp: false});
    expect(timeLimits(durations)).toEqual({calendar: false});
    expect(timeLimits({...durations, leads: {...durations.leads, fields: {lead_id: "x", created_at: "y"}}})).toEqual(
      {}
    );
  });
});

describe("an export with durations since the lead's creation (times: durations)", () => {
  const deals = [
    "Opportunity Number,Days To Meeting,Days To Close,Result,Hours Of Calls",
    "o1,2,30.5,Won,3",
    "o2,0,12,Loss,",
    "o3,5,,Open,1",
    "o4,soon,40,Won,",
    "o5,-3,40,Won,",
    // Excel's elapsed time as a workbook's copy writes it; "1:30" (hours and minutes, or minutes and seconds?) is not.
    "o6,36:00:00,48:30:00.5,Won,",
    "o7,1:30,2,Loss,"
  ];

  it("adds each duration to the one base instant, exactly (hours:minutes:seconds too), rejects others naming the column", async () => {
    const result = await profileModel(durations, {deals}, async (db, summary) => ({
      summary,
      handoffs: await db.all<{lead_id: string; stage: number; outcome: string; handoff: string; closed: string | null}>(
        `SELECT lead_id, stage_at_handoff AS stage, outcome, strftime(handoff_at, '%Y-%m-%d %H:%M:%S') AS handoff,
           strftime(closed_at, '%Y-%m-%d %H:%M:%S') AS closed
         FROM handoffs ORDER BY lead_id`
      ),
      rejects: await db.all<{row: number; field: string; reason: string}>(
        "SELECT row, field, reason FROM rejects ORDER BY row"
      )
    }));
    expect(result.handoffs).toEqual([
      {lead_id: "o1", stage: 3, outcome: "won", handoff: "2000-01-03 00:00:00", closed: "2000-01-31 12:00:00"},
      {lead_id: "o2", stage: 1, outcome: "lost", handoff: "2000-01-01 00:00:00", closed: "2000-01-13 00:00:00"},
      {lead_id: "o3", stage: 3, outcome: "open", handoff: "2000-01-06 00:00:00", closed: null},
      {lead_id: "o6", stage: 1, outcome: "won", handoff: "2000-01-02 12:00:00", closed: "2000-01-03 00:30:00"}
    ]);
    // Row numbers count data rows (o4 is row 4). A win whose handoff could not be read has no handoff to belong to.
    const unparseable =
      "unparseable date (expected a number of days since the lead's creation, e.g. 12 or 3.5, or hours:minutes:seconds)";
    expect(result.rejects).toEqual([
      {row: 4, field: "Days To Meeting", reason: unparseable},
      {row: 4, field: "Days To Close", reason: "outcome before any handoff"},
      {row: 5, field: "Days To Meeting", reason: unparseable},
      {row: 5, field: "Days To Close", reason: "outcome before any handoff"},
      {row: 7, field: "Days To Meeting", reason: unparseable},
      {row: 7, field: "Days To Close", reason: "outcome before any handoff"}
    ]);
    // The leads of rows 4, 5 and 7 stay; only their unreadable milestones are rejected: read = used + rejected.
    expect(result.summary.files).toEqual([{file: "deals.csv", read: 7, used: 7, rejected: 0, partlyRejected: 3}]);
  });

  it("rejects a duration past any date as after the build date (1e308 days stopped the import with DuckDB's error)", async () => {
    const huge = [deals[0], "o1,2,30,Won,", "o2,1e308,40,Won,", "o3,3,1000001,Loss,", "o4,4,999999,Loss,"];
    const result = await profileModel(durations, {deals: huge}, async (db, summary) => ({
      summary,
      rejects: await db.all<{row: number; field: string; reason: string}>(
        "SELECT row, field, reason FROM rejects ORDER BY row, field"
      )
    }));
    const late = "date after the build date (2025-06-01)";
    expect(result.rejects).toEqual([
      {row: 2, field: "Days To Close", reason: "outcome before any handoff"},
      {row: 2, field: "Days To Meeting", reason: late},
      {row: 3, field: "Days To Close", reason: late},
      {row: 4, field: "Days To Close", reason: late}
    ]);
    expect(result.summary.files).toEqual([{file: "deals.csv", read: 4, used: 4, rejected: 0, partlyRejected: 3}]);
  });
});

describe("profile checks for times", () => {
  const base = (): ImportProfile => structuredClone(durations);
  it("require a creation date where events are dated", () => {
    expect(() => validateProfile({...base(), times: "dates"})).toThrow(
      'leads.fields.created_at: required (or say "times": "durations" or "none" when the export has no dates)'
    );
  });
  it("refuse a date milestone in a durations export and formats on a duration", () => {
    const profile = base();
    if (profile.events[0].shape === "wide") profile.events[0].milestones[0].time = "date";
    expect(() => validateProfile(profile)).toThrow(
      'events[0].milestones[0].time: a date in an export whose times are "durations"'
    );
    const formats = base();
    if (formats.events[0].shape === "wide") formats.events[0].milestones[0].formats = ["DD.MM.YYYY"];
    expect(() => validateProfile(formats)).toThrow("events[0].milestones[0].formats: only date columns take formats");
  });
  it("take a time from the creation only on the leads file's own row", () => {
    const profile: ImportProfile = {
      ...base(),
      times: "dates",
      files: {deals: {}, log: {}},
      leads: {file: "deals", fields: {lead_id: "Opportunity Number", created_at: "Created"}},
      events: [
        {
          shape: "wide",
          file: "log",
          leadId: "Opportunity Number",
          milestones: [{column: "Flag", type: "icp_fit", time: "none"}]
        }
      ]
    };
    expect(() => validateProfile(profile)).toThrow(
      "events[0].milestones[0].time: a time from the lead's creation needs the milestone on the leads file's own row"
    );
  });
  it("refuse a date column for a long section of an export without times", () => {
    const profile = {
      ...base(),
      times: "none",
      events: [{shape: "long", file: "deals", leadId: "Opportunity Number", at: "When", type: "Result"}]
    };
    expect(() => validateProfile(profile)).toThrow('events[0].at: not read when "times" is "none"');
  });
});
