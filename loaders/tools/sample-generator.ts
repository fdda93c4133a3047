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
import type {EvidenceType} from "../../src/lib/core/ladder.js";
import {handoffLadder} from "../../src/lib/core/ladder.js";
import {scorecard} from "../../src/lib/core/scorecard.js";

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

/** One generated lead, with personal fields that must never be published. */
export interface SampleLead {
  lead_id: string;
  created_at: number;
  campaign: string;
  source: string;
  segment: string;
  company_size: string;
  region: string;
  name: string;
  email: string;
  phone: string;
}

/** One generated event; `at` in epoch milliseconds (UTC). */
export interface SampleEvent {
  lead_id: string;
  at: number;
  type: string;
  value: string | null;
}

/** A small, fast, seedable PRNG (mulberry32) with the distributions the story needs. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  /** Log-normal with the given median and log-sd. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
  /** An index drawn with the given (unnormalised) weights. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let x = this.next() * total;
    for (let i = 0; i < weights.length; ++i) if ((x -= weights[i]) < 0) return i;
    return weights.length - 1;
  }
  /** One element, uniformly. */
  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)];
  }
  /** A Poisson count (Knuth; fine for the small means used here). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = this.next(); p > limit; p *= this.next()) ++k;
    return k;
  }
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
const rejectReasons = ["not ICP", "no need", "contact unreachable", "student or job seeker", "existing customer"];
const recycleReasons = ["not ready yet", "project postponed", "no budget this year", "wrong contact"];
const lostReasons = ["chose competitor", "no decision", "no budget", "timing", "price", "went silent"];

/** The survey's handoff mix, the target the generated levels are drawn around. */
const surveyMix = handoffLadder.levels.map((d) => d.surveyShare ?? 0);

/** Median days from creation to handoff, per level: deeper qualification takes longer. */
const daysToHandoff = [1.5, 6, 14, 28, 45];
/** Share of handoffs sales rejects outright, per level. */
const rejectRate = [0.24, 0.14, 0.08, 0.05, 0.03];
/** Share of handoffs sales sends back to marketing, per level. */
const recycleRate = [0.12, 0.1, 0.08, 0.05, 0.03];
/** Probability that an accepted handoff is won, per level, before campaign/segment/size effects. */
const baseWinRate = [0.05, 0.11, 0.19, 0.3, 0.42];
/** Median days from handoff to close, per level. */
const daysToClose = [70, 62, 55, 45, 38];

/** Each rung's evidence, in ladder order, for the default ladder (level 1 requires nothing). */
const rungs: EvidenceType[][] = handoffLadder.levels.map((d) => d.requires);

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

/** Odds-scaled probability: multiplies the odds of p by factor, which keeps the result inside (0, 1). */
function scaleOdds(p: number, factor: number): number {
  const odds = (p / (1 - p)) * factor;
  return odds / (1 + odds);
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
    const events = leadEvents(random, lead, campaign, segment.fit * size.fit, size.amount, end).filter(
      (e) => e.at <= end
    );
    yield {leads: [lead], events};
    if (options.messy && i % messyEvery === messyEvery - 1) yield messyRows(random, lead, events, i + 1);
  }
}

