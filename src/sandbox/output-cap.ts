/**
 * Keeps the head and the tail of a stream within a byte budget: the start of test output says what
 * ran, the end says how it finished; the middle is what a model can afford to lose.
 */
export const HEAD_SHARE = 0.7;

export class HeadTailBuffer {
  private readonly headLimit: number;
  private readonly tailLimit: number;
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private total = 0;

  constructor(limit: number) {
    this.headLimit = Math.floor(Math.max(0, limit) * HEAD_SHARE);
    this.tailLimit = Math.max(0, limit) - this.headLimit;
  }

  push(chunk: Buffer): void {
    this.total += chunk.length;
    let rest = chunk;
    if (this.headBytes < this.headLimit) {
      const take = Math.min(this.headLimit - this.headBytes, rest.length);
      this.head.push(rest.subarray(0, take));
      this.headBytes += take;
      rest = rest.subarray(take);
    }
    if (rest.length === 0 || this.tailLimit === 0) return;
    this.tail.push(rest);
    this.tailBytes += rest.length;
    while (this.tailBytes > this.tailLimit) {
      const first = this.tail[0]!;
      const excess = this.tailBytes - this.tailLimit;
      if (first.length <= excess) {
        this.tail.shift();
        this.tailBytes -= first.length;
      } else {
        this.tail[0] = first.subarray(excess);
        this.tailBytes -= excess;
      }
    }
  }

  /** Bytes dropped from the middle. */
  get cutBytes(): number {
    return this.total - this.headBytes - this.tailBytes;
  }

  /** The kept text; the cut point is marked in the text itself so a reader cannot miss it. */
  text(): string {
    const head = Buffer.concat(this.head).toString('utf8');
    const tail = Buffer.concat(this.tail).toString('utf8');
    const cut = this.cutBytes;
    if (cut === 0) return head + tail;
    return `${head}\n[… ${cut} bytes cut from the middle of this output …]\n${tail}`;
  }
}
