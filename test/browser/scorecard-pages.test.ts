import {describe, expect, inject, it} from "vitest";
import {cleanLoad, openAndCapture, problemsOf, screenshot, useBrowser} from "../helpers/browser.ts";

const browser = useBrowser();

describe("the scorecard pages on the sample", () => {
  it("the analysis shows the calibration and the question lifts", async () => {
    const watched = await openAndCapture(
      browser(),
      inject("sites").sample.url,
      "/scorecard",
      "#chart-calibration svg",
      "sample-scorecard"
    );
    expect(await watched.page.locator("#chart-calibration g[aria-label='dot'] circle").count()).toBe(5);
    expect(await watched.page.locator("#chart-lifts tbody tr").count()).toBe(10);
    expect(await watched.page.locator("#kpi-threshold").innerText()).toMatch(/Score matching level \d\s+\d+ \/ 20/);
    expect(problemsOf(watched)).toEqual(cleanLoad);
    await watched.page.close();
  });

  it("the lead check answers live: level and score follow the answers, and the verdict names what is missing", async () => {
    const watched = await openAndCapture(
      browser(),
      inject("sites").sample.url,
      "/lead-check",
      "#verdict",
      "lead-check-empty"
    );
    const page = watched.page;
    expect(await page.locator("#check-level").innerText()).toBe("1");
    expect(await page.locator("#check-score").innerText()).toBe("0");
    const answer = async (question: string, option: string) =>
      page
        .locator("#questions label", {hasText: question})
        .locator("xpath=..")
        .locator("label", {hasText: option})
        .locator("input")
        .check();
    await answer("ideal customer profile", "Yes");
    await answer("role and position", "Known and relevant");
    await expect.poll(() => page.locator("#check-level").innerText()).toBe("2");
    expect(await page.locator("#check-score").innerText()).toBe("4");
    await answer("stated need", "Stated");
    await answer("budget", "Confirmed");
    await expect.poll(() => page.locator("#check-score").innerText()).toBe("8");
    // Budget without requirements does not climb the ladder: level 3, the cumulative rule in the browser too.
    expect(await page.locator("#check-level").innerText()).toBe("3");
    expect(await page.locator("#comparable").innerText()).toMatch(
      /handoffs: [\d.]+% of [\d,]+ closed were won \(95% CI/
    );
    await screenshot(page, "lead-check-answered");
    expect(problemsOf(watched)).toEqual(cleanLoad);
    await page.close();
  });
});
