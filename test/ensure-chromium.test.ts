import {describe, expect, it} from "vitest";
import {chromiumPlan} from "./ensure-chromium.js";

describe("chromiumPlan", () => {
  it("goes ahead where Chromium is installed", () => {
    expect(chromiumPlan({hasChromium: true, isRoot: false, hasApt: false})).toEqual({kind: "ready"});
  });

  it("installs Debian's package where it can: as root with apt-get", () => {
    expect(chromiumPlan({hasChromium: false, isRoot: true, hasApt: true})).toEqual({kind: "install"});
  });

  it("otherwise stops with one line saying what to install", () => {
    const plan = chromiumPlan({hasChromium: false, isRoot: false, hasApt: true});
    expect(plan).toEqual({
      kind: "stop",
      message: expect.stringMatching(/^leadstage: .*sudo apt-get install -y chromium$/)
    });
    const noApt = chromiumPlan({hasChromium: false, isRoot: true, hasApt: false});
    expect(noApt.kind === "stop" && noApt.message.split("\n")).toHaveLength(1);
  });
});
