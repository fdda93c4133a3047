/**
 * What the scorecard tells about handoffs: how scores spread per level, how often each score band was won (a
 * calibration: does a higher score mean a likelier win?), which questions separate won from lost, and, for the lead
 * check, what comparable handoffs did and what a lead still lacks.
 */
import {missing, type DetailedExtract} from "../core/extract.js";
import {
  evidenceTypes,
  stageAtHandoff,
  type EvidenceOffsets,
  type EvidenceType,
  type HandoffLadder
} from "../core/ladder.js";
import {outcomeCode, splitCounts, type Denominator} from "../core/measures.js";
import {evidenceOf, scoreBands, scoreOf, scorecard, topOption, type ScorecardAnswers} from "../core/scorecard.js";
import {quantileSorted} from "d3-array";
import {medianWithInterval, wilson, type Proportion, type MedianInterval} from "../core/stats.js";

/** Whether a handoff had scorecard answers at handoff. */
export function hasScore(extract: DetailedExtract, row: number): boolean {
  return extract.columns.score[row] !== missing.u8;
}

/**
 * Whether any handoff of the whole extract (not only the filtered ones) had scorecard answers: an export without any
 * (Olist's) has nothing for the scorecard page to analyse, which the page says once instead of drawing empty charts.
 */
export function scorecardRecorded(extract: DetailedExtract): boolean {
  for (let row = 0; row < extract.rows; ++row) if (hasScore(extract, row)) return true;
  return false;
}

/** One level's scorecard points at handoff: n and quartiles (null without a scored handoff). */
export interface LevelScores {
  level: number;
  n: number;
  p25: number | null;
  median: number | null;
  p75: number | null;
}

/** Scores at handoff per level: n and quartiles, for handoffs that had the scorecard. */
export function scoresByLevel(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  stages: ArrayLike<number>,
  levels: number[]
): LevelScores[] {
  const sorted = sortedScores(extract, rows, stages, levels);
  return levels.map((level, i) => {
    const scores = sorted[i] as unknown as number[];
    const q = (p: number) => quantileSorted(scores, p) ?? null;
    return {level, n: scores.length, p25: q(0.25), median: q(0.5), p75: q(0.75)};
  });
}

/**
 * The scores at handoff of the scored handoffs among `rows` at each of `levels`, sorted: counted per score (whole
 * points below 255) in one pass, then laid out in order. Filtering, copying and sorting the rows once per level
 * took ~280 ms of the scorecard page at a million leads (docs/page-speed.md).
 */
function sortedScores(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  stages: ArrayLike<number>,
  levels: number[]
): Uint8Array[] {
  const counts = levels.map(() => new Uint32Array(missing.u8));
  const slot = new Map(levels.map((level, i) => [level, counts[i]]));
  const score = extract.columns.score;
  for (let i = 0; i < rows.length; ++i) {
    const row = rows[i];
    const tally = slot.get(stages[row]);
    if (tally && score[row] !== missing.u8) tally[score[row]]++;
  }
  return counts.map((tally) => {
    const sorted = new Uint8Array(tally.reduce((n, d) => n + d, 0));
    for (let value = 0, at = 0; value < tally.length; at += tally[value++]) sorted.fill(value, at, at + tally[value]);
    return sorted;
  });
}

/** Win rate per score band, with its interval: the scorecard's calibration. */
export function winRateByScoreBand(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  denominator: Denominator = "closed"
) {
  return scoreBands.map((band) => {
    let won = 0;
    let n = 0;
    let handoffs = 0;
    for (let i = 0; i < rows.length; ++i) {
      const row = rows[i];
      if (!hasScore(extract, row)) continue;
      const score = extract.columns.score[row];
      if (score < band.lo || score > band.hi) continue;
      handoffs++;
      const outcome = extract.columns.outcome[row];
      if (denominator === "closed" && outcome === outcomeCode.open) continue;
      n++;
      if (outcome === outcomeCode.won) won++;
    }
    return {label: band.label, handoffs, winRate: wilson(won, n)};
  });
}

/** One question's power to separate won from lost: win rate with its top answer versus without, and their ratio. */
export interface QuestionLift {
  question: string;
  top: Proportion;
  other: Proportion;
  /** top rate ÷ other rate, with an approximate 95% interval (log method); null when a side is empty or zero. */
  lift: {value: number; lo: number; hi: number} | null;
}