function leadEvents(
  random: Random,
  lead: SampleLead,
  campaign: Campaign,
  fit: number,
  amountMedian: number,
  end: number
): SampleEvent[] {
  const events: SampleEvent[] = [];
  const add = (at: number, type: string, value: string | null = null) =>
    events.push({lead_id: lead.lead_id, at: roundToMinute(at), type, value});
  const evidenceKnown = new Set<EvidenceType>();
  const learn = (at: number, type: EvidenceType) => {
    if (evidenceKnown.has(type)) return;
    evidenceKnown.add(type);
    add(at, type);
  };

  // About a fifth of leads never reach sales: they stay in nurture or marketing disqualifies them.
  if (random.chance(0.22 / campaign.source.quality)) {
    const t = lead.created_at + random.lognormal(8, 1) * day;
    if (random.chance(0.5)) learn(t, "icp_fit");
    if (random.chance(0.35)) add(t + random.uniform(1, 30) * day, "disqualified", random.pick(rejectReasons));
    return events;
  }

  const tilt = campaign.source.tilt;
  const mix = surveyMix.map((share, i) => share * Math.exp(tilt * (i - 2) * 0.35));
  let level = random.weighted(mix) + 1;
  let from = lead.created_at;
  for (let handoffNumber = 1; handoffNumber <= 3; ++handoffNumber) {
    const handoffAt = from + random.lognormal(daysToHandoff[level - 1], 0.7) * day;
    // Evidence for every rung up to the level, in order, before the handoff; now and then at the very same instant
    // (a form that both proves a fact and triggers the handoff).
    for (let rung = 2; rung <= level; ++rung) {
      for (const type of rungs[rung - 1]) {
        const sameInstant = rung === level && random.chance(0.08);
        const at = sameInstant ? handoffAt : from + ((rung - 1.5 + random.next()) / level) * (handoffAt - from);
        learn(Math.min(at, handoffAt), type);
      }
    }
    // Part of the next rung is known too, which is not enough to reach it; and now and then a fact from a higher
    // rung without a lower one (a budget known before the need), which the cumulative ladder must not count.
    const before = (days: number) => Math.max(from, handoffAt - days * day);
    if (level < 5 && rungs[level].length > 1 && random.chance(0.3))
      learn(before(random.uniform(0.1, 1)), random.pick(rungs[level]));
    if (level < 4 && random.chance(0.06)) learn(before(random.uniform(0.1, 2)), random.pick(rungs[4]));
    // Six in ten leads have the qualification scorecard filled in shortly before the handoff; its answers agree
    // with the evidence known by then (a top answer for a known fact, else partly or unknown).
    if (random.chance(0.6)) {
      const at = handoffAt - random.uniform(0.5, 6) * hour;
      for (const question of scorecard) {
        const known = question.proves !== null && evidenceKnown.has(question.proves);
        const option = known
          ? "confirmed"
          : question.proves === null
            ? random.pick(level >= 3 ? ["confirmed", "partly"] : ["partly", "unknown", "unknown"])
            : random.chance(0.35)
              ? "partly"
              : "unknown";
        add(Math.max(from, at), "scorecard", `${question.key}=${option}`);
      }
    }
    add(handoffAt, "handed_off");

    const quality = campaign.quality * fit * random.lognormal(1, 0.25);
    const reactAt = handoffAt + random.lognormal(0.4, 1) * day;
    if (random.chance(Math.min(0.6, rejectRate[level - 1] / Math.sqrt(quality)))) {
      add(reactAt, "rejected", random.pick(rejectReasons));
      return events;
    }
    add(reactAt, "accepted");
    // The first call comes hours to days after the handoff, and a fast one helps a little.
    const firstTouchAt = handoffAt + random.lognormal(10, 1.3) * hour;
    const speed = firstTouchAt - handoffAt <= 24 * hour ? 1.25 : firstTouchAt - handoffAt > 72 * hour ? 0.75 : 1;
    const touches = 1 + random.poisson(1.5 + level * 0.6);
    const recycled = random.chance(recycleRate[level - 1]);
    const won = !recycled && random.chance(scaleOdds(baseWinRate[level - 1], quality * speed));
    const closeAt = handoffAt + random.lognormal(daysToClose[level - 1] * (won ? 0.9 : 1.1), 0.6) * day;
    const reached = recycled ? Math.min(closeAt, handoffAt + random.uniform(5, 40) * day) : closeAt;
    let touchAt = firstTouchAt;
    for (let t = 0; t < touches && touchAt < reached; ++t) {
      add(touchAt, "sales_touch", formatHours(random.lognormal(0.9, 0.6)));
      touchAt += ((reached - firstTouchAt) / (touches + 1)) * random.uniform(0.5, 1.5);
    }
    // Sales learns what marketing did not know: the rest of the ladder, after the handoff (it must not count).
    for (let rung = level + 1; rung <= 5; ++rung) {
      if (!random.chance(won ? 0.8 : 0.35)) break;
      for (const type of rungs[rung - 1]) learn(handoffAt + random.uniform(0.2, 0.6) * (reached - handoffAt), type);
    }
    if (recycled) {
      add(reached, "recycled", random.pick(recycleReasons));
      // Some recycled leads come back after nurture, better qualified.
      if (handoffNumber < 3 && random.chance(0.45)) {
        from = reached + random.uniform(20, 120) * day;
        level = Math.min(5, level + (random.chance(0.6) ? 1 : 0));
        continue;
      }
      return events;
    }
    if (random.chance(0.25 + level * 0.12)) add(handoffAt + 0.3 * (reached - handoffAt), "opportunity");
    if (won) {
      const amount = Math.round(random.lognormal(amountMedian * (0.8 + level * 0.1), 0.5) / 100) * 100;
      add(reached, "won", String(amount));
    } else {
      add(reached, random.chance(0.1) ? "disqualified" : "lost", random.pick(lostReasons));
    }
    return events;
  }
  return events;
}

function roundToMinute(t: number): number {
  return Math.round(t / 60_000) * 60_000;
}

function formatHours(hours: number): string {
  return String(Math.max(0.25, Math.round(hours * 4) / 4));
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
