/**
 * A deterministic generator of realistic lead histories in the canonical model, for the bundled sample, the tests
 * and the benchmark. Same options, same seed: the same histories, byte for byte.
 *
 * The story it tells: campaigns of uneven quality bring leads; marketing qualifies them up the ladder and hands them
 * off at a level drawn near the SiriusDecisions mix (better sources hand off later); sales accepts, rejects or
 * recycles; accepted handoffs get sales touches and are won with a probability that rises with the level but is noisy
 * (campaign, segment and size matter too); some recycled leads come back and are handed off again; whatever happens
 * after the end of the data window is not known, so recent handoffs stay open.
 */
import {Random} from "./sample-random.js";
import {leadEvents, roundToMinute, type SampleEvent, type SampleLead} from "./sample-story.js";

export {Random};
export type {SampleEvent, SampleLead};

/** Options of the generator. */
export interface SampleOptions {
  leads: number;
  seed: number;
  /** First instant leads are created (UTC). */
  start?: string;
  /** The end of the data window: nothing after it is written (UTC). */
  end?: string;
  /** Add a few broken rows of each kind the validator rejects, as real exports have. */
  messy?: boolean;
}

const day = 86_400_000;
const hour = 3_600_000;

/** Sources (channels): quality multiplies the odds of winning; tilt moves the handoff level up or down. */
const sources = [
  {name: "Paid search", weight: 18, quality: 0.9, tilt: 0, themes: ["Brand", "Generic", "Competitor", "Retargeting"]},
  {name: "Webinar", weight: 12, quality: 1.2, tilt: 0.3, themes: ["Cloud migration", "Security", "Data platform"]},
  {name: "Trade fair", weight: 9, quality: 1.05, tilt: 0.1, themes: ["Hannover Messe", "it-sa", "CeBIT Revival"]},
  {name: "Content download", weight: 20, quality: 0.7, tilt: -0.5, themes: ["Whitepaper", "Checklist", "Study"]},
  {name: "Partner referral", weight: 7, quality: 1.6, tilt: 0.8, themes: ["Reseller", "Consulting", "Alliance"]},
  {name: "Outbound list", weight: 16, quality: 0.55, tilt: -1, themes: ["Cold call", "Cold mail", "Intent data"]},
  {name: "Social ads", weight: 11, quality: 0.6, tilt: -0.5, themes: ["LinkedIn", "Xing", "Video"]},
  {name: "Demo request", weight: 7, quality: 1.5, tilt: 1, themes: ["Website", "Pricing page", "Chat"]}
] as const;

const segments = [
  {name: "Manufacturing", weight: 22, fit: 1.2},
  {name: "Retail & e-commerce", weight: 14, fit: 0.8},
  {name: "Financial services", weight: 12, fit: 1.1},
  {name: "Healthcare", weight: 9, fit: 0.9},
  {name: "Public sector", weight: 8, fit: 0.6},
  {name: "Software & IT", weight: 17, fit: 1.3},
  {name: "Logistics", weight: 10, fit: 1.0},
  {name: "Energy & utilities", weight: 8, fit: 0.9}
] as const;

const companySizes = [
  {name: "1-49", weight: 30, amount: 8_000, fit: 0.8},
  {name: "50-249", weight: 35, amount: 20_000, fit: 1.0},
  {name: "250-999", weight: 22, amount: 45_000, fit: 1.15},
  {name: "1000+", weight: 13, amount: 110_000, fit: 1.0}
] as const;

const regions = [
  {name: "DACH", weight: 45, phone: "+49"},
  {name: "Benelux", weight: 10, phone: "+31"},
  {name: "Nordics", weight: 9, phone: "+46"},
  {name: "UK & Ireland", weight: 12, phone: "+44"},
  {name: "France", weight: 9, phone: "+33"},
  {name: "Southern Europe", weight: 8, phone: "+39"},
  {name: "North America", weight: 7, phone: "+1"}
] as const;

const firstNames = ["Anna", "Ben", "Clara", "David", "Elif", "Finn", "Greta", "Hannes", "Ines", "Jonas", "Katrin"];
const lastNames = ["Becker", "Schmidt", "Yilmaz", "Novak", "Jansen", "Lindqvist", "Dubois", "Rossi", "Kowalski"];

interface Campaign {
  name: string;
  source: (typeof sources)[number];
  quality: number;
  opensAt: number;
  closesAt: number;
}

