/**
 * The simulator's second view of how far a deferred lead would climb: as the handoffs of its own stage did, watched
 * from the lead's creation through the time sales worked it (to the close, or the data end while open).
 *
 * The nurture model (nurture.ts) learns the climb from the leads marketing kept. Where the teams that hand off at
 * once get other leads than the teams that wait, those are the wrong leads to learn from: better ones (the
 * teams-differ scenario) let too many deferred leads reach k, worse ones (teams-reversed: the hot accounts go to
 * sales at once) too few. The handoffs of a stage are exactly the leads a stricter rule would defer from it, and
 * their evidence while sales worked them shows how they went on climbing, unless sales made that evidence itself
 * (the leakage scenario), when it shows too much. So each stage's climb is learned a second time from its own
 * handoffs' paths, with the same Aalen–Johansen estimator, and the intervals and the answer take both views in.
 * A won deal's path ends at its handoff: sales confirms the rungs of the deals it wins, and taking those in made
 * the leakage scenario undecided in 8 of 20 held-out seeds that it decided rightly (docs/simulator.md).
 */
import {handoffOutcomes} from "../core/model.js";
import type {FollowOrder} from "./expected-outcomes.js";
import type {NurtureData} from "./nurture.js";
import type {SimulatorExtract} from "./simulator-extract.js";

const open = handoffOutcomes.indexOf("open");
const wonCode = handoffOutcomes.indexOf("won");

/**
 * Every handoff of `rows` as a path in the nurture model's shape, laid out in the follow order (as the estimate's
 * weights are): watched from its lead's creation to its close (an open one to the data end; a won one, and one
 * closed before its handoff, a flagged contradiction, to the handoff), its evidence at whole hours from creation,
 * whether known at the handoff or found while sales worked it.
 */
export function ownPaths(extract: SimulatorExtract, rows: ArrayLike<number>, order: FollowOrder): NurtureData {
  const {outcome, hoursToHandoff, hoursToClose, hoursToDataEnd, evidenceHours, evidenceHoursAfter} = extract.columns;
  const types = extract.header.evidenceTypes.length;
  const n = order.byFollow.length;
  const hoursObserved = new Float64Array(n);
  const evidence = new Float32Array(n * types).fill(NaN);
  for (let m = 0; m < n; ++m) {
    const row = rows[order.byFollow[m]];
    const until = Number.isNaN(hoursToHandoff[row]) ? 0 : Math.floor(hoursToHandoff[row]);
    // A won deal is watched to its handoff only: what it showed later may be what sales confirmed in winning it.
    const won = outcome[row] === wonCode;
    const watched = outcome[row] === open ? hoursToDataEnd[row] : won ? 0 : hoursToClose[row];
    hoursObserved[m] = until + (Number.isNaN(watched) ? 0 : Math.floor(watched));
    for (let i = 0, at = row * types; i < types; ++i, ++at) {
      const before = evidenceHours[at];
      const after = evidenceHoursAfter[at];
      if (!Number.isNaN(before)) evidence[m * types + i] = Math.max(0, until + before);
      else if (!Number.isNaN(after) && !won) evidence[m * types + i] = until + after;
    }
  }
  return {rows: n, evidenceTypes: extract.header.evidenceTypes, hoursObserved, evidenceHours: evidence};
}
