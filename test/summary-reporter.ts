/**
 * Prints the run's totals as the one plain line CI reads: `N passed, N failed`. A test file that fails to load (so
 * that none of its tests ran) or whose hook threw counts as one failure, and so does an unhandled error, a run that ends as failed or
 * interrupted with no failed test (a global setup that threw: vitest then runs nothing), and a run with no test at
 * all: none may pass silently. The line is written when the process exits, after everything vitest prints later
 * (a global setup's error comes after the reporters), so that it is always the last line.
 */
import type {Reporter, TestModule} from "vitest/node";

/** The totals of a run, with every kind of failure counted. */
export function runTotals(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<unknown>,
  reason: "passed" | "interrupted" | "failed" = "passed"
): {passed: number; failed: number} {
  let passed = 0;
  let failed = unhandledErrors.length;
  for (const module of testModules) {
    let failedHere = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === "passed") ++passed;
      else if (state === "failed") ++failedHere;
    }
    // A file that failed to load, a hook that threw (beforeAll, afterAll) or an error outside any test fails the
    // file without a failed test to show for it (a failed beforeAll skips its tests): it counts as one failure.
    if (failedHere === 0 && (module.state() === "failed" || module.errors().length > 0)) failedHere = 1;
    failed += failedHere;
  }
  if (failed === 0 && (reason !== "passed" || passed === 0)) failed = 1;
  return {passed, failed};
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
    reason: "passed" | "interrupted" | "failed"
  ): void {
    const {passed, failed} = runTotals(testModules, unhandledErrors, reason);
    // stdout is synchronous for files and pipes on Linux, so the line is out before the process ends.
    process.once("exit", () => process.stdout.write(`\n${passed} passed, ${failed} failed\n`));
  }
}
