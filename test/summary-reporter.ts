/**
 * Prints the run's totals as the one plain line CI reads: `N passed, N failed`. A test file that fails to load (so
 * that none of its tests ran) counts as one failure, and so does an unhandled error: neither may pass silently.
 */
import type {Reporter, TestModule} from "vitest/node";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    for (const module of testModules) {
      let tests = 0;
      for (const test of module.children.allTests()) {
        ++tests;
        const state = test.result().state;
        if (state === "passed") ++passed;
        else if (state === "failed") ++failed;
      }
      if (tests === 0 || module.errors().length > 0) failed += module.state() === "failed" ? 1 : 0;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  }
}
