/**
 * The simulation worker's side of its messages: a SimulationSession driven by the page's requests. The bootstrap's
 * resamples take a tenth to a quarter of a second each at a million leads; run here, between the page's turns, they
 * held up every click and every redraw after a ladder edit. Between two steps the host lets queued messages in, so
 * a newer preparation or run stops the one in progress after at most one step.
 */
import {SimulationSession} from "./simulation-session.js";
import {layOutAllHandoffs} from "./simulator-data.js";
import type {SimulatorExtract} from "./simulator-extract.js";
import {awaitingHelp, bootstrapSeed} from "./resamples.js";
import {HelperLink, type HeldPreparation} from "./simulation-helper.js";
import type {ClientMessage, HostMessage, PortLike} from "./simulation-messages.js";

export type {ClientMessage, HostMessage} from "./simulation-messages.js";

/**
 * Milliseconds of resampling per step: a newer request waits this long, and at most one phase of a resample more
 * (20–40 ms at a million leads).
 */
const defaultStepMs = 20;

/**
 * Milliseconds between two of a run's results posted to the page (its estimate and its final result go at once):
 * each redraws the page's table and charts, and at a million leads, where two workers resample (a result every
 * 60 ms), that redrawing took the cores the workers need: the answer came after 25 s posting every result, 15 s
 * posting four a second in a first measurement; later the 200 resamples took 17.4 s posting four a second and
 * 15.3 s posting one (medians of five runs; docs/simulator.md).
 */
const defaultReportMs = 1000;

/**
 * Milliseconds a run goes on before its helper is sent its share: a reader editing the ladder starts a run at every
 * click, and those never wait for a helper (a run shorter than this computes every resample itself).
 */
const defaultHelperDelayMs = 1000;

/**
 * Lets the messages queued meanwhile be handled before the next step. A worker passes one built on a MessageChannel:
 * setTimeout's nested calls wait at least 4 ms each, a tenth of the resampling time at this step length.
 */
const afterTimeout = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The host: returns the handler of the page's messages, answering through `post` (`stepMs` 0: one phase of a
 * resample a step; `reportMs` 0: every result posted; `helperDelayMs` 0: the helper's share sent with the first
 * report after the estimate); `queuedMessages` resolves once the messages queued meanwhile have been handled. A host
 * sent a helper's port shares each run with that helper; a host that is a helper answers its worker's "resamples".
 */
export function simulationHost(
  post: (message: HostMessage) => void,
  {
    stepMs = defaultStepMs,
    reportMs = defaultReportMs,
    helperDelayMs = defaultHelperDelayMs,
    queuedMessages = afterTimeout
  } = {}
): (message: ClientMessage) => void {
  const host = new Host(post, {stepMs, reportMs, helperDelayMs}, queuedMessages);
  return (message) => host.handle(message);
}

/** A resampling run's request: the page's run, or a helper's share of one. */
type RunRequest = Extract<ClientMessage, {kind: "run" | "resamples"}>;

/** The state behind simulationHost's handler. */
class Host {
  private extract?: SimulatorExtract;
  private nurture?: Extract<ClientMessage, {kind: "nurture"}>;
  private session?: SimulationSession;
  /** Why the data sent could not be taken: every preparation then fails with it. */
  private unloaded?: Error;
  /** The latest preparation's id; the preparation itself, its rows resolved, unless it failed, and why. */
  private prepared = 0;
  private preparation?: HeldPreparation;
  private unprepared?: Error;
  /** The rows of the latest preparation that named them, for the next one that names none. */
  private rows?: ArrayLike<number>;
  /** The run that may take its next step (0: none). */
  private running = 0;
  /** A helper's share: the first resample its worker has not started (the share goes down to it). */
  private floor = 0;
  private helper?: HelperLink;

  constructor(
    private readonly post: (message: HostMessage) => void,
    private readonly pace: {stepMs: number; reportMs: number; helperDelayMs: number},
    private readonly queuedMessages: () => Promise<void>
  ) {}

  handle(message: ClientMessage): void {
    const id = "id" in message ? message.id : 0;
    try {
      this.take(message);
    } catch (error) {
      const reason = error instanceof Error ? error : new Error(String(error));
      if (message.kind === "prepare") this.unprepared = reason;
      else if (message.kind === "handoffs" || message.kind === "nurture")
        [this.session, this.unloaded] = [undefined, reason];
      this.fail(id, error);
    }
  }

