/**
 * A map from pairs of small non-negative integers to non-negative integers, in flat typed arrays (open addressing,
 * linear probing). The scorer looks up one bigram per token of a message; with a `Map` of `Map`s keyed by strings
 * each lookup chased several objects spread over the heap, which made it memory-bound (bench/notes.md, seventh
 * pass). Here a lookup reads one or two neighbouring slots.
 */
export class PairTable {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 14) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, capacity)));
    this.keysA = new Int32Array(size).fill(-1);
    this.keysB = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value of `(a, b)`, or -1 when it has none. */
  get(a: number, b: number): number {
    const { keysA, keysB, mask } = this;
    for (let i = slot(a, b, mask); ; i = (i + 1) & mask) {
      const k = keysA[i];
      if (k === -1) return -1;
      if (k === a && keysB[i] === b) return this.values[i];
    }
  }

  /** Sets the value of `(a, b)` (`value` ≥ 0). */
  set(a: number, b: number, value: number): void {
    if ((this.count + 1) * 2 > this.keysA.length) this.resize(this.keysA.length * 2);
    const { keysA, keysB, mask } = this;
    for (let i = slot(a, b, mask); ; i = (i + 1) & mask) {
      const k = keysA[i];
      if (k === -1) {
        keysA[i] = a;
        keysB[i] = b;
        this.values[i] = value;
        this.count++;
        return;
      }
      if (k === a && keysB[i] === b) {
        this.values[i] = value;
        return;
      }
    }
  }

  clear(): void {
    this.keysA.fill(-1);
    this.count = 0;
  }

  private resize(size: number): void {
    const { keysA, keysB, values } = this;
    this.keysA = new Int32Array(size).fill(-1);
    this.keysB = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    this.count = 0;
    for (let i = 0; i < keysA.length; i++) if (keysA[i] !== -1) this.set(keysA[i], keysB[i], values[i]);
  }
}

/** A pair's first slot: both numbers mixed by multiplication (Knuth's and MurmurHash's odd constants). */
function slot(a: number, b: number, mask: number): number {
  const h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  return (h ^ (h >>> 15)) & mask;
}