/** The lift of each question's top answer, over closed handoffs that had the scorecard. */
export function questionLifts(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  denominator: Denominator = "closed"
): QuestionLift[] {
  return scorecard.map((question, qi) => {
    const topCode = question.options.indexOf(topOption(question)) + 1;
    const answers = extract.columns.scorecardAnswers;
    const {yes, no} = splitCounts(extract, rows, denominator, (row) =>
      hasScore(extract, row) ? ((answers[row] >>> (2 * qi)) & 3) === topCode : null
    );
    const [wonTop, nTop, wonOther, nOther] = [yes.won, yes.n, no.won, no.n];
    const top = wilson(wonTop, nTop);
    const other = wilson(wonOther, nOther);
    let lift = null;
    if (wonTop > 0 && wonOther > 0) {
      const value = top.rate! / other.rate!;
      // Katz's log interval for a ratio of two proportions.
      const se = Math.sqrt(1 / wonTop - 1 / nTop + 1 / wonOther - 1 / nOther);
      lift = {value, lo: value * Math.exp(-1.96 * se), hi: value * Math.exp(1.96 * se)};
    }
    return {question: question.key, top, other, lift};
  });
}

/** The median score at handoff of handoffs at `level` or above: the score that matches a level threshold. */
export function scoreThresholdFor(
  extract: DetailedExtract,
  rows: ArrayLike<number>,
  stages: ArrayLike<number>,
  level: number
): {score: number; n: number} | null {
  const [scores] = sortedScores(extract, rows, stages, [level]);
  if (scores.length === 0) return null;
  return {score: scores[Math.floor(scores.length / 2)], n: scores.length};
}

/** What the lead check shows for a set of answers. */
export interface LeadCheck {
  score: number;
  level: number;
  evidence: EvidenceType[];
  /** Evidence the next level up still needs (empty at the top). */
  missingForNext: EvidenceType[];
  /** Evidence the recommended level still needs. */
  missingForTarget: EvidenceType[];
  handOffNow: boolean;
  /**
   * Past handoffs at the same level with a score in the same band (`band`), or at the same level alone where no
   * handoff of the data has scorecard points (`band` null): Olist's export has none, and a band of them matched
   * nothing, which read "none in the data" beside 8,000 handoffs at the lead's level.
   */
  comparable: {
    band: {lo: number; hi: number} | null;
    handoffs: number;
    winRate: Proportion;
    medianDaysToWin: MedianInterval | null;
  };
}

/**
 * The lead check: the level the answers reach on `ladder` (the shared classifier, the answers' evidence as known
 * now), the score, how comparable past handoffs went, and whether to hand off at `targetLevel`. Their rate is over
 * closed handoffs, or over all of them (`denominator` "all") where the data records no loss: there every closed
 * handoff is a win, and the rate over closed ones would read 100%.
 */
export function checkLead(
  answers: ScorecardAnswers,
  ladder: HandoffLadder,
  targetLevel: number,
  extract: DetailedExtract,
  stages: ArrayLike<number>,
  denominator: Denominator = "closed"
): LeadCheck {
  const evidence = evidenceOf(answers);
  const offsets: EvidenceOffsets = Object.fromEntries(
    evidenceTypes.map((type) => [type, evidence.includes(type) ? 0 : null])
  );
  const level = stageAtHandoff(offsets, ladder);
  const score = scoreOf(answers);
  const needed = (k: number) =>
    ladder.levels
      .filter((d) => d.level <= k)
      .flatMap((d) => d.requires)
      .filter((type) => !evidence.includes(type));
  const band = scorecardRecorded(extract) ? scoreBands.find((b) => score >= b.lo && score <= b.hi)! : null;
  const similar: number[] = [];
  for (let row = 0; row < extract.rows; ++row) {
    if (stages[row] !== level) continue;
    if (band === null) similar.push(row);
    else if (hasScore(extract, row) && extract.columns.score[row] >= band.lo && extract.columns.score[row] <= band.hi)
      similar.push(row);
  }
  let won = 0;
  let closed = 0;
  const daysToWin: number[] = [];
  for (const row of similar) {
    const outcome = extract.columns.outcome[row];
    if (denominator === "closed" && outcome === outcomeCode.open) continue;
    closed++;
    if (outcome === outcomeCode.won) {
      won++;
      if (!Number.isNaN(extract.columns.hoursToClose[row])) daysToWin.push(extract.columns.hoursToClose[row] / 24);
    }
  }
  return {
    score,
    level,
    evidence,
    missingForNext: level < ladder.levels.length ? needed(level + 1) : [],
    missingForTarget: needed(targetLevel),
    handOffNow: level >= targetLevel,
    comparable: {
      band: band && {lo: band.lo, hi: band.hi},
      handoffs: similar.length,
      winRate: wilson(won, closed),
      medianDaysToWin: medianWithInterval(daysToWin)
    }
  };
}
