import type { Word, WordPart } from 'unbash';
import type { PathSegment } from './paths.js';

/** A word whose value is known before it runs: quotes removed, no expansion left but file-name globs. */
export interface StaticWord {
  /** The argument after quote removal (glob characters kept as written). */
  value: string;
  /** True when the shell will expand it as a file-name pattern. */
  pattern: boolean;
  /** The value split at "/" for path rules; glob segments carry a matcher. */
  segments: PathSegment[];
  /** How the canonical script spells it: literal text single-quoted, glob characters bare. */
  shell: string;
  /** As written in the command, for messages. */
  source: string;
  /** Non-ASCII outside quotes: look-alike letters and dashes have no business in a bare word. */
  unquotedNonAscii: boolean;
}

export type WordResult = { ok: true; word: StaticWord } | { ok: false; reason: string; offending: string };

/** Brace expansions we can reason about: names from a small alphabet, or a numeric/letter sequence. */
const BRACE_ITEM = '[A-Za-z0-9_+-](?:[A-Za-z0-9_.+-]*[A-Za-z0-9_+-])?';
/** Alternatives are non-empty and neither start nor end with ".", so no expansion can form "." or "..". */
const SAFE_BRACE_LIST = new RegExp(`^\\{${BRACE_ITEM}(?:,${BRACE_ITEM})+\\}$`);
const SAFE_BRACE_SEQUENCE = /^\{(?:-?\d+\.\.-?\d+|[A-Za-z]\.\.[A-Za-z])(?:\.\.-?\d+)?\}$/;
/** Bracket globs without "." so they cannot match a hidden name or "..". */
const SAFE_BRACKET = /^\[[!^]?[A-Za-z0-9_-]+\]$/;

/** Words bash reads as syntax when bare in command position, so they are always quoted. */
const RESERVED = new Set(
  'if then else elif fi do done case esac while until for in select function time coproc'.split(' ')
);

/** Quotes a value so bash reads it back as exactly one word with that value. */
export function singleQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+:,./-]+$/.test(value) && !RESERVED.has(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

type Chunk =
  { kind: 'literal'; text: string; quoted?: boolean } | { kind: 'glob'; regex: string; shell: string };

/** Resolves a word statically or explains which part of it needs the shell to run first. */
export function resolveWord(word: Word, source: string): WordResult {
  const text = source.slice(word.pos, word.end) || word.text;
  const deny = (reason: string): WordResult => ({ ok: false, reason, offending: text });
  const chunks: Chunk[] = [];
  const parts = word.parts;
  if (!parts) {
    const tilde = unquotedTilde(word.text, true);
    if (tilde) return deny(tilde);
    chunks.push({ kind: 'literal', text: word.value });
  } else {
    for (const [index, part] of parts.entries()) {
      const problem = addPart(part, index === 0, chunks);
      if (problem) return deny(problem);
    }
  }
  return { ok: true, word: buildWord(chunks, text) };
}

function addPart(part: WordPart, first: boolean, chunks: Chunk[]): string | undefined {
  switch (part.type) {
    case 'Literal': {
      const tilde = unquotedTilde(part.text, first);
      if (tilde) return tilde;
      chunks.push({ kind: 'literal', text: part.value });
      return undefined;
    }
    case 'SingleQuoted':
      chunks.push({ kind: 'literal', text: part.value, quoted: true });
      return undefined;
    case 'DoubleQuoted':
      for (const child of part.parts) {
        if (child.type !== 'Literal') return expansionReason(child.type, child.text);
        chunks.push({ kind: 'literal', text: child.value, quoted: true });
      }
      return undefined;
    case 'Glob':
      return addGlob(part.kind, part.text, chunks);
    case 'BraceExpansion':
      if (!SAFE_BRACE_LIST.test(part.text) && !SAFE_BRACE_SEQUENCE.test(part.text)) {
        return `the brace expansion "${part.text}" is too complex to check; list the names explicitly`;
      }
      chunks.push({ kind: 'glob', regex: braceRegex(part.text), shell: part.text });
      return undefined;
    case 'AnsiCQuoted':
      return `$'…' quoting ("${part.text}") can hide arbitrary bytes; use plain single quotes`;
    case 'LocaleString':
      return `$"…" locale strings ("${part.text}") are expansions; use plain quotes`;
    case 'ExtendedGlob':
      return `the extended glob "${part.text}" is not supported; list the files explicitly`;
    default:
      return expansionReason(part.type, part.text);
  }
}

function addGlob(kind: 'star' | 'question' | 'bracket', text: string, chunks: Chunk[]): string | undefined {
  if (kind === 'star') chunks.push({ kind: 'glob', regex: '[^/]*', shell: '*' });
  else if (kind === 'question') chunks.push({ kind: 'glob', regex: '[^/]', shell: '?' });
  else {
    if (!SAFE_BRACKET.test(text))
      return `the pattern "${text}" is too complex to check; name the files explicitly`;
    const negated = text[1] === '!' || text[1] === '^';
    const body = text.slice(negated ? 2 : 1, -1);
    chunks.push({ kind: 'glob', regex: `[${negated ? '^/' : ''}${body}]`, shell: text });
  }
  return undefined;
}

function braceRegex(text: string): string {
  if (SAFE_BRACE_SEQUENCE.test(text)) return '[A-Za-z0-9-]+';
  const items = text.slice(1, -1).split(',');
  return `(?:${items.map(item => item.replace(/[.+]/g, '\\$&')).join('|')})`;
}

function expansionReason(type: string, text: string): string {
  switch (type) {
    case 'CommandExpansion':
      return `command substitution "${text}" runs a hidden command; run commands directly instead`;
    case 'ProcessSubstitution':
      return `process substitution "${text}" runs a hidden command; run commands directly instead`;
    case 'ArithmeticExpansion':
      return `arithmetic expansion "${text}" is not allowed; write the number`;
    case 'SimpleExpansion':
    case 'ParameterExpansion':
      return `variable expansion "${text}" is not allowed: its value is not known before the command runs; write the value literally`;
    default:
      return `"${text}" (${type}) is not a plain word; write it literally`;
  }
}

/**
 * Bash expands "~" at the start of a word and after "=" or ":" (as in `--dir=~/x`). Backslash
 * escapes keep it literal, so the raw text is scanned with escapes skipped.
 */
function unquotedTilde(raw: string, atWordStart: boolean): string | undefined {
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch !== '~') continue;
    const previous = i === 0 ? undefined : raw[i - 1];
    if ((i === 0 && atWordStart) || previous === '=' || previous === ':') {
      return `"~" expands to a home directory outside the workspace; use a path relative to the workspace`;
    }
  }
  return undefined;
}

