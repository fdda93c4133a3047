import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", "./test/summary-reporter.ts"],
    testTimeout: 60_000,
    // Builds of data other than the sample make a pseudonym key; the tests' one lives with their other output.
    env: {LEADSTAGE_KEY_FILE: "test-output/pseudonym-key"},
    // Temporary folders the tests make are removed after each test file.
    setupFiles: ["test/helpers/cleanup.ts"],
    projects: [
      {
        extends: true,
        test: {name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/browser/**"]}
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          // One build of the site from the fixture, served on loopback, shared by every browser test file.
          globalSetup: ["test/browser/site.setup.ts"],
          hookTimeout: 300_000,
          fileParallelism: false
        }
      }
    ]
  }
});
