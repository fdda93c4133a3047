import {describe, expect, it} from "vitest";
import {designExperiment} from "../../../src/lib/simulator/experiment.js";
import {experimentText} from "../../../src/lib/simulator/experiment-text.js";

/** A trial below level 3 with `perMonth` eligible leads a month, 20% of them won today, 5 points to detect. */
const trial = (perMonth: number) => ({
  k: 3,
  eligiblePerMonth: perMonth,
  controlRate: 0.2,
  effect: -0.05,
  holdBackShare: 0.5,
  maxWaitMonths: 6,
  monthsToClose: 1.5
});

describe("experimentText", () => {
  it("gives the leads per arm and the months until the result can be read", () => {
    const text = experimentText(designExperiment(trial(2000)), trial(2000));
    expect(text).toMatch(/^Each arm needs [\d,]+ leads to tell 20\.0% from 15\.0% won per lead/);
    expect(text).toMatch(/the result can be read after about \d+ months\.$/);
  });

  it("says when a test would take longer than a company can wait (the Salesforce example: 1,636 years)", () => {
    const design = designExperiment(trial(4))!;
    expect(design.totalMonths).toBeGreaterThan(36);
    expect(experimentText(design, trial(4))).toContain(
      `That is about ${Math.round(design.totalMonths / 12).toLocaleString("en-US")} years: no practical test`
    );
  });

  it("gives months a decimal only below ten: '1.5 months', but '19,620 months', not '19,620.0'", () => {
    const text = experimentText(designExperiment(trial(4)), trial(4));
    expect(text).toContain("a median of 1.5 months to close");
    expect(text).toMatch(/enrolling takes [\d,]+ months;/);
  });

  it("gives handoffs a month a decimal only below ten too: '541 handoffs', not '541.0' (the sample's page)", () => {
    expect(experimentText(designExperiment(trial(541)), trial(541))).toContain("has 541 handoffs a month");
    expect(experimentText(designExperiment(trial(4)), trial(4))).toContain("has 4.0 handoffs a month");
  });

  it("says how many leads but not how long without calendar dates, and when no test can be designed", () => {
    const text = experimentText(designExperiment(trial(4)), trial(4), {calendar: false});
    expect(text).toContain("cannot be said: the export has no calendar dates");
    expect(text).not.toContain("years");
    expect(experimentText(null, trial(4))).toMatch(/^No test can be designed here: .* below level 3/);
  });
});
