import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);

// src/tools/truncate.ts
function truncateMiddle(text, cap = 1e4) {
  if (text.length <= cap) return text;
  let budget = Math.max(0, cap - 120), headEnd = snapBackToLineBreak(text, Math.floor(budget * 0.7)), tailStart = snapForwardToLineBreak(text, text.length - (budget - headEnd));
  headEnd = avoidSplitSurrogate(text, headEnd), tailStart = avoidSplitSurrogate(text, tailStart);
  let cut = text.slice(headEnd, tailStart), cutLines = countLineBreaks(cut), note = `
[... truncated: ${cut.length.toLocaleString("en-US")} of ${text.length.toLocaleString("en-US")} characters${cutLines > 0 ? ` (${cutLines.toLocaleString("en-US")} lines)` : ""} cut from the middle ...]
`;
  return text.slice(0, headEnd) + note + text.slice(tailStart);
}
function snapBackToLineBreak(text, index) {
  let breakAt = text.lastIndexOf(`
`, index);
  return breakAt >= 0 && index - breakAt <= 200 ? breakAt + 1 : index;
}
function snapForwardToLineBreak(text, index) {
  let breakAt = text.indexOf(`
`, index);
  return breakAt >= 0 && breakAt - index <= 200 ? breakAt + 1 : index;
}
function avoidSplitSurrogate(text, index) {
  let code = text.charCodeAt(index);
  return index > 0 && code >= 56320 && code <= 57343 ? index + 1 : index;
}
function countLineBreaks(text) {
  let count = 0;
  for (let at = text.indexOf(`
`); at >= 0; at = text.indexOf(`
`, at + 1)) count++;
  return count;
}

export {
  truncateMiddle
};
