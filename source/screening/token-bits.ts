// Token id -> bit mask for the few hundred tokens one query meets: an open-addressing
// table small enough to stay in the processor's nearest cache, where an array over
// the whole vocabulary (hundreds of thousands of entries) misses it on every lookup.

const empty = -1;

export class TokenBits {
	private keys = new Int32Array(64).fill(empty);
	private values = new Int32Array(64);
	private slotMask = 63;

	/** Empties the table, sized for `expected` tokens (at most half full, so probes stay short). */
	reset(expected: number): void {
		let size = 16;
		while (size < expected * 2) size *= 2;
		if (size > this.keys.length) {
			this.keys = new Int32Array(size);
			this.values = new Int32Array(size);
		}
		this.keys.fill(empty, 0, size);
		this.slotMask = size - 1;
	}

	/** Adds `bits` to the token's mask. */
	add(id: number, bits: number): void {
		const slot = this.slotOf(id);
		if (this.keys[slot] === empty) {
			this.keys[slot] = id;
			this.values[slot] = bits;
		} else this.values[slot]! |= bits;
	}

	/** The token's mask, 0 when it was never added. */
	get(id: number): number {
		const slot = this.slotOf(id);
		return this.keys[slot] === empty ? 0 : this.values[slot]!;
	}

	/** The token's slot, or the empty one where it would go. */
	private slotOf(id: number): number {
		let slot = Math.imul(id, 0x9e_37_79_b1) >>> 0;
		slot &= this.slotMask;
		while (this.keys[slot] !== empty && this.keys[slot] !== id) slot = (slot + 1) & this.slotMask;
		return slot;
	}
}
