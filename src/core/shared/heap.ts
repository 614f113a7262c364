/**
 * A binary max-heap of candidate merges `(a, b, va, vb, sim)` for agglomerative clustering: the
 * highest similarity first, ties broken by the lower `a`, then the lower `b` (a strict order on
 * distinct pairs, so the merge sequence never depends on the heap's shape). Entries live in
 * parallel typed arrays (no object per entry, no comparison closure): a clustering of 10,000
 * documents pushes millions of them.
 */
export class PairHeap {
  #sim = new Float64Array(1024);
  #a = new Int32Array(1024);
  #b = new Int32Array(1024);
  #va = new Int32Array(1024);
  #vb = new Int32Array(1024);
  #n = 0;
  /** The entry {@link pop} took off last. */
  readonly top = { a: 0, b: 0, va: 0, vb: 0, sim: 0 };

  get size(): number {
    return this.#n;
  }

  /** Whether entry `i` goes before entry `j`. */
  #before(i: number, j: number): boolean {
    const s = this.#sim;
    if (s[i] !== s[j]) return s[i]! > s[j]!;
    if (this.#a[i] !== this.#a[j]) return this.#a[i]! < this.#a[j]!;
    return this.#b[i]! < this.#b[j]!;
  }

  #grow(): void {
    const n = this.#sim.length * 2;
    const grown = <T extends Float64Array | Int32Array>(x: T, make: new (n: number) => T): T => {
      const y = new make(n);
      y.set(x);
      return y;
    };
    this.#sim = grown(this.#sim, Float64Array);
    this.#a = grown(this.#a, Int32Array);
    this.#b = grown(this.#b, Int32Array);
    this.#va = grown(this.#va, Int32Array);
    this.#vb = grown(this.#vb, Int32Array);
  }

  #set(i: number, a: number, b: number, va: number, vb: number, sim: number): void {
    this.#a[i] = a;
    this.#b[i] = b;
    this.#va[i] = va;
    this.#vb[i] = vb;
    this.#sim[i] = sim;
  }

  #move(to: number, from: number): void {
    this.#set(
      to,
      this.#a[from]!,
      this.#b[from]!,
      this.#va[from]!,
      this.#vb[from]!,
      this.#sim[from]!,
    );
  }

  push(a: number, b: number, va: number, vb: number, sim: number): void {
    if (this.#n === this.#sim.length) this.#grow();
    // The new entry waits in the free slot at the end while its place is found.
    const end = this.#n++;
    this.#set(end, a, b, va, vb, sim);
    let i = end;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#beforeValues(a, b, sim, parent)) break;
      this.#move(i, parent);
      i = parent;
    }
    this.#set(i, a, b, va, vb, sim);
  }

  /** Whether an entry with these values goes before entry `j`. */
  #beforeValues(a: number, b: number, sim: number, j: number): boolean {
    const s = this.#sim[j]!;
    if (sim !== s) return sim > s;
    if (a !== this.#a[j]) return a < this.#a[j]!;
    return b < this.#b[j]!;
  }

  /** Takes the first entry off into {@link top}; false when the heap is empty. */
  pop(): boolean {
    if (this.#n === 0) return false;
    const t = this.top;
    t.a = this.#a[0]!;
    t.b = this.#b[0]!;
    t.va = this.#va[0]!;
    t.vb = this.#vb[0]!;
    t.sim = this.#sim[0]!;
    const n = --this.#n;
    if (n === 0) return true;
    // The last entry sifts down from the root.
    const a = this.#a[n]!;
    const b = this.#b[n]!;
    const va = this.#va[n]!;
    const vb = this.#vb[n]!;
    const sim = this.#sim[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && this.#before(r, l) ? r : l;
      if (!this.#childFirst(child, a, b, sim)) break;
      this.#move(i, child);
      i = child;
    }
    this.#set(i, a, b, va, vb, sim);
    return true;
  }

  /** Whether entry `j` goes before an entry with these values. */
  #childFirst(j: number, a: number, b: number, sim: number): boolean {
    const s = this.#sim[j]!;
    if (s !== sim) return s > sim;
    if (this.#a[j] !== a) return this.#a[j]! < a;
    return this.#b[j]! < b;
  }
}
