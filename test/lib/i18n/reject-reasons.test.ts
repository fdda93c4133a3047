import {describe, expect, it} from "vitest";
import {en, type MessageKey} from "../../../src/lib/i18n/en.js";
import {dateFormatsText} from "../../../src/lib/core/date-formats-text.js";
import {fieldText, formatsText, reasonForm, reasonText} from "../../../src/lib/i18n/reject-reasons.js";

describe("reasonText", () => {
  it("translates a reason with the values the pipeline wrote into it", () => {
    expect(reasonText("date after the export date (2025-01-10)", "de")).toBe("Datum nach dem Exportdatum (2025-01-10)");
    expect(reasonText("unparseable date (expected ISO 8601, %d.%m.%Y)", "de")).toBe(
      "Datum nicht lesbar (erwartet: ISO 8601, %d.%m.%Y)"
    );
    expect(reasonText("matches no lead in contacts.csv", "de")).toBe("passt zu keinem Lead in contacts.csv");
    expect(reasonText("duplicate event", "de")).toBe("doppeltes Ereignis");
  });

  it("translates the list of date formats an unparseable date should have had, the ISO examples included", () => {
    const formats = dateFormatsText(["DD.MM.YYYY HH:mm", "DD.MM.YYYY", "ISO 8601"]);
    expect(formats).toBe("DD.MM.YYYY HH:mm or DD.MM.YYYY or ISO 8601, e.g. 2025-03-31 or 2025-03-31T14:05:00Z");
    expect(reasonText(`unparseable date (expected ${formats})`, "de")).toBe(
      "Datum nicht lesbar (erwartet: DD.MM.YYYY HH:mm oder DD.MM.YYYY oder ISO 8601, z. B. 2025-03-31 oder " +
        "2025-03-31T14:05:00Z)"
    );
    expect(formatsText(dateFormatsText(["ISO 8601", "%m/%d/%Y"]), "de")).toBe(
      "ISO 8601, z. B. 2025-03-31 oder 2025-03-31T14:05:00Z oder %m/%d/%Y"
    );
    expect(formatsText(formats, "en")).toBe(formats);
  });

  it("gives the pipeline's own text in English", () => {
    expect(reasonText("lead_id too long (over 200 characters)", "en")).toBe("lead_id too long (over 200 characters)");
  });

  it("shows a text it does not know as it is", () => {
    expect(reasonText("a reason from a newer pipeline", "de")).toBe("a reason from a newer pipeline");
    expect(reasonForm("duplicate event (and more)")).toBeUndefined();
  });

  it("recognises every form by its own message, never by a looser one", () => {
    const keys = (Object.keys(en) as MessageKey[]).filter((k) => k.startsWith("reason."));
    expect(keys.length).toBeGreaterThanOrEqual(30);
    for (const key of keys) {
      const filled = en[key].replace(/\{(\w+)\}/g, (_, name: string) => `${name} 7 (x)`);
      expect(reasonForm(filled), key).toEqual({
        key,
        values: Object.fromEntries([...en[key].matchAll(/\{(\w+)\}/g)].map((m) => [m[1], `${m[1]} 7 (x)`]))
      });
    }
  });
});

describe("fieldText", () => {
  it("translates the pipeline's descriptions of a column and leaves a file's own column names alone", () => {
    expect(fieldText("(whole row)", "de")).toBe("(ganze Zeile)");
    expect(fieldText("campaign, source, segment, company_size or region", "de")).toBe(
      "campaign, source, segment, company_size oder region"
    );
    expect(fieldText("Contact ID", "de")).toBe("Contact ID");
    expect(fieldText("(whole row)", "en")).toBe("(whole row)");
  });
});
