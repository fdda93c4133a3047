/**
 * One lead's story in the generated sample: marketing qualifies it up the ladder and hands it off; sales accepts,
 * rejects or recycles it, touches it and wins or loses; a recycled lead may come back better qualified. Every draw
 * is made in a fixed order from the generator's seeded stream, so the same seed tells the same stories byte for byte.
 */
import type {EvidenceType} from "../../src/lib/core/ladder.js";
import {handoffLadder} from "../../src/lib/core/ladder.js";
import {scorecard} from "../../src/lib/core/scorecard.js";
import type {Random} from "./sample-random.js";

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

const day = 86_400_000;
const hour = 3_600_000;

const rejectReasons = ["not ICP", "no need", "contact unreachable", "student or job seeker", "existing customer"];
const recycleReasons = ["not ready yet", "project postponed", "no budget this year", "wrong contact"];
const lostReasons = ["chose competitor", "no decision", "no budget", "timing", "price", "went silent"];

/** The survey's share of handoffs at each level, the mix the story is drawn near. */
const surveyMix = handoffLadder.levels.map((d) => d.surveyShare ?? 0);
/** Typical days from lead creation to handoff, per level. */
const daysToHandoff = [1.5, 6, 14, 28, 45];
/** Chance that sales rejects a handoff, per level (before the campaign's quality). */
const rejectRate = [0.24, 0.14, 0.08, 0.05, 0.03];
/** Chance that sales sends a handoff back to nurture, per level. */
const recycleRate = [0.12, 0.1, 0.08, 0.05, 0.03];
/** Win rate of accepted handoffs, per level (before quality and speed). */
const baseWinRate = [0.05, 0.11, 0.19, 0.3, 0.42];
/** Typical days from handoff to close, per level. */
const daysToClose = [70, 62, 55, 45, 38];
/** Each rung's evidence, in ladder order, for the default ladder (level 1 requires nothing). */
const rungs: EvidenceType[][] = handoffLadder.levels.map((d) => d.requires);

/** What the story needs of the lead's campaign and company. */
export interface LeadSetting {
  /** The source's quality (how many of its leads reach sales) and tilt (how far up it hands off). */
  source: {quality: number; tilt: number};
  /** The campaign's quality times the company's fit. */
  quality: number;
  /** The typical deal size for the company. */
  amountMedian: number;
}

/** A lead's events as they are written, and the evidence known so far (each fact is recorded once). */
class History {
  readonly events: SampleEvent[] = [];
  readonly known = new Set<EvidenceType>();
  constructor(private readonly leadId: string) {}

  add(at: number, type: string, value: string | null = null): void {
    this.events.push({lead_id: this.leadId, at: roundToMinute(at), type, value});
  }

  learn(at: number, type: EvidenceType): void {
    if (this.known.has(type)) return;
    this.known.add(type);
    this.add(at, type);
  }
}

/** The lead's events, up to three handoffs. */
export function leadEvents(random: Random, lead: SampleLead, setting: LeadSetting): SampleEvent[] {
  const history = new History(lead.lead_id);
  // About a fifth of leads never reach sales: they stay in nurture or marketing disqualifies them.
  if (random.chance(0.22 / setting.source.quality)) {
    const t = lead.created_at + random.lognormal(8, 1) * day;
    if (random.chance(0.5)) history.learn(t, "icp_fit");
    if (random.chance(0.35)) history.add(t + random.uniform(1, 30) * day, "disqualified", random.pick(rejectReasons));
    return history.events;
  }
  const mix = surveyMix.map((share, i) => share * Math.exp(setting.source.tilt * (i - 2) * 0.35));
  let level = random.weighted(mix) + 1;
  let from = lead.created_at;
  for (let handoffNumber = 1; handoffNumber <= 3; ++handoffNumber) {
    const handoffAt = from + random.lognormal(daysToHandoff[level - 1], 0.7) * day;
    qualify(random, history, level, from, handoffAt);
    if (random.chance(0.6)) fillScorecard(random, history, level, from, handoffAt);
    history.add(handoffAt, "handed_off");
    const recycledAt = salesWork(random, history, level, handoffAt, setting);
    // Some recycled leads come back after nurture, better qualified.
    if (recycledAt === null || handoffNumber === 3 || !random.chance(0.45)) break;
    from = recycledAt + random.uniform(20, 120) * day;
    level = Math.min(5, level + (random.chance(0.6) ? 1 : 0));
  }
  return history.events;
}

