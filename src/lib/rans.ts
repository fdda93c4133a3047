/**
 * A static range-asymmetric-numeral-system (rANS) coder for columns of non-negative integers, with a context per
 * value: each context has its own symbol frequencies, so a column coded "given" an earlier column (the outcome given
 * the evidence, the sales time given the outcome) costs close to its conditional entropy. Used by the per-handoff
 * extract, whose budget (3 MB per million handoffs) a general-purpose compressor cannot meet.
 *
 * A value becomes a token and raw extra bits, the way DEFLATE codes lengths: 0…15 are their own token; a larger
 * value with highest bit e is token 16 + 4 (e − 4) + its next two bits, followed by its remaining e − 2 bits. Tokens
 * are entropy-coded; extra bits are stored as they are, which costs little because within a token's range values
 * are close to evenly spread.
 *
 * Coded column: varint context count; per context a varint token count and (token, frequency) varint pairs; then the
 * rANS bytes and the extra-bit bytes, each preceded by its varint length. Byte-wise rANS after Fabian Giesen's
 * ryg_rans: 32-bit state in [2^23, 2^31), frequencies summing to 2^12.
 */

/** Frequencies of every context sum to this power of two. */
const scaleBits = 12;
const scale = 1 << scaleBits;
const lowerBound = 1 << 23;
/** Tokens for values below 2^33: 16 small ones, then four per bit length 4…32. */
const tokenCount = 16 + 4 * 29;

/** The largest value a coded column can hold. */
export const maxCodedValue = 2 ** 32;

/** The token of a value, and how many extra bits follow it. */
export function tokenOf(value: number): {token: number; extraBits: number; extra: number} {
  if (!Number.isInteger(value) || value < 0 || value > maxCodedValue) {
    throw new RangeError(`cannot code ${value}: only whole numbers 0…2^32`);
  }
  if (value < 16) return {token: value, extraBits: 0, extra: 0};
  const e = value >= 2 ** 32 ? 32 : 31 - Math.clz32(value);
  const extraBits = e - 2;
  const top = Math.floor(value / 2 ** extraBits); // 4…7: the highest bit and the next two
  return {token: 16 + 4 * (e - 4) + (top - 4), extraBits, extra: value - top * 2 ** extraBits};
}

/** The value of a token and its extra bits. */
function valueOf(token: number, extra: number): number {
  if (token < 16) return token;
  const e = ((token - 16) >> 2) + 4;
  return (4 + ((token - 16) & 3)) * 2 ** (e - 2) + extra;
}

function extraBitsOf(token: number): number {
  return token < 16 ? 0 : ((token - 16) >> 2) + 2;
}

/** Codes `values` (whole numbers 0…2^32), value i under context `contexts[i]` (small whole numbers). */
export function encodeColumn(values: ArrayLike<number>, contexts: ArrayLike<number>): Uint8Array {
  const n = values.length;
  if (contexts.length !== n) throw new RangeError("one context per value");
  let contextCount = 0;
  for (let i = 0; i < n; ++i) contextCount = Math.max(contextCount, contexts[i] + 1);
  const tokens = new Uint8Array(n);
  const counts = Array.from({length: contextCount}, () => new Float64Array(tokenCount));
  const extras = new BitWriter();
  for (let i = 0; i < n; ++i) {
    const {token, extraBits, extra} = tokenOf(values[i]);
    tokens[i] = token;
    counts[contexts[i]][token]++;
    extras.write(extra, extraBits);
  }
  const frequencies = counts.map(normalize);
  const starts = frequencies.map((f) => {
    const start = new Uint32Array(tokenCount);
    for (let t = 1; t < tokenCount; ++t) start[t] = start[t - 1] + f[t - 1];
    return start;
  });
  // rANS codes backwards so that the decoder reads forwards.
  const stream = new ByteStack(n);
  let x = lowerBound;
  for (let i = n - 1; i >= 0; --i) {
    const c = contexts[i];
    const t = tokens[i];
    const freq = frequencies[c][t];
    const limit = ((lowerBound >>> scaleBits) << 8) * freq;
    while (x >= limit) {
      stream.push(x & 0xff);
      x = Math.floor(x / 256);
    }
    x = Math.floor(x / freq) * scale + (x % freq) + starts[c][t];
  }
  for (let k = 0; k < 4; ++k) {
    stream.push(x & 0xff);
    x = Math.floor(x / 256);
  }
  const out = new ByteWriter();
  out.varint(contextCount);
  for (const f of frequencies) {
    const used = [...f.keys()].filter((t) => f[t] > 0);
    out.varint(used.length);
    for (const t of used) {
      out.varint(t);
      out.varint(f[t]);
    }
  }
  out.block(stream.reversed());
  out.block(extras.finish());
  return out.finish();
}

