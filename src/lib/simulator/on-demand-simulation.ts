/**
 * A simulation worker started when a page first asks for one, not with the page. The scorecard reads the build's
 * level to hand off at (built-target.ts) while no filter is set and asks once its first chart is drawn: only then
 * are the worker started and the files only the simulation reads (the nurture histories, the later evidence)
 * fetched, so that a filter's selection later waits for its resamples only.
 */
import type {Extract} from "../core/extract.js";
import type {NurtureData} from "./nurture.js";
import {prestartWorker, simulationClient, type SimulationClient, type WorkerLike} from "./simulation-client.js";

/**
 * Returns the function that gives the page its simulation client: the first call starts the worker, sends it the
 * handoffs and, while it lays them out, has `load` fetch and decode the nurture histories (and the later evidence
 * into `extract`); every later call gets the same client. The worker stops when `disposed` resolves (the cell's
 * invalidation), started or not; a failed load fails this and every later call with its own reason.
 */
export function onDemandSimulation(
  extract: Extract,
  load: () => Promise<NurtureData>,
  disposed?: Promise<unknown>,
  start?: () => WorkerLike
): () => Promise<SimulationClient> {
  let client: Promise<SimulationClient> | undefined;
  let stopped = false;
  void disposed?.then(() => {
    stopped = true;
    void client?.then((started) => started.terminate()).catch(() => {});
  });
  const started = async () => {
    const worker = prestartWorker(disposed, start);
    worker.sendHandoffs(extract);
    let nurture: NurtureData;
    try {
      nurture = await load();
    } catch (error) {
      worker.dispose();
      throw error;
    }
    const simulation = simulationClient(extract, nurture, worker.take());
    if (stopped) simulation.terminate();
    return simulation;
  };
  return () => (client ??= started());
}
