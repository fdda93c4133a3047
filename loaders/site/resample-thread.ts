/**
 * The build's helper thread (started by helper-thread.ts): a simulation host answering on the parent port, as the
 * simulator page's helper worker answers its worker (src/lib/simulator/simulation-worker.ts).
 */
import {parentPort} from "node:worker_threads";
import {simulationHost, type ClientMessage} from "../../src/lib/simulator/simulation-host.js";

if (!parentPort) throw new Error("resample-thread.ts runs as a worker thread: see helper-thread.ts");
const port = parentPort;
// Between two steps the host lets the messages queued meanwhile in: a port's messages arrive before setImmediate's
// callbacks run.
const queuedMessages = () => new Promise<void>((resolve) => setImmediate(resolve));
const helping = simulationHost((answer) => port.postMessage(answer), {queuedMessages});
port.on("message", (message: ClientMessage) => helping(message));
