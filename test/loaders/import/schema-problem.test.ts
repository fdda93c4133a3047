import type {ErrorObject} from "ajv";
import {describe, expect, it} from "vitest";
import {schemaProblem} from "../../../loaders/import/schema-problem.js";

/** An ajv error as `verbose: true` reports it. */
const error = (e: Partial<ErrorObject>) => ({instancePath: "", schemaPath: "", params: {}, ...e}) as ErrorObject;

describe("schemaProblem", () => {
  it("turns the JSON pointer into the profile's key, indexes in brackets", () => {
    const e = error({keyword: "required", instancePath: "/events/1/milestones/0", params: {missingProperty: "type"}});
    expect(schemaProblem(e, {})).toEqual({key: "events[1].milestones[0].type", message: "required"});
  });

  it("lists the known keys of an unknown one, and the known values of an unknown value with the schema's title", () => {
    const unknownKey = error({
      keyword: "additionalProperties",
      instancePath: "/files/crm",
      params: {additionalProperty: "sheet"},
      parentSchema: {properties: {default: {}, encoding: {}}}
    });
    expect(schemaProblem(unknownKey, {})).toEqual({
      key: "files.crm.sheet",
      message: "unknown key (expected one of: default, encoding)"
    });
    const unknownValue = error({
      keyword: "enum",
      instancePath: "/files/crm/encoding",
      params: {allowedValues: ["utf-8", "latin-1"]},
      data: "ebcdic",
      parentSchema: {title: "encoding"}
    });
    expect(schemaProblem(unknownValue, {}).message).toBe('unknown encoding "ebcdic" (known: utf-8, latin-1)');
  });
});
