import { NextFinder } from './next-finder.js';

/**
 * Hides what markdown images and links keep from readers: an image's alt text (the image becomes
 * a neutral `[image]`) and a link's title (a tooltip). Visible link text and the URL stay.
 *
 * Brackets and parentheses are matched once with stacks (reset at blank lines, where a paragraph
 * and so any link ends), so the pass is linear however deeply `[` is nested.
 */
const IMAGE = '[image]';

function isBlankLineAt(text: string, newline: number): boolean {
  let i = newline + 1;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i >= text.length || text[i] === '\n';
}

/** For every `[` (and `(`) its matching closer, or -1. Backslash-escaped brackets do not count. */
function matchPairs(text: string): { brackets: Int32Array; parens: Int32Array } {
  const brackets = new Int32Array(text.length).fill(-1);
  const parens = new Int32Array(text.length).fill(-1);
  let openBrackets: number[] = [];
  let openParens: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      openBrackets.push(i);
    } else if (c === ']') {
      const open = openBrackets.pop();
      if (open !== undefined) brackets[open] = i;
    } else if (c === '(') {
      openParens.push(i);
    } else if (c === ')') {
      const open = openParens.pop();
      if (open !== undefined) parens[open] = i;
    } else if (c === '\n' && isBlankLineAt(text, i)) {
      openBrackets = [];
      openParens = [];
    }
  }
  return { brackets, parens };
}

interface Destination {
  /** The URL part to keep, without its title. */
  url: string;
  /** Index of the `)` that ends the link. */
  end: number;
}

/**
 * Reads `(url "title")` starting at the `(` at `open`. A title may contain an unbalanced `)`, in
 * which case the link really ends at the first `)` after the title's closing quote.
 */
function readDestination(
  text: string,
  open: number,
  matched: number,
  finders: Record<string, NextFinder>
): Destination {
  let i = open + 1;
  while (i < matched && /\s/.test(text[i] as string)) i++;
  const urlStart = i;
  if (text[i] === '<') {
    const close = (finders['>'] as NextFinder).find(i);
    i = close !== -1 && close < matched ? close + 1 : matched;
  } else {
    while (i < matched && !/\s/.test(text[i] as string)) i++;
  }
  const url = text.slice(urlStart, i);
  while (i < matched && /\s/.test(text[i] as string)) i++;
  const quote = text[i];
  if (i < matched && (quote === '"' || quote === "'")) {
    const closeQuote = (finders[quote] as NextFinder).find(i + 1);
    if (closeQuote > matched) {
      const end = (finders[')'] as NextFinder).find(closeQuote + 1);
      if (end !== -1) return { url, end };
    }
  }
  return { url, end: matched };
}

export function hideImageAltAndLinkTitles(text: string): string {
  if (!text.includes('[')) return text;
  const { brackets, parens } = matchPairs(text);
  const finders: Record<string, NextFinder> = {
    '"': new NextFinder(text, '"'),
    "'": new NextFinder(text, "'"),
    ')': new NextFinder(text, ')'),
    '>': new NextFinder(text, '>')
  };
  /** Where a link's text ends → what to write instead of its `](…)` and where to continue. */
  const linkEnds = new Map<number, Destination>();
  let out = '';
  /** Start of the text not yet copied to `out`. */
  let from = 0;
  let i = 0;
  const replace = (replacement: string, resume: number): void => {
    out += text.slice(from, i) + replacement;
    from = resume;
    i = resume;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === ']' && linkEnds.size > 0) {
      const pending = linkEnds.get(i);
      if (pending !== undefined) {
        linkEnds.delete(i);
        replace(`](${pending.url})`, pending.end + 1);
        continue;
      }
    }
    if (c === '\\') {
      i += 2;
      continue;
    }
    const isImage = c === '!' && text[i + 1] === '[';
    const bracket = isImage ? i + 1 : c === '[' ? i : -1;
    const close = bracket === -1 ? -1 : (brackets[bracket] as number);
    if (close === -1) {
      i++;
      continue;
    }
    const after = close + 1;
    const parenClose = text[after] === '(' ? (parens[after] as number) : -1;
    if (isImage) {
      // `![alt](url)`, `![alt][ref]` and `![alt]` all show an image and never the alt text.
      let resume = after;
      if (parenClose !== -1) resume = readDestination(text, after, parenClose, finders).end + 1;
      else if (text[after] === '[' && (brackets[after] as number) !== -1)
        resume = (brackets[after] as number) + 1;
      replace(IMAGE, resume);
      continue;
    }
    if (parenClose !== -1) linkEnds.set(close, readDestination(text, after, parenClose, finders));
    i++;
  }
  return out + text.slice(from);
}
