/**
 * Run before every test file (vitest setupFiles): whatever temporary folders the file made through
 * temporaryDirectory are removed when it ends, so that tests clean up what they write even when one fails halfway.
 */
import {afterAll} from "vitest";
import {removeTemporaryDirectories} from "./temporary.js";

afterAll(() => {
  removeTemporaryDirectories();
});
