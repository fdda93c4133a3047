/** A simulation worker run in the test's own process, for the tests of the pages' simulation clients. */
import type {WorkerLike} from "../../src/lib/simulator/simulation-client.js";
import {simulationHost, type ClientMessage, type HostMessage} from "../../src/lib/simulator/simulation-host.js";

/**
 * A worker run in this process: messages copied (structuredClone, as postMessage does) and delivered on a later turn,
 * to the same host the real worker runs, taking one resample per step and posting every result. `answer` may replace
 * the host's answers.
 */
export function inProcessWorker(answer?: (message: ClientMessage) => HostMessage[]) {
  const sent: ClientMessage[] = [];
  const reply = (message: HostMessage) => {
    const copy = structuredClone(message);
    setTimeout(() => worker.terminated || worker.onmessage?.({data: copy}), 0);
  };
  const handle = simulationHost(reply, {stepMs: 0, reportMs: 0});
  const worker: WorkerLike & {terminated: boolean} = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(message) {
      sent.push(message);
      const copy = structuredClone(message);
      setTimeout(() => (answer ? answer(copy).forEach(reply) : handle(copy)), 0);
    },
    terminate: () => void (worker.terminated = true)
  };
  return {worker, sent};
}
