/** Default cap on what one tool result may put into the model's context. */
export const DEFAULT_RESULT_CAP = 10_000;

const HEAD_SHARE = 0.7;
/** Cuts prefer a line break when one lies this close to the cut point, so lines stay whole. */
const LINE_SNAP = 200;

/**
 * Keeps the head (70 %) and tail (30 %) of `text` and replaces the middle with a note saying how
 * much was cut. The result, note included, is never longer than `cap` (for caps above ~100).
 */
export function truncateMiddle(text: string, cap: number = DEFAULT_RESULT_CAP): string {
  if (text.length <= cap) return text;
  // The note's length depends on the numbers in it; reserve room for the longest plausible one.
  const budget = Math.max(0, cap - 120);
  let headEnd = snapBackToLineBreak(text, Math.floor(budget * HEAD_SHARE));
  let tailStart = snapForwardToLineBreak(text, text.length - (budget - headEnd));
  headEnd = avoidSplitSurrogate(text, headEnd);
  tailStart = avoidSplitSurrogate(text, tailStart);
  const cut = text.slice(headEnd, tailStart);
  const cutLines = countLineBreaks(cut);
  const note =
    `\n[... truncated: ${cut.length.toLocaleString('en-US')} of ${text.length.toLocaleString('en-US')} characters` +
    `${cutLines > 0 ? ` (${cutLines.toLocaleString('en-US')} lines)` : ''} cut from the middle ...]\n`;
  return text.slice(0, headEnd) + note + text.slice(tailStart);
}

function snapBackToLineBreak(text: string, index: number): number {
  const breakAt = text.lastIndexOf('\n', index);
  return breakAt >= 0 && index - breakAt <= LINE_SNAP ? breakAt + 1 : index;
}

function snapForwardToLineBreak(text: string, index: number): number {
  const breakAt = text.indexOf('\n', index);
  return breakAt >= 0 && breakAt - index <= LINE_SNAP ? breakAt + 1 : index;
}

/** Never leave half of a surrogate pair on either side of the cut. */
function avoidSplitSurrogate(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return index > 0 && code >= 0xdc00 && code <= 0xdfff ? index + 1 : index;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