function makeCampaigns(random: Random, start: number, end: number): Campaign[] {
  const campaigns: Campaign[] = [];
  for (const source of sources) {
    const count = 6;
    for (let i = 0; i < count; ++i) {
      const theme = source.themes[i % source.themes.length];
      const opensAt = start + Math.floor(random.uniform(0, 0.75) * (end - start));
      const length = random.uniform(0.25, 1) * (end - start);
      const closesAt = Math.min(end, opensAt + length);
      const year = new Date(opensAt).getUTCFullYear();
      const quarter = Math.floor(new Date(opensAt).getUTCMonth() / 3) + 1;
      campaigns.push({
        name: `${source.name} · ${theme} ${year}-Q${quarter}${i >= source.themes.length ? " (2)" : ""}`,
        source,
        quality: source.quality * random.lognormal(1, 0.35),
        opensAt,
        closesAt
      });
    }
  }
  return campaigns;
}

/** A lead's rows (one lead, or more where a broken duplicate was added) and its events. */
export interface HistoryBatch {
  leads: SampleLead[];
  events: SampleEvent[];
}

/** Leads between two broken-row sets when `messy` is on. */
export const messyEvery = 2500;

/** The lead histories, one lead at a time, so that millions can be streamed into DuckDB. */
export function* generateLeadHistories(options: SampleOptions): Generator<HistoryBatch> {
  const random = new Random(options.seed);
  const start = Date.parse(options.start ?? "2024-01-01T00:00:00Z");
  const end = Date.parse(options.end ?? "2025-12-31T23:59:59Z");
  const campaigns = makeCampaigns(random, start, end);
  const digits = String(options.leads).length;
  for (let i = 0; i < options.leads; ++i) {
    // Volume grows over the window: the square root skews creation dates towards the end.
    const createdAt = roundToMinute(start + Math.sqrt(random.next()) * (end - start));
    const active = campaigns.filter((c) => c.opensAt <= createdAt && createdAt <= c.closesAt);
    const campaign = active.length > 0 ? active[random.weighted(active.map((c) => c.source.weight))] : campaigns[0];
    const segment = segments[random.weighted(segments.map((d) => d.weight))];
    const size = companySizes[random.weighted(companySizes.map((d) => d.weight))];
    const region = regions[random.weighted(regions.map((d) => d.weight))];
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const leadId = `L${String(i + 1).padStart(digits, "0")}`;
    const lead: SampleLead = {
      lead_id: leadId,
      created_at: createdAt,
      campaign: campaign.name,
      source: campaign.source.name,
      segment: segment.name,
      company_size: size.name,
      region: region.name,
      name: `${first} ${last}`,
      email: `${first}.${last}.${i + 1}@lead.invalid`.toLowerCase(),
      phone: `${region.phone} ${String(100000000 + Math.floor(random.next() * 899999999))}`
    };
    const setting = {
      source: campaign.source,
      quality: campaign.quality * (segment.fit * size.fit),
      amountMedian: size.amount
    };
    const events = leadEvents(random, lead, setting).filter((e) => e.at <= end);
    yield {leads: [lead], events};
    if (options.messy && i % messyEvery === messyEvery - 1) yield messyRows(random, lead, events, i + 1);
  }
}

/**
 * Broken rows of each kind the validator rejects, as real exports have them, so that the sample shows the rejects
 * report at work: a duplicated lead row, a duplicated event, an unknown event type, an event for a lead that is not
 * in the file, evidence dated before the lead existed, and negative sales hours.
 */
function messyRows(random: Random, lead: SampleLead, events: SampleEvent[], n: number): HistoryBatch {
  const someEvent = events.length > 0 ? random.pick(events) : null;
  return {
    leads: [{...lead, name: `${lead.name} (duplicate)`}],
    events: [
      ...(someEvent ? [{...someEvent}] : []),
      {lead_id: lead.lead_id, at: lead.created_at + hour, type: "meeting_booked", value: null},
      {lead_id: `X${n}`, at: lead.created_at + hour, type: "handed_off", value: null},
      {lead_id: lead.lead_id, at: lead.created_at - 3 * day, type: "icp_fit", value: null},
      {lead_id: lead.lead_id, at: lead.created_at + day, type: "sales_touch", value: "-1.5"}
    ]
  };
}
