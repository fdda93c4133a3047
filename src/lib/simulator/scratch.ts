/**
 * Typed arrays kept from one preparation of the simulator to the next (simulation-session.ts). After a ladder edit
 * the preparation writes about 33 MB of per-handoff and per-hour arrays at a million leads; in Chromium, memory
 * fresh from the allocator cost about 0.8 ms per MB more to write than memory written before (a 5.7 MB array: 6 ms
 * against 1.3 ms, in a worker), a fifth of the preparation. The arrays of the previous preparation are overwritten:
 * whoever holds one must be done with it (the session ends a run of an earlier preparation).
 */

type TypedArray = Float64Array | Uint32Array | Uint8Array;
type TypedArrayType<T extends TypedArray> = {new (length: number): T};

/** Named arrays, each handed out again (zeroed) when asked for with the same type and length. */
export class Scratch {
  private readonly arrays = new Map<string, TypedArray>();

  /** The array named `name`: `length` zeros of `type`, reusing the last one of that name where it fits. */
  take<T extends TypedArray>(name: string, type: TypedArrayType<T>, length: number): T {
    const kept = this.arrays.get(name);
    if (kept instanceof type && kept.length === length) return kept.fill(0) as T;
    const made = new type(length);
    this.arrays.set(name, made);
    return made;
  }
}

/** A new array of `length` zeros of `type`, from `scratch` when there is one (the same, but kept). */
export function zeros<T extends TypedArray>(
  scratch: Scratch | undefined,
  name: string,
  type: TypedArrayType<T>,
  length: number
): T {
  return scratch ? scratch.take(name, type, length) : new type(length);
}
