import { NextFinder } from './next-finder.js';

/**
 * Removes `alt` and `title` attributes from raw HTML tags in markdown (`<img alt="…">`,
 * `<a title="…">`): GitHub shows neither as text. Tags are recognised with CommonMark's grammar
 * for an inline open tag, so text that GitHub prints literally stays as it is, and a tag GitHub
 * renders cannot smuggle its attributes through.
 *
 * Quoted values are found with memoized searches, so each quote character is crossed a bounded
 * number of times and the pass stays linear on hostile input.
 */
const HIDDEN_ATTRIBUTES = new Set(['alt', 'title']);

function isAsciiLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

function isNameStart(c: string | undefined): boolean {
  return isAsciiLetter(c) || c === '_' || c === ':';
}

function isNameChar(c: string | undefined): boolean {
  return isNameStart(c) || (c !== undefined && ((c >= '0' && c <= '9') || c === '.' || c === '-'));
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n';
}

function isUnquotedValueChar(c: string | undefined): boolean {
  return c !== undefined && !isSpace(c) && !'"\'=<>`'.includes(c);
}

interface Tag {
  /** The tag as it should be shown, hidden attributes removed. */
  text: string;
  /** Index just after the closing `>`. */
  end: number;
}

/** Parses an open tag at `start` (a `<`); null when this `<` does not begin one. */
function parseOpenTag(text: string, start: number, quotes: Record<string, NextFinder>): Tag | null {
  let i = start + 1;
  if (!isAsciiLetter(text[i])) return null;
  while (isAsciiLetter(text[i]) || (text[i] !== undefined && /[0-9-]/.test(text[i] as string))) i++;
  /** [from, to) ranges of hidden attributes, with the whitespace before each. */
  const hidden: number[] = [];
  for (;;) {
    const spaceStart = i;
    while (isSpace(text[i])) i++;
    const close = text[i] === '>' ? i + 1 : text[i] === '/' && text[i + 1] === '>' ? i + 2 : -1;
    if (close !== -1) return { text: withoutRanges(text, start, close, hidden), end: close };
    if (i === spaceStart || !isNameStart(text[i])) return null;
    const nameStart = i;
    while (isNameChar(text[i])) i++;
    const isHidden = HIDDEN_ATTRIBUTES.has(text.slice(nameStart, i).toLowerCase());
    let j = i;
    while (isSpace(text[j])) j++;
    if (text[j] === '=') {
      j++;
      while (isSpace(text[j])) j++;
      const quote = text[j];
      if (quote === '"' || quote === "'") {
        const closeQuote = (quotes[quote] as NextFinder).find(j + 1);
        if (closeQuote === -1) return null;
        j = closeQuote + 1;
      } else {
        const valueStart = j;
        while (isUnquotedValueChar(text[j])) j++;
        if (j === valueStart) return null;
      }
      i = j;
    }
    if (isHidden) hidden.push(spaceStart, i);
  }
}

function withoutRanges(text: string, start: number, end: number, ranges: number[]): string {
  let out = '';
  let from = start;
  for (let k = 0; k < ranges.length; k += 2) {
    out += text.slice(from, ranges[k]);
    from = ranges[k + 1] as number;
  }
  return out + text.slice(from, end);
}

export function stripHiddenHtmlAttributes(text: string): string {
  if (!text.includes('<')) return text;
  const quotes: Record<string, NextFinder> = {
    '"': new NextFinder(text, '"'),
    "'": new NextFinder(text, "'")
  };
  let out = '';
  let from = 0;
  let at = text.indexOf('<');
  while (at !== -1) {
    const tag = parseOpenTag(text, at, quotes);
    if (tag === null) {
      at = text.indexOf('<', at + 1);
      continue;
    }
    out += text.slice(from, at) + tag.text;
    from = tag.end;
    at = text.indexOf('<', from);
  }
  return out + text.slice(from);
}
