/**
 * `indexOf(char, from)` with a memo, for scanners that ask "where is the next `)`?" from many
 * increasing positions. Without it, text like `[a](x (` repeated would rescan to the end of the
 * input from every position: quadratic time on a hostile comment.
 */
export class NextFinder {
  private lastFrom = Number.POSITIVE_INFINITY;
  private lastFound = -1;

  constructor(
    private readonly text: string,
    private readonly char: string
  ) {}

  /** Index of the next `char` at or after `from`, or -1. */
  find(from: number): number {
    if (from >= this.lastFrom && (this.lastFound === -1 || from <= this.lastFound)) return this.lastFound;
    this.lastFrom = from;
    this.lastFound = this.text.indexOf(this.char, from);
    return this.lastFound;
  }
}
