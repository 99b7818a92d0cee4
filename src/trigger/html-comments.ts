const OPEN = '<!--';
const CLOSE = '-->';

/**
 * Drops HTML comments as GitHub hides them: a comment ends at the first `-->` after its `<!--`,
 * and an unclosed `<!--` hides everything after it. A `<!--` inside one of `codeSpans` ([start,
 * end) offsets, in order) is visible text there and opens nothing; the `-->` that ends a comment
 * is looked for everywhere, as GitHub does once a comment has begun. One left-to-right pass with
 * indexOf, so the cost stays linear even for `<!--` repeated thousands of times.
 */
export function stripHtmlComments(text: string, codeSpans: readonly [number, number][] = []): string {
  let out = '';
  let from = 0;
  let span = 0;
  let search = 0;
  for (;;) {
    const open = text.indexOf(OPEN, search);
    if (open === -1) return out + text.slice(from);
    while (span < codeSpans.length && (codeSpans[span] as [number, number])[1] <= open) span++;
    const inside = codeSpans[span];
    if (inside !== undefined && inside[0] <= open) {
      search = inside[1];
      continue;
    }
    out += text.slice(from, open);
    const close = text.indexOf(CLOSE, open + OPEN.length);
    if (close === -1) return out;
    from = close + CLOSE.length;
    search = from;
  }
}