function buildWord(chunks: Chunk[], source: string): StaticWord {
  let value = '';
  let shell = '';
  let literalRun = '';
  const pattern = chunks.some(c => c.kind === 'glob');
  const flush = (): void => {
    if (literalRun !== '') shell += pattern ? quoteAlways(literalRun) : singleQuote(literalRun);
    literalRun = '';
  };
  for (const chunk of chunks) {
    if (chunk.kind === 'literal') {
      value += chunk.text;
      literalRun += chunk.text;
    } else {
      flush();
      value += chunk.shell;
      shell += chunk.shell;
    }
  }
  flush();
  if (shell === '') shell = "''";
  const unquotedNonAscii = chunks.some(c => c.kind === 'literal' && !c.quoted && /[^\x00-\x7f]/.test(c.text));
  return { value, pattern, segments: toSegments(chunks), shell, source, unquotedNonAscii };
}

function quoteAlways(value: string): string {
  return /^[A-Za-z0-9_@%+:,./-]+$/.test(value) && !RESERVED.has(value)
    ? value
    : `'${value.replace(/'/g, `'\\''`)}'`;
}

function toSegments(chunks: Chunk[]): PathSegment[] {
  if (chunks.every(chunk => chunk.kind === 'literal')) {
    return chunks
      .map(chunk => chunk.text)
      .join('')
      .split('/')
      .map(text => ({ kind: 'literal', text }));
  }
  const segments: PathSegment[] = [];
  let regex = '';
  let text = '';
  let glob = false;
  let startsWithDot: boolean | undefined;
  const close = (): void => {
    segments.push(
      glob
        ? { kind: 'glob', regex: new RegExp(`^${regex}$`), startsWithDot: startsWithDot === true }
        : { kind: 'literal', text }
    );
    regex = '';
    text = '';
    glob = false;
    startsWithDot = undefined;
  };
  for (const chunk of chunks) {
    if (chunk.kind === 'glob') {
      glob = true;
      startsWithDot ??= false;
      regex += chunk.regex;
      continue;
    }
    for (const ch of chunk.text) {
      if (ch === '/') {
        close();
        continue;
      }
      startsWithDot ??= ch === '.';
      text += ch;
      regex += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  close();
  return segments;
}