/** Decodes a column coded by encodeColumn, given the same contexts; `offset` is where the column starts in `bytes`. */
export function decodeColumn(
  bytes: Uint8Array,
  contexts: ArrayLike<number>,
  offset = 0
): {values: Float64Array; end: number} {
  const reader = new ByteReader(bytes, offset);
  const contextCount = reader.varint();
  // One flat table per kind, context c at c · 2^12 (slot → token) and c · tokenCount (token → frequency, start).
  const lookup = new Uint8Array(contextCount * scale);
  const freq = new Uint16Array(contextCount * tokenCount);
  const start = new Uint16Array(contextCount * tokenCount);
  for (let c = 0; c < contextCount; ++c) {
    let total = 0;
    for (let k = reader.varint(); k > 0; --k) {
      const token = reader.varint();
      const f = reader.varint();
      if (token >= tokenCount || total + f > scale) throw new Error("corrupt extract: bad frequency table");
      freq[c * tokenCount + token] = f;
      start[c * tokenCount + token] = total;
      lookup.fill(token, c * scale + total, c * scale + total + f);
      total += f;
    }
  }
  const stream = reader.block();
  const extras = new BitReader(reader.block());
  const n = contexts.length;
  const values = new Float64Array(n);
  if (stream.length < 4) throw new Error("corrupt extract: a column ends early");
  // The encoder's final state, which it wrote last, comes first, most significant byte first.
  let x = (stream[0] << 24) | (stream[1] << 16) | (stream[2] << 8) | stream[3];
  let p = 4;
  for (let i = 0; i < n; ++i) {
    const c = contexts[i];
    if (c >= contextCount) throw new Error("corrupt extract: unknown context");
    const slot = x & (scale - 1);
    const t = lookup[c * scale + slot];
    const ct = c * tokenCount + t;
    x = freq[ct] * (x >>> scaleBits) + slot - start[ct];
    while (x < lowerBound) {
      if (p >= stream.length) throw new Error("corrupt extract: a column ends early");
      x = (x << 8) | stream[p++];
    }
    values[i] = t < 16 ? t : valueOf(t, extras.read(extraBitsOf(t)));
  }
  return {values, end: reader.offset};
}

/** Scales counts to frequencies summing to 2^12, keeping every seen token at 1 or more. */
function normalize(counts: Float64Array): Uint32Array {
  const freq = new Uint32Array(counts.length);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return freq;
  let sum = 0;
  let largest = 0;
  for (let t = 0; t < counts.length; ++t) {
    if (counts[t] === 0) continue;
    freq[t] = Math.max(1, Math.round((counts[t] * scale) / total));
    sum += freq[t];
    if (freq[t] > freq[largest]) largest = t;
  }
  // Rounding leaves the sum a little off: take it from (or give it to) the largest, and if that is not enough
  // (many rare tokens each rounded up to 1), from the next largest.
  while (sum !== scale) {
    const step = sum > scale ? -1 : 1;
    let target = largest;
    if (step < 0 && freq[target] <= 1) target = freq.indexOf(Math.max(...freq));
    freq[target] += step;
    sum += step;
  }
  return freq;
}

/** Bytes pushed in reverse order, grown as needed. */
class ByteStack {
  private bytes: Uint8Array;
  private length = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }
  push(byte: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = byte;
  }
  reversed(): Uint8Array {
    return this.bytes.slice(0, this.length).reverse();
  }
}

/** Bits written least significant first. */
class BitWriter {
  private bytes: number[] = [];
  private buffer = 0;
  private count = 0;
  write(value: number, bits: number): void {
    // In 16-bit pieces, so that shifts stay within 32-bit integers for values up to 2^30.
    while (bits > 0) {
      const take = Math.min(16, bits);
      this.buffer |= (value % (1 << take)) << this.count;
      this.count += take;
      value = Math.floor(value / (1 << take));
      bits -= take;
      while (this.count >= 8) {
        this.bytes.push(this.buffer & 0xff);
        this.buffer >>>= 8;
        this.count -= 8;
      }
    }
  }
  finish(): Uint8Array {
    if (this.count > 0) this.bytes.push(this.buffer & 0xff);
    return Uint8Array.from(this.bytes);
  }
}

class BitReader {
  private p = 0;
  private buffer = 0;
  private count = 0;
  constructor(private bytes: Uint8Array) {}
  read(bits: number): number {
    let value = 0;
    let shift = 1;
    while (bits > 0) {
      const take = Math.min(16, bits);
      while (this.count < take) {
        this.buffer |= (this.bytes[this.p++] ?? 0) << this.count;
        this.count += 8;
      }
      value += (this.buffer & ((1 << take) - 1)) * shift;
      this.buffer >>>= take;
      this.count -= take;
      shift *= 1 << take;
      bits -= take;
    }
    return value;
  }
}

/** Little-endian base-128 varints and length-prefixed blocks. */
export class ByteWriter {
  private parts: Uint8Array[] = [];
  private pending: number[] = [];
  /** Appends a whole number ≥ 0 as a varint. */
  varint(value: number): void {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`varint of ${value}`);
    while (value >= 128) {
      this.pending.push((value % 128) | 128);
      value = Math.floor(value / 128);
    }
    this.pending.push(value);
  }
  /** Appends bytes preceded by their length. */
  block(bytes: Uint8Array): void {
    this.varint(bytes.length);
    this.parts.push(Uint8Array.from(this.pending), bytes);
    this.pending = [];
  }
  /** Everything written, as one array. */
  finish(): Uint8Array {
    this.parts.push(Uint8Array.from(this.pending));
    this.pending = [];
    return concatBytes(this.parts);
  }
}

/** Reads what ByteWriter wrote. */
export class ByteReader {
  constructor(
    private bytes: Uint8Array,
    public offset = 0
  ) {}
  /** The next varint. */
  varint(): number {
    let value = 0;
    let shift = 1;
    for (;;) {
      if (this.offset >= this.bytes.length) throw new Error("corrupt extract: truncated");
      const byte = this.bytes[this.offset++];
      value += (byte & 127) * shift;
      if (byte < 128) return value;
      shift *= 128;
    }
  }
  /** The next length-prefixed block (a view, not a copy). */
  block(): Uint8Array {
    const length = this.varint();
    if (this.offset + length > this.bytes.length) throw new Error("corrupt extract: truncated");
    const block = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return block;
  }
}

/** The parts one after another in one array. */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
