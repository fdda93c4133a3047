/**
 * The build's simulation on the machine's two cores: a worker thread computes resamples from the last down while
 * the build's own thread computes them from the first up, by the same messages and code as the simulator page's
 * worker and its helper (src/lib/simulator/simulation-helper.ts). At a million leads the build's answer
 * (handoff-target.json) resampled on one thread for about 6 of its 7.6 s (docs/simulator.md).
 */
import {availableParallelism, freemem} from "node:os";
import {Worker} from "node:worker_threads";
import {simulateInSteps, type SimulationResult} from "../../src/lib/simulator/decision.js";
import {awaitingHelp} from "../../src/lib/simulator/resamples.js";
import {HelperLink, type HeldPreparation} from "../../src/lib/simulator/simulation-helper.js";
import type {PortLike} from "../../src/lib/simulator/simulation-messages.js";
import type {SimulatorData} from "../../src/lib/simulator/simulator-data.js";
import type {SimulatorInputs} from "../../src/lib/simulator/simulator.js";

/** A started helper thread: the build's link to it, and how to end it. */
export interface HelperThread {
  link: HelperLink;
  /** Ends the thread (at once: whatever it still computes is not needed). */
  close(): Promise<void>;
}

/**
 * Starts the helper thread. Its modules are TypeScript, loaded through tsx's loader registered in the thread (tsx
 * registers it in the build's thread only). A thread that fails or ends loses the link: every run then computes
 * all of its resamples on the build's thread.
 */
export function startHelperThread(entry = new URL("./resample-thread.ts", import.meta.url)): HelperThread {
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const code = `import(${tsx}).then(({register}) => (register(), import(${JSON.stringify(entry.href)})))`;
  const worker = new Worker(code, {eval: true});
  const port: PortLike = {
    onmessage: null,
    postMessage: (message, transfer) => worker.postMessage(message, transfer as ArrayBuffer[] | undefined)
  };
  const link = new HelperLink(port);
  worker.on("message", (data) => port.onmessage?.({data}));
  worker.on("error", (error) => {
    process.stderr.write(`leadstage: the helper thread failed (${error.message}); resampling on one thread\n`);
    link.lose();
  });
  worker.on("exit", () => link.lose());
  return {link, close: async () => void (await worker.terminate())};
}

/**
 * Whether a helper thread pays: a second core, and free memory for the helper's copy of the data (`bytes`) with room
 * to spare (twice its size), so that a large build is never the one to run the machine out of memory.
 */
export function helperThreadPays(bytes: number): boolean {
  return availableParallelism() >= 2 && freemem() > 3 * bytes;
}

/**
 * simulate(data, inputs, {replicates}) with `link`'s helper computing from the last resample down (sent
 * `preparation`, the one `data` was prepared by): the same result, whoever computed which resample, and how many
 * resamples the helper computed.
 */
export async function simulateWithHelper(
  data: SimulatorData,
  inputs: SimulatorInputs,
  {replicates, link, preparation}: {replicates: number; link: HelperLink; preparation: HeldPreparation}
): Promise<{result: SimulationResult; helped: number}> {
  const shared = link.share(preparation.id, preparation, inputs, replicates);
  link.flush();
  let helped = 0;
  const take = shared.take.bind(shared);
  shared.take = () => {
    const taken = take();
    helped += taken.length;
    return taken;
  };
  let result: SimulationResult | undefined;
  for (const step of simulateInSteps(data, inputs, {replicates, budgetMs: 20, shared})) {
    if (step === awaitingHelp) await shared.delivered();
    else {
      result = step ?? result;
      // The helper's resamples and claims come in as messages, between two steps.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  link.stop(preparation.id);
  if (!result) throw new Error("a simulation yields its estimate first");
  return {result, helped};
}
