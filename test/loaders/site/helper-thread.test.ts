import {describe, expect, it, vi} from "vitest";
import {freemem} from "node:os";
import {join} from "node:path";
import {writeFileSync} from "node:fs";
import {pathToFileURL} from "node:url";
import {helperThreadPays, simulateWithHelper, startHelperThread} from "../../../loaders/site/helper-thread.js";
import {simulate} from "../../../src/lib/simulator/decision.js";
import {simulatorExtract} from "../../../src/lib/simulator/simulator-extract.js";
import {simulatorFixture} from "../../helpers/policies.js";
import {temporaryDirectory} from "../../helpers/temporary.js";

const {extract, nurture, data} = await simulatorFixture();
const inputs = {costPerSalesHour: 120, nurtureCostPerLead: 20, delayLoss: 0.1};
const preparation = {id: 1, rows: data.rows, table: data.table, levels: data.levels};

/** Sends the thread's link the fixture and its preparation, as the build does before preparing itself. */
function sendFixture(link: ReturnType<typeof startHelperThread>["link"]) {
  link.send({kind: "handoffs", extract: simulatorExtract(extract)});
  link.send({kind: "nurture", nurture, evidenceHoursAfter: extract.columns.evidenceHoursAfter});
  link.prepare(preparation);
  link.flush();
}

describe("simulateWithHelper", () => {
  it("ends where simulate() ends, the thread computing resamples from the last down", async () => {
    const thread = startHelperThread();
    try {
      sendFixture(thread.link);
      // Enough resamples that the thread, which starts by loading its modules, gets to some of them.
      const {result, helped} = await simulateWithHelper(data, inputs, {
        replicates: 3000,
        link: thread.link,
        preparation
      });
      expect(helped).toBeGreaterThan(0);
      expect(result).toEqual(simulate(data, inputs, {replicates: 3000}));
    } finally {
      await thread.close();
    }
    expect(thread.link.lost).toBe(true);
  }, 60_000);

  it("computes everything itself when the thread fails, and says so on stderr", async () => {
    const folder = temporaryDirectory("helper-thread");
    const entry = join(folder, "broken.ts");
    writeFileSync(entry, 'throw new Error("a broken helper");\n');
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const thread = startHelperThread(pathToFileURL(entry));
    try {
      sendFixture(thread.link);
      const {result, helped} = await simulateWithHelper(data, inputs, {replicates: 40, link: thread.link, preparation});
      expect(result).toEqual(simulate(data, inputs, {replicates: 40}));
      expect(helped).toBe(0);
      await vi.waitFor(() => expect(thread.link.lost).toBe(true), {timeout: 20_000, interval: 20});
      expect(stderr.mock.calls.map(([line]) => String(line)).join("")).toContain(
        "leadstage: the helper thread failed (a broken helper); resampling on one thread"
      );
    } finally {
      stderr.mockRestore();
      await thread.close();
    }
  }, 60_000);
});

describe("helperThreadPays", () => {
  it("pays with a second core and free memory for three copies of the data, not otherwise", () => {
    expect(helperThreadPays(0)).toBe(true);
    expect(helperThreadPays(freemem() / 2)).toBe(false);
  });
});
