/**
 * An .xlsx workbook is a zip of XML parts. yauzl opens the zip at its central directory, so parts are read in the
 * order the reading needs (the workbook, its styles and shared strings before a sheet), whatever order the writer
 * stored them in, and saxes parses each part as it is inflated: no part is ever held whole as one string.
 */
import {posix} from "node:path";
import {SaxesParser, type SaxesTagPlain} from "saxes";
import {InputError} from "./input.js";
import yauzl from "yauzl";

/** What a part's parse hears: tags by their local name (`x:row` is a `row`), text (and CDATA) with entities decoded. */
export interface PartHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** An open workbook zip: its parts by path, each parsed on demand. */
export interface WorkbookZip {
  /** Whether the zip holds the part (paths as the zip stores them, e.g. `xl/workbook.xml`). */
  has(path: string): boolean;
  /**
   * Streams the part through an XML parser; an error names the part. `afterChunk` runs after each inflated chunk is
   * parsed, so that what the handlers made of it can be written out (and the writer's backpressure awaited).
   */
  parse(path: string, handlers: PartHandlers, afterChunk?: () => Promise<void> | void): Promise<void>;
  close(): void;
}

/** A tag's name without its namespace prefix. */
const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** Opens the zip at `path` (an error for a file that is no zip). */
export async function openWorkbookZip(path: string): Promise<WorkbookZip> {
  const zip = await yauzl.openPromise(path, {autoClose: false});
  const entries = new Map<string, yauzl.Entry>();
  try {
    // OPC part names compare without case; writers differ ("xl/SharedStrings.xml").
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName.toLowerCase(), entry);
  } catch (error) {
    zip.close();
    throw error;
  }
  return {
    has: (part) => entries.has(part.toLowerCase()),
    async parse(part, handlers, afterChunk) {
      const entry = entries.get(part.toLowerCase());
      if (!entry) throw new Error(`the workbook has no part ${part}`);
      const parser = new SaxesParser();
      if (handlers.open) {
        const open = handlers.open;
        parser.on("opentag", (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes));
      }
      // A CDATA section is text too (a writer may wrap a string in one).
      if (handlers.text) {
        parser.on("text", handlers.text);
        parser.on("cdata", handlers.text);
      }
      if (handlers.close) {
        const close = handlers.close;
        parser.on("closetag", (tag: SaxesTagPlain) => close(localName(tag.name)));
      }
      const decoder = new TextDecoder("utf-8", {fatal: true});
      try {
        for await (const chunk of await zip.openReadStreamPromise(entry)) {
          parser.write(decoder.decode(chunk as Uint8Array, {stream: true}));
          await afterChunk?.();
        }
        parser.write(decoder.decode()).close();
      } catch (error) {
        if (error instanceof InputError) throw error; // a handler's own, already naming what to mend
        throw new Error(`${part}: ${(error as Error).message.split("\n")[0]}`);
      }
    },
    close: () => zip.close()
  };
}

/**
 * A relationship's target as a part path: relative to the folder of the part whose relationships it is
 * (`worksheets/sheet1.xml` of `xl/workbook.xml` is `xl/worksheets/sheet1.xml`), or from the root when it starts
 * with a slash.
 */
export function relationshipTarget(sourcePart: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : posix.join(posix.dirname(sourcePart), target);
  return posix.normalize(path);
}

/** The path of a part's relationships: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relationshipsPart(part: string): string {
  return posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);
}

/** A part's relationships, by ID: the target's part path and the relationship type's last word ("worksheet"). */
export async function readRelationships(
  zip: WorkbookZip,
  part: string
): Promise<Map<string, {target: string; type: string}>> {
  const relationships = new Map<string, {target: string; type: string}>();
  const rels = relationshipsPart(part);
  if (!zip.has(rels)) return relationships;
  await zip.parse(rels, {
    open(name, attributes) {
      if (name !== "Relationship" || attributes.TargetMode === "External") return;
      const type = (attributes.Type ?? "").split("/").pop()!;
      relationships.set(attributes.Id, {target: relationshipTarget(part, attributes.Target ?? ""), type});
    }
  });
  return relationships;
}
