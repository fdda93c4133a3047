/**
 * The entry of the simulator page's worker (started by simulation-client.ts): its messages go to the simulation host.
 */
import {simulationHost, type ClientMessage, type HostMessage} from "./simulation-host.js";

/** The worker's global scope, as much of it as is used (the DOM typings describe a window's). */
const scope = self as unknown as {
  postMessage(message: HostMessage): void;
  onmessage: ((event: MessageEvent<ClientMessage>) => void) | null;
};
const handle = simulationHost((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
