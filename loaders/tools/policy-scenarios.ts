/**
 * Ground truth for the policy simulator: the same seeded leads lived under any handoff policy.
 *
 * Each lead has a latent quality and a nurture path (the instants at which marketing would learn each rung of the
 * ladder, until the lead goes cold). A policy "hand off at level ≥ k" hands the lead to sales the moment its nurture
 * evidence reaches k; what sales then makes of it (win or loss, hours, amount, close date) is drawn from the lead's
 * own fixed random numbers, so one lead under two policies differs only by what the policy changes: when it is handed
 * off, at which level, and whether at all.
 *
 * The historical data of a scenario mixes rules as real companies do: each team hands off at its own level (near the
 * survey's mix), and one team tightens its rule halfway through. Everything after the data end is cut from the
 * history, so recent handoffs are open, but the truth of every policy counts each lead's full outcome.
 */
import {handoffLadder, type EvidenceType} from "../../src/lib/core/ladder.js";
import {Random, type SampleEvent, type SampleLead} from "./sample-generator.js";
import {scenarios, type ScenarioName, type ScenarioParameters} from "./policy-scenario-parameters.js";

export {scenarios, type ScenarioName, type ScenarioParameters};

const day = 86_400_000;
const hour = 3_600_000;

/** The true totals of one policy over the leads handed off in the history (their full outcomes). */
export interface PolicyTruth {
  k: number;
  handoffsToSales: number;
  deferred: number;
  wins: number;
  salesHours: number;
  revenue: number;
}

/** A scenario's history in the canonical model and the truth of every policy. */
export interface ScenarioRun {
  leads: SampleLead[];
  events: SampleEvent[];
  truth: PolicyTruth[];
  /** The data window, epoch milliseconds. */
  start: number;
  end: number;
}

/** Teams and the level each hands off at (near the survey's mix); team 2 tightens from 2 to 3 halfway through. */
const teams = [
  {name: "Team North", weight: 28, rule: () => 1},
  {name: "Team East", weight: 25, rule: (halfway: boolean) => (halfway ? 3 : 2)},
  {name: "Team South", weight: 25, rule: () => 3},
  {name: "Team West", weight: 11, rule: () => 4},
  {name: "Team Centre", weight: 11, rule: () => 5}
];

const levels = handoffLadder.levels.length;
const rungs: EvidenceType[][] = handoffLadder.levels.map((d) => d.requires);

/** A lead's latent life: what nurture would find when, and the fixed random numbers sales draws from. */
interface LatentLead {
  createdAt: number;
  quality: number;
  /** reachAt[s]: when the nurture evidence first classifies at level ≥ s (Infinity: never); reachAt[1] = created. */
  reachAt: number[];
  /** The team the lead belongs to and the level that team hands off at when the lead is created. */
  team: string;
  rule: number;
  draws: {win: number; close: number; hours: number; amount: number; delay: number; evidence: number[]};
}

/** What sales makes of a handoff at `at` on level `level`: fixed by the lead's draws. */
interface SalesOutcome {
  handoffAt: number;
  level: number;
  won: boolean;
  closeAt: number;
  hours: number;
  amount: number;
}

function latentLead(random: Random, p: ScenarioParameters, start: number, end: number): LatentLead {
  // Whole minutes, as every event is written, so that nothing is dated before the lead exists.
  const createdAt = Math.floor((start + random.next() * (end - start)) / 60_000) * 60_000;
  // A scenario whose teams differ picks the team first; the others keep their draws in the order they always had.
  const chosen = p.teamQuality ? teams[random.weighted(teams.map((t) => t.weight))] : undefined;
  const quality = Math.exp(p.qualitySpread * random.normal() + (chosen ? (p.teamQuality?.[chosen.name] ?? 0) : 0));
  const cold = createdAt + random.lognormal(p.daysToCold, 0.8) * day;
  const reachAt = [createdAt, createdAt];
  let level = random.chance(0.3) ? 2 : 1;
  let at = createdAt;
  if (level === 2) reachAt[2] = createdAt;
  const rate = Math.pow(quality, p.progressByQuality);
  while (level < levels) {
    at += (random.lognormal(p.daysPerLevel, 0.7) / rate) * day;
    const next = Math.min(levels, level + (random.chance(0.1) ? 2 : 1));
    for (let s = level + 1; s <= next; ++s) reachAt[s] = at < cold ? at : Infinity;
    level = next;
  }
  const halfway = createdAt > (start + end) / 2;
  const team = chosen ?? teams[random.weighted(teams.map((t) => t.weight))];
  const draws = {
    win: random.next(),
    close: random.normal(),
    hours: random.normal(),
    amount: random.normal(),
    delay: random.next(),
    evidence: Array.from({length: levels + 1}, () => random.next())
  };
  return {createdAt, quality, reachAt, team: team.name, rule: team.rule(halfway), draws};
}

/** The level the nurture evidence classifies at, at instant t. */
function levelAt(lead: LatentLead, t: number): number {
  let level = 1;
  for (let s = 2; s <= levels; ++s) if (lead.reachAt[s] <= t) level = s;
  return level;
}