  private take(message: ClientMessage): void {
    if (message.kind === "handoffs") {
      [this.extract, this.session, this.unloaded] = [message.extract, undefined, undefined];
      this.helper?.send(message);
      // While the page decodes the rest, what every preparation of all the handoffs reads first.
      layOutAllHandoffs(message.extract);
    } else if (message.kind === "nurture") {
      if (!this.extract) throw new Error("the simulation was sent its nurture histories before its handoffs");
      this.nurture = message;
      this.helper?.send(message);
      // Into the same columns: what was laid out for them is found again by the extract.
      this.extract.columns.evidenceHoursAfter = message.evidenceHoursAfter;
      this.session = new SimulationSession(this.extract, message.nurture);
    } else if (message.kind === "prepare") this.prepare(message);
    else if (message.kind === "run" || message.kind === "resamples") {
      this.stopRunning();
      this.running = message.id;
      this.run(message).catch((error) => {
        if (this.running === message.id) this.running = 0;
        this.helper?.stop(message.id);
        this.fail(message.id, error);
      });
    } else if (message.kind === "progress") {
      if (this.running === message.id) this.floor = Math.max(this.floor, message.from);
    } else if (message.kind === "stop") {
      if (this.running === message.id) this.stopRunning(false);
    } else if (message.kind === "helper") this.linkHelper(message.port);
    else if (message.kind === "helperLost") this.helper?.lose();
  }

  private prepare({id, rows, table, levels, estimate}: Extract<ClientMessage, {kind: "prepare"}>): void {
    this.stopRunning();
    [this.prepared, this.preparation, this.unprepared] = [id, undefined, undefined];
    if (!this.session) throw this.unloaded ?? new Error("the simulation was asked to prepare before its data arrived");
    this.rows = rows ?? this.rows;
    if (!this.rows) throw new Error("the first preparation must name its rows");
    const preparation = {id, rows: this.rows, table, levels};
    this.session.prepare(preparation, estimate ?? true);
    this.preparation = preparation;
  }

  private linkHelper(port: PortLike): void {
    this.helper = new HelperLink(port);
    if (this.extract) this.helper.send({kind: "handoffs", extract: this.extract});
    if (this.nurture) this.helper.send(this.nurture);
  }

  private async run(request: RunRequest): Promise<void> {
    const {id, prepared, inputs, replicates} = request;
    const preparation = this.preparation;
    if (this.unprepared && prepared === this.prepared) throw this.unprepared;
    if (!this.session || !preparation || prepared !== preparation.id) {
      throw new Error(`run ${id} asks for preparation ${prepared}, not the latest`);
    }
    if (request.kind === "resamples") return this.share(request);
    // The helper, if there is one, computes from the last resample down while this run computes from the first up.
    const shared =
      this.helper && !this.helper.lost && preparation.rows.length > 0 && replicates > 0
        ? this.helper.share(id, preparation, inputs, replicates)
        : undefined;
    let reported = -Infinity;
    const started = performance.now();
    for (const result of this.session.run(inputs, {replicates, budgetMs: this.pace.stepMs, shared})) {
      if (result === awaitingHelp) {
        this.helper?.flush();
        await shared?.delivered();
      }
      const done = result !== null && result !== awaitingHelp && result.decision.kind !== "pending";
      const now = performance.now();
      if (result && result !== awaitingHelp && (done || !result.replicates || now - reported >= this.pace.reportMs)) {
        this.post({kind: "result", id, result, done});
        reported = now;
        // The helper gets its data and its share once the run has gone on for a while, not while the reader is still
        // editing: its preparation holds a core for up to half a second at a million leads, which slowed ladder
        // edits made one after the other (docs/simulator.md).
        if (now - started >= this.pace.helperDelayMs) this.helper?.flush();
      }
      if (done) break;
      await this.queuedMessages();
      if (this.running !== id) return;
    }
    this.running = 0;
    // A share the helper was never sent, or has not finished (this run needed none of it), goes.
    this.helper?.stop(id);
  }

  /**
   * A helper's share of its worker's run: from the last resample down until it meets the worker's progress, sent
   * back as they finish, with the lowest index started, so that the worker stops short of it.
   */
  private async share({id, inputs, replicates, from}: Extract<RunRequest, {kind: "resamples"}>): Promise<void> {
    this.floor = from;
    const steps = this.session!.resamples(inputs, {
      seed: bootstrapSeed,
      to: replicates,
      budgetMs: this.pace.stepMs,
      floor: () => this.floor
    });
    let claimed = replicates;
    for (const {samples, claimed: now, done} of steps) {
      if (samples.length > 0 || now < claimed || done) this.post({kind: "samples", id, samples, claimed: now, done});
      claimed = now;
      if (done) break;
      await this.queuedMessages();
      if (this.running !== id) return;
    }
    this.running = 0;
  }

  /** Ends the running run: the page is told (a run it replaced), and the helper stops its share. */
  private stopRunning(tell = true): void {
    if (this.running && tell) this.post({kind: "stopped", id: this.running});
    if (this.running) this.helper?.stop(this.running);
    this.running = 0;
  }

  private fail(id: number, error: unknown): void {
    this.post({kind: "error", id, message: error instanceof Error ? error.message : String(error)});
  }
}