/** Marketing's evidence before a handoff at `level`. */
function qualify(random: Random, history: History, level: number, from: number, handoffAt: number): void {
  // Evidence for every rung up to the level, in order, before the handoff; now and then at the very same instant
  // (a form that both proves a fact and triggers the handoff).
  for (let rung = 2; rung <= level; ++rung) {
    for (const type of rungs[rung - 1]) {
      const sameInstant = rung === level && random.chance(0.08);
      const at = sameInstant ? handoffAt : from + ((rung - 1.5 + random.next()) / level) * (handoffAt - from);
      history.learn(Math.min(at, handoffAt), type);
    }
  }
  // Part of the next rung is known too, which is not enough to reach it; and now and then a fact from a higher
  // rung without a lower one (a budget known before the need), which the cumulative ladder must not count.
  const before = (days: number) => Math.max(from, handoffAt - days * day);
  if (level < 5 && rungs[level].length > 1 && random.chance(0.3)) {
    history.learn(before(random.uniform(0.1, 1)), random.pick(rungs[level]));
  }
  if (level < 4 && random.chance(0.06)) history.learn(before(random.uniform(0.1, 2)), random.pick(rungs[4]));
}

/**
 * The qualification scorecard, filled in shortly before the handoff (for six leads in ten); its answers agree with
 * the evidence known by then (a top answer for a known fact, else partly or unknown).
 */
function fillScorecard(random: Random, history: History, level: number, from: number, handoffAt: number): void {
  const at = handoffAt - random.uniform(0.5, 6) * hour;
  for (const question of scorecard) {
    const known = question.proves !== null && history.known.has(question.proves);
    const option = known
      ? "confirmed"
      : question.proves === null
        ? random.pick(level >= 3 ? ["confirmed", "partly"] : ["partly", "unknown", "unknown"])
        : random.chance(0.35)
          ? "partly"
          : "unknown";
    history.add(Math.max(from, at), "scorecard", `${question.key}=${option}`);
  }
}

/** What sales does with a handoff; the instant it was sent back to nurture, or null when it ended otherwise. */
function salesWork(random: Random, history: History, level: number, handoffAt: number, setting: LeadSetting) {
  const quality = setting.quality * random.lognormal(1, 0.25);
  const reactAt = handoffAt + random.lognormal(0.4, 1) * day;
  if (random.chance(Math.min(0.6, rejectRate[level - 1] / Math.sqrt(quality)))) {
    history.add(reactAt, "rejected", random.pick(rejectReasons));
    return null;
  }
  history.add(reactAt, "accepted");
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
    history.add(touchAt, "sales_touch", formatHours(random.lognormal(0.9, 0.6)));
    touchAt += ((reached - firstTouchAt) / (touches + 1)) * random.uniform(0.5, 1.5);
  }
  // Sales learns what marketing did not know: the rest of the ladder, after the handoff (it must not count).
  for (let rung = level + 1; rung <= 5; ++rung) {
    if (!random.chance(won ? 0.8 : 0.35)) break;
    for (const type of rungs[rung - 1])
      history.learn(handoffAt + random.uniform(0.2, 0.6) * (reached - handoffAt), type);
  }
  if (recycled) {
    history.add(reached, "recycled", random.pick(recycleReasons));
    return reached;
  }
  close(random, history, level, handoffAt, reached, won, setting.amountMedian);
  return null;
}

/** The end of a handoff sales kept: now and then an opportunity first, then won with an amount, or lost. */
function close(
  random: Random,
  history: History,
  level: number,
  handoffAt: number,
  reached: number,
  won: boolean,
  amountMedian: number
): void {
  if (random.chance(0.25 + level * 0.12)) history.add(handoffAt + 0.3 * (reached - handoffAt), "opportunity");
  if (won) {
    const amount = Math.round(random.lognormal(amountMedian * (0.8 + level * 0.1), 0.5) / 100) * 100;
    history.add(reached, "won", String(amount));
  } else {
    history.add(reached, random.chance(0.1) ? "disqualified" : "lost", random.pick(lostReasons));
  }
}

/** Odds-scaled probability: multiplies the odds of p by factor, which keeps the result inside (0, 1). */
function scaleOdds(p: number, factor: number): number {
  const odds = (p / (1 - p)) * factor;
  return odds / (1 + odds);
}

/** A time to the minute, as CRMs record them. */
export function roundToMinute(t: number): number {
  return Math.round(t / 60_000) * 60_000;
}

function formatHours(hours: number): string {
  return String(Math.max(0.25, Math.round(hours * 4) / 4));
}