/** Sales' outcome of handing `lead` off under rule `rule`, or null when nurture never reaches it. */
function handOff(lead: LatentLead, rule: number, p: ScenarioParameters): SalesOutcome | null {
  const reach = lead.reachAt[rule];
  if (!Number.isFinite(reach)) return null;
  // The handoff follows the evidence within hours (a day or so for a brand-new contact).
  const handoffAt = reach + (rule === 1 ? 2 + 46 * lead.draws.delay : 0.5 + 5 * lead.draws.delay) * hour;
  const level = levelAt(lead, handoffAt);
  const ageDays = (handoffAt - lead.createdAt) / day;
  const w = p.winLogOdds;
  const logOdds = w.base + w.quality * Math.log(lead.quality) + w.level * (level - 1) + (w.agePer30Days * ageDays) / 30;
  const won = lead.draws.win < 1 / (1 + Math.exp(-logOdds));
  const closeAt = handoffAt + (won ? 45 : 30) * Math.exp(0.6 * lead.draws.close) * day;
  const hours = Math.round((won ? p.hours.won : p.hours.lost) * Math.exp(0.4 * lead.draws.hours) * 4) / 4;
  const amount = Math.round((p.amount * Math.exp(0.5 * lead.draws.amount)) / 100) * 100;
  return {handoffAt, level, won, closeAt, hours, amount};
}

/** Generates a scenario's history (canonical leads and events) and the truth of every policy k = 1…L. */
export function generateScenario(
  name: ScenarioName,
  {leads: count, seed, start = "2024-01-01T00:00:00Z", end = "2025-12-31T23:59:59Z"}: ScenarioOptions
): ScenarioRun {
  const p: ScenarioParameters = scenarios[name];
  const random = new Random(seed);
  const from = Date.parse(start);
  const to = Date.parse(end);
  const leads: SampleLead[] = [];
  const events: SampleEvent[] = [];
  const truth: PolicyTruth[] = handoffLadder.levels.map((d) => ({
    k: d.level,
    handoffsToSales: 0,
    deferred: 0,
    wins: 0,
    salesHours: 0,
    revenue: 0
  }));
  const digits = String(count).length;
  for (let i = 0; i < count; ++i) {
    const lead = latentLead(random, p, from, to);
    const leadId = `S${String(i + 1).padStart(digits, "0")}`;
    leads.push(canonicalLead(leadId, lead));
    const actual = handOff(lead, lead.rule, p);
    const history = leadHistory(leadId, lead, actual, p).filter((e) => e.at <= to);
    events.push(...history);
    if (!actual || actual.handoffAt > to) continue;
    // The stage the pipeline will see: the level of the evidence known at the handoff.
    const stage = actual.level;
    for (const policy of truth) {
      const outcome = stage >= policy.k ? actual : handOff(lead, policy.k, p);
      if (stage < policy.k) policy.deferred++;
      if (!outcome) continue;
      policy.handoffsToSales++;
      policy.salesHours += outcome.hours;
      if (outcome.won) {
        policy.wins++;
        policy.revenue += outcome.amount;
      }
    }
  }
  return {leads, events, truth, start: from, end: to};
}

/** Options of {@link generateScenario}. */
export interface ScenarioOptions {
  leads: number;
  seed: number;
  start?: string;
  end?: string;
}

function canonicalLead(leadId: string, lead: LatentLead): SampleLead {
  return {
    lead_id: leadId,
    created_at: lead.createdAt,
    campaign: lead.team,
    source: "Scenario",
    segment: "All",
    company_size: "All",
    region: "All",
    name: "",
    email: "",
    phone: ""
  };
}

/** The events of one lead's history: nurture evidence, the handoff, and what sales did and found. */
function leadHistory(
  leadId: string,
  lead: LatentLead,
  outcome: SalesOutcome | null,
  p: ScenarioParameters
): SampleEvent[] {
  const events: SampleEvent[] = [];
  const add = (at: number, type: string, value: string | null = null) =>
    events.push({lead_id: leadId, at: Math.round(at / 60_000) * 60_000, type, value});
  // Nurture evidence: each rung at the instant the path reaches it, up to the handoff (or for good, without one).
  const nurtureUntil = outcome ? outcome.handoffAt : Infinity;
  const learned = new Set<number>();
  for (let s = 2; s <= levels; ++s) {
    const at = lead.reachAt[s];
    if (at <= nurtureUntil) {
      for (const type of rungs[s - 1]) add(at, type);
      learned.add(s);
    }
  }
  if (!outcome) return events;
  add(outcome.handoffAt, "handed_off");
  add(outcome.handoffAt + 6 * hour, "accepted");
  const span = outcome.closeAt - outcome.handoffAt;
  const touches = Math.max(1, Math.round(outcome.hours / 3));
  for (let t = 0; t < touches; ++t) {
    add(outcome.handoffAt + ((t + 0.5) / touches) * span, "sales_touch", String(outcome.hours / touches));
  }
  // Evidence after the handoff: what the lead's own path would have shown, or what sales work produces.
  for (let s = outcome.level + 1; s <= levels; ++s) {
    if (learned.has(s)) continue;
    const at = p.salesMadeEvidence
      ? lead.draws.evidence[s] < (outcome.won ? 0.9 : 0.15)
        ? outcome.handoffAt + lead.draws.evidence[s] * span
        : Infinity
      : lead.reachAt[s];
    if (at < outcome.closeAt) for (const type of rungs[s - 1]) add(at, type);
  }
  add(outcome.closeAt, outcome.won ? "won" : "lost", outcome.won ? String(outcome.amount) : "chose competitor");
  return events;
}
