/**
 * The entry of the simulator page's worker (started by simulation-client.ts): its messages go to the simulation host.
 * The same script runs the worker's helper: sent a port ("assist"), it takes its messages from the port instead and
 * answers there.
 */
import {simulationHost, type ClientMessage, type HostMessage} from "./simulation-host.js";

/** The worker's global scope, as much of it as is used (the DOM typings describe a window's). */
const scope = self as unknown as {
  postMessage(message: HostMessage): void;
  onmessage: ((event: MessageEvent<ClientMessage>) => void) | null;
};

// Between two steps the host waits for a message it sends itself. A page's message queued during the step was
// queued first, and is handled first (no timer's 4 ms minimum in between).
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const queuedMessages = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

const handle = simulationHost((message) => scope.postMessage(message), {queuedMessages});
scope.onmessage = ({data: message}) => {
  if (message.kind !== "assist") return handle(message);
  const {port} = message;
  const helping = simulationHost((answer) => port.postMessage(answer), {queuedMessages});
  port.onmessage = ({data}) => helping(data as ClientMessage);
};
