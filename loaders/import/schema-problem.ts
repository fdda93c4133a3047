/**
 * A JSON Schema error (ajv's) as a profile author reads it: the key in the profile (`events[1].milestones[0].type`)
 * and a sentence, with the known keys or values where the schema lists them.
 */
import type {ErrorObject} from "ajv";
import {leadFields} from "../../src/lib/core/model.js";

/** A schema error as a profile key (`events[1].type`) and a message a profile author understands. */
export function schemaProblem(error: ErrorObject, input: unknown): {key: string; message: string} {
  const path = error.instancePath
    .split("/")
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part.replaceAll("~1", "/").replaceAll("~0", "~")}`))
    .join("");
  const key = (suffix = "") => `${path}${suffix}`.replace(/^\./, "") || "(root)";
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined) return {key: key(`.${error.propertyName}`), message: propertyNameProblem(path)};
  const schema = error.parentSchema as {title?: string; minimum?: number; maximum?: number; properties?: object};
  switch (error.keyword) {
    case "additionalProperties": {
      const known = Object.keys((error.parentSchema as {properties?: object}).properties ?? {}).filter(
        (k) => k !== "$schema"
      );
      return {key: key(`.${params.additionalProperty}`), message: `unknown key (expected one of: ${known.join(", ")})`};
    }
    case "required":
      return {key: key(`.${params.missingProperty}`), message: "required"};
    case "enum": {
      const known = (params.allowedValues as unknown[]).join(", ");
      return {
        key: key(),
        message: `unknown ${schema.title ?? "value"} ${JSON.stringify(error.data)} (known: ${known})`
      };
    }
    case "minimum":
    case "maximum":
      return {key: key(), message: `expected a number from ${schema.minimum} to ${schema.maximum}`};
    case "minLength":
      return {key: key(), message: "expected a non-empty string"};
    case "minProperties":
    case "minItems":
      return {key: key(), message: "must not be empty"};
    case "type":
      return {key: key(), message: `expected ${String(params.type).replace(",", " or ")}`};
    default:
      return {key: key(), message: error.message ?? "invalid"};
  }
}

function propertyNameProblem(path: string): string {
  if (path === ".files") return "file names are lower-case letters, digits and _";
  return `unknown field (the model's lead fields: ${leadFields.join(", ")})`;
}
