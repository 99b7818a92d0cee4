const OPEN = '<!--';
const CLOSE = '-->';

/**
 * Drops HTML comments as GitHub hides them: a comment ends at the first `-->` after its `<!--`,
 * and an unclosed `<!--` hides everything after it. One left-to-right pass with indexOf, so the
 * cost stays linear even for `<!--` repeated thousands of times.
 */
export function stripHtmlComments(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf(OPEN, from);
    if (open === -1) return out + text.slice(from);
    out += text.slice(from, open);
    const close = text.indexOf(CLOSE, open + OPEN.length);
    if (close === -1) return out;
    from = close + CLOSE.length;
  }
}
