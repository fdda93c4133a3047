// The bench imports the site's own modules in the page (the classifier, the Parquet decoder, the nurture model) by
// their built names; a move of a file in src/lib once left it looking in a folder that no longer held them.
import {describe, expect, inject, it} from "vitest";
import {benchModules, builtModule} from "../../loaders/tools/bench/chromium.js";

describe("the modules the bench loads in the page", () => {
  it("are in every built site under the names the bench looks for", () => {
    for (const site of Object.values(inject("sites"))) {
      for (const module of benchModules) {
        expect(builtModule(site.directory, module)).toMatch(new RegExp(`^/_import/lib/${module}\\.[0-9a-f]+\\.js$`));
      }
    }
  });

  it("names a module that is not there", () => {
    expect(() => builtModule(inject("sites").fixture.directory, "core/nothing")).toThrow(/no .*nothing/);
  });
});
