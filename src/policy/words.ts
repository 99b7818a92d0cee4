import type { Word, WordPart } from 'unbash';
import type { RuleId } from './rules.js';

/**
 * A word as bash will hand it to the program: quotes removed, brace expansion evaluated exactly
 * as bash does (lists, nested lists, numeric and letter sequences with steps), and every result
 * split into path segments where unquoted glob characters stay patterns.
 */
export interface StaticWord {
  /** The brace-expanded results, in order; one for an ordinary word. */
  fields: Field[];
  /** True when any field is a file-name pattern. */
  pattern: boolean;
  /** The first field's value (what a non-brace word is), for prefix matching and messages. */
  value: string;
  /** How the canonical script spells it: every field, literal text quoted, glob characters bare. */
  shell: string;
  /** As written in the command, for messages. */
  source: string;
  /** Non-ASCII outside quotes: look-alike letters and dashes have no business in a bare word. */
  unquotedNonAscii: boolean;
}

export interface Field {
  /** The argument after quote removal (glob characters kept as written). */
  value: string;
  glob: boolean;
  /** Split at "/"; glob segments carry a matcher. */
  segments: PathSegment[];
  /** Canonical shell spelling of this one field. */
  shell: string;
}

export type PathSegment =
  | { kind: 'literal'; text: string }
  | {
      kind: 'glob';
      regex: RegExp;
      /** Whether the pattern can match a name that starts with "." (bash needs a literal dot there, brackets counted conservatively). */
      leadingDot: boolean;
      text: string;
    };

export type WordResult =
  { ok: true; word: StaticWord } | { ok: false; rule: RuleId; reason: string; offending: string };

/** One character of a word and whether quoting took its special meaning away. */
interface Token {
  ch: string;
  quoted: boolean;
  /** Quoted by a backslash (which hides a comma from brace expansion; quotes do not). */
  escaped?: boolean;
}

/** Bash itself has no limit; this keeps a decision bounded. */
export const MAX_BRACE_RESULTS = 1024;

/** Words bash reads as syntax when bare in command position, so they are always quoted. */
const RESERVED = new Set(
  'if then else elif fi do done case esac while until for in select function time coproc'.split(' ')
);

/** Quotes a value so bash reads it back as exactly one word with that value. */
export function singleQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+:,./-]+$/.test(value) && !RESERVED.has(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

class Refusal {
  constructor(
    readonly rule: RuleId,
    readonly reason: string
  ) {}
}

/** Resolves a word statically or explains which part of it needs the shell to run first. */
export function resolveWord(word: Word, source: string): WordResult {
  const text = source.slice(word.pos, word.end) || word.text;
  // Most words are plain: nothing quoted, escaped, expanded or globbed. They need no token walk.
  if (!word.parts && !/[\\{}*?[~\u0080-\uffff]/.test(word.text)) {
    const field = literalField(word.text);
    return {
      ok: true,
      word: {
        fields: [field],
        pattern: false,
        value: word.text,
        shell: field.shell,
        source: text,
        unquotedNonAscii: false
      }
    };
  }
  try {
    const tokens: Token[] = [];
    if (word.parts) word.parts.forEach((part, index) => addPart(part, index === 0, tokens));
    else addLiteralText(word.text, true, tokens);
    // bash drops a brace result that is empty and unquoted (`ls {,}` runs `ls`); a quoted '' stays.
    const quoted =
      word.parts?.some(
        part => part.type !== 'Literal' && part.type !== 'BraceExpansion' && part.type !== 'Glob'
      ) ?? false;
    const expanded = expandBraces(tokens);
    const kept = expanded.length > 1 && !quoted ? expanded.filter(field => field.length > 0) : expanded;
    const fields = kept.map(toField);
    const unquotedNonAscii = tokens.some(t => !t.quoted && /[^\x00-\x7f]/.test(t.ch));
    return {
      ok: true,
      word: {
        fields,
        pattern: fields.some(f => f.glob),
        value: fields[0]?.value ?? '',
        shell: fields.length === 0 ? "''" : fields.map(f => f.shell).join(' '),
        source: text,
        unquotedNonAscii
      }
    };
  } catch (error) {
    if (error instanceof Refusal)
      return { ok: false, rule: error.rule, reason: error.reason, offending: text };
    throw error;
  }
}

function addPart(part: WordPart, first: boolean, tokens: Token[]): void {
  switch (part.type) {
    case 'Literal':
      addLiteralText(part.text, first, tokens);
      return;
    case 'SingleQuoted':
      for (const ch of part.value) tokens.push({ ch, quoted: true });
      return;
    case 'DoubleQuoted':
      for (const child of part.parts) {
        if (child.type !== 'Literal') throw expansionRefusal(child.type, child.text);
        for (const ch of child.value) tokens.push({ ch, quoted: true });
      }
      return;
    case 'Glob':
      if (part.kind === 'bracket') {
        // The bracket's own parts may hold quoted characters, which are members, not syntax.
        tokens.push({ ch: '[', quoted: false });
        part.parts.forEach(child => addPart(child, false, tokens));
        tokens.push({ ch: ']', quoted: false });
      } else {
        tokens.push({ ch: part.kind === 'star' ? '*' : '?', quoted: false });
      }
      return;
    case 'BraceExpansion':
      if (part.parts) {
        tokens.push({ ch: '{', quoted: false });
        part.parts.forEach(child => addPart(child, false, tokens));
        tokens.push({ ch: '}', quoted: false });
      } else addLiteralText(part.text, false, tokens);
      return;
    case 'AnsiCQuoted':
      throw new Refusal(
        'quoting-expansion',
        `$'…' quoting ("${part.text}") can hide arbitrary bytes; use plain single quotes`
      );
    case 'LocaleString':
      throw new Refusal('quoting-expansion', `$"…" locale strings are expansions; use plain quotes`);
    case 'ExtendedGlob':
      throw new Refusal(
        'extended-glob',
        `the extended glob "${part.text}" is not supported; list the files explicitly`
      );
    default:
      throw expansionRefusal(part.type, 'text' in part ? part.text : '');
  }
}

/** Unquoted literal text as written: backslash escapes quote one character; "~" expands at the start and after = or :. */
function addLiteralText(raw: string, atWordStart: boolean, tokens: Token[]): void {
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] ?? '';
    if (ch === '\\') {
      const next = raw[i + 1];
      i++;
      if (next === undefined || next === '\n') continue;
      tokens.push({ ch: next, quoted: true, escaped: true });
      continue;
    }
    if (ch === '~') {
      const previous = tokens[tokens.length - 1];
      const atStart = i === 0 && atWordStart && tokens.length === 0;
      if (atStart || (previous && !previous.quoted && (previous.ch === '=' || previous.ch === ':'))) {
        throw new Refusal(
          'tilde',
          '"~" expands to a home directory outside the workspace; use a path relative to the workspace'
        );
      }
    }
    tokens.push({ ch, quoted: false });
  }
}

function expansionRefusal(type: string, text: string): Refusal {
  switch (type) {
    case 'CommandExpansion':
      return new Refusal(
        'command-substitution',
        `command substitution "${text}" runs a hidden command; run commands directly instead`
      );
    case 'ProcessSubstitution':
      return new Refusal(
        'command-substitution',
        `process substitution "${text}" runs a hidden command; run commands directly instead`
      );
    case 'ArithmeticExpansion':
      return new Refusal(
        'variable-expansion',
        `arithmetic expansion "${text}" is not allowed; write the number`
      );
    default:
      return new Refusal(
        'variable-expansion',
        `variable expansion "${text}" is not allowed: its value is not known before the command runs; write the value literally`
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Brace expansion, following bash's braces.c: the first unquoted "{" that has a closing "}" after
// an unquoted "," or ".." at its own level is expanded (a "{" at the start followed by "}" is
// literal, as in `find -exec {}`); an amble without a comma may be a sequence; the preamble is
// kept as is and the postamble is expanded on its own, then the results are multiplied out.

function expandBraces(tokens: Token[]): Token[][] {
  const out = braceExpand(tokens);
  if (out.length > MAX_BRACE_RESULTS) {
    throw new Refusal(
      'brace-too-large',
      `the brace expansion makes more than ${MAX_BRACE_RESULTS} words; list fewer names`
    );
  }
  return out;
}

const isBlank = (t: Token | undefined): boolean =>
  t === undefined || t.ch === ' ' || t.ch === '\t' || t.ch === '\n';

/** bash's brace_gobbler: the index of `satisfy` at level 0 (for "}", only after a "," or ".."), or -1. */
function gobble(tokens: readonly Token[], start: number, satisfy: '{' | '}' | ','): number {
  let level = 0;
  let commas = satisfy === '}' ? 0 : 1;
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.quoted) continue;
    const c = t.ch;
    if (c === satisfy && level === 0 && commas > 0) {
      const next = tokens[i + 1];
      const literalOpen =
        c === '{' &&
        (i === 0 || isBlank(tokens[i - 1])) &&
        (isBlank(next) || (next?.ch === '}' && !next.quoted));
      if (!literalOpen) return i;
      continue;
    }
    if (c === '{') level++;
    else if (c === '}' && level > 0) level--;
    else if (satisfy === '}' && level === 0 && c === ',') commas++;
    else if (
      satisfy === '}' &&
      level === 0 &&
      c === '.' &&
      tokens[i + 1]?.ch === '.' &&
      !tokens[i + 1]?.quoted &&
      tokens[i + 2]?.ch !== '}'
    )
      commas++;
  }
  return -1;
}

/** The first "{" that has its closing "}", as bash looks for it. */
function findBrace(tokens: readonly Token[]): { open: number; close: number } | undefined {
  for (let from = 0; ;) {
    const open = gobble(tokens, from, '{');
    if (open < 0) return undefined;
    const close = gobble(tokens, open + 1, '}');
    if (close >= 0) return { open, close };
    from = open + 1;
  }
}

function braceExpand(tokens: Token[]): Token[][] {
  const found = findBrace(tokens);
  if (!found) return [tokens];
  const { open, close } = found;
  const preamble = tokens.slice(0, open);
  const amble = tokens.slice(open + 1, close);
  const postamble = tokens.slice(close + 1);
  let tack: Token[][];
  // Only a backslash hides a comma from this first look; quotes are seen by the split below.
  if (!amble.some(t => t.ch === ',' && !t.escaped)) {
    const sequenced = sequence(amble);
    if (sequenced) tack = sequenced;
    else if (postamble.length > 0) tack = [tokens.slice(open, close + 1)];
    else return [tokens];
  } else tack = expandAmble(amble);
  let result = tack.map(item => [...preamble, ...item]);
  if (postamble.length > 0) {
    const rest = braceExpand(postamble);
    if (result.length * rest.length > MAX_BRACE_RESULTS) {
      throw new Refusal(
        'brace-too-large',
        `the brace expansion makes more than ${MAX_BRACE_RESULTS} words; list fewer names`
      );
    }
    result = result.flatMap(head => rest.map(tail => [...head, ...tail]));
  }
  return result;
}

/** Splits an amble at its level-0 commas and expands each part. */
function expandAmble(amble: Token[]): Token[][] {
  const out: Token[][] = [];
  let start = 0;
  for (;;) {
    const comma = gobble(amble, start, ',');
    const end = comma < 0 ? amble.length : comma;
    out.push(...braceExpand(amble.slice(start, end)));
    if (out.length > MAX_BRACE_RESULTS) {
      throw new Refusal(
        'brace-too-large',
        `the brace expansion makes more than ${MAX_BRACE_RESULTS} words; list fewer names`
      );
    }
    if (comma < 0) return out;
    start = comma + 1;
  }
}

/** `{x..y[..incr]}` with integers (zero-padded when either end is) or single letters. */
function sequence(inner: Token[]): Token[][] | undefined {
  if (inner.some(t => t.quoted)) return undefined;
  const text = inner.map(t => t.ch).join('');
  const numeric = /^([-+]?\d+)\.\.([-+]?\d+)(?:\.\.([-+]?\d+))?$/.exec(text);
  const letters = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.([-+]?\d+))?$/.exec(text);
  const match = numeric ?? letters;
  if (!match) return undefined;
  const [, left = '', right = '', step] = match;
  const from = numeric ? Number(left) : left.charCodeAt(0);
  const to = numeric ? Number(right) : right.charCodeAt(0);
  const magnitude = Math.abs(Number(step ?? '1')) || 1;
  const increment = from <= to ? magnitude : -magnitude;
  const count = Math.floor(Math.abs(to - from) / magnitude) + 1;
  if (count > MAX_BRACE_RESULTS) {
    throw new Refusal(
      'brace-too-large',
      `the brace sequence {${text}} makes ${count} words; list fewer names`
    );
  }
  // bash pads to the longer end's width when either end has a leading zero.
  const zeroPadded = /^-?0\d/.test(left) || /^-?0\d/.test(right);
  const width = numeric && zeroPadded ? Math.max(left.length, right.length) : 0;
  const results: Token[][] = [];
  for (let k = 0, value = from; k < count; k++, value += increment) {
    let item: string;
    if (numeric) {
      const digits = String(Math.abs(value));
      const sign = value < 0 ? '-' : '';
      item = width > 0 ? sign + digits.padStart(width - sign.length, '0') : sign + digits;
    } else item = String.fromCharCode(value);
    // Sequence results are unquoted: "[" and "]" from {a..Z..2} become glob brackets, as in bash.
    results.push([...item].map(ch => ({ ch, quoted: false })));
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Globs

/** A backslash made by a brace sequence ({Z..a}) is unquoted: quote removal drops it and quotes what follows. */
function removeGeneratedBackslashes(tokens: Token[]): Token[] {
  if (!tokens.some(t => !t.quoted && t.ch === '\\')) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!t.quoted && t.ch === '\\') {
      const next = tokens[++i];
      if (next) out.push({ ch: next.ch, quoted: true, escaped: true });
    } else out.push(t);
  }
  return out;
}

/** A field for text cut out of another field: literal, or with its glob characters live. */
export function fieldOf(value: string, glob: boolean): Field {
  return glob ? toField([...value].map(ch => ({ ch, quoted: false }))) : literalField(value);
}

function literalField(value: string): Field {
  return {
    value,
    glob: false,
    segments: value.split('/').map(text => ({ kind: 'literal', text })),
    shell: value === '' ? "''" : singleQuote(value)
  };
}

function toField(raw: Token[]): Field {
  const tokens = removeGeneratedBackslashes(raw);
  if (!tokens.some(t => !t.quoted && (t.ch === '*' || t.ch === '?' || t.ch === '['))) {
    return literalField(tokens.map(t => t.ch).join(''));
  }
  const segments: PathSegment[] = [];
  let current: Token[] = [];
  for (const t of tokens) {
    if (t.ch === '/') {
      segments.push(segment(current));
      current = [];
    } else current.push(t);
  }
  segments.push(segment(current));
  const value = tokens.map(t => t.ch).join('');
  const glob = segments.some(s => s.kind === 'glob');
  return { value, glob, segments, shell: shellOf(tokens, glob) };
}

/** A single path component: literal, or a matcher built from its unquoted *, ? and [...] . */
function segment(tokens: Token[]): PathSegment {
  if (!tokens.some(t => !t.quoted && (t.ch === '*' || t.ch === '?' || t.ch === '['))) {
    return { kind: 'literal', text: tokens.map(t => t.ch).join('') };
  }
  let regex = '';
  let glob = false;
  let leadingDot = tokens[0]?.ch === '.';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!t.quoted && t.ch === '*') {
      regex += '.*';
      glob = true;
    } else if (!t.quoted && t.ch === '?') {
      regex += '.';
      glob = true;
    } else if (!t.quoted && t.ch === '[') {
      const bracket = parseBracket(tokens, i);
      if (bracket) {
        regex += bracket.regex;
        glob = true;
        if (i === 0 && bracket.matchesDot) leadingDot = true;
        i = bracket.end;
      } else regex += '\\[';
    } else regex += escapeRegex(t.ch);
  }
  const text = tokens.map(t => t.ch).join('');
  if (!glob) return { kind: 'literal', text };
  return { kind: 'glob', regex: new RegExp(`^${regex}$`, 's'), leadingDot, text };
}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: 'A-Za-z0-9_',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f'
};

function parseBracket(
  tokens: Token[],
  open: number
): { regex: string; end: number; matchesDot: boolean } | undefined {
  let i = open + 1;
  let negated = false;
  const first = tokens[i];
  if (first && !first.quoted && (first.ch === '!' || first.ch === '^')) {
    negated = true;
    i++;
  }
  let body = '';
  let members = '';
  const start = i;
  for (; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.ch === '/') return undefined;
    if (!t.quoted && t.ch === ']' && i > start) {
      const matchesDot = negated ? !members.includes('.') : members.includes('.') || /-/.test(body);
      return { regex: `[${negated ? '^' : ''}${body}]`, end: i, matchesDot };
    }
    if (!t.quoted && t.ch === '[' && tokens[i + 1]?.ch === ':') {
      const rest = tokens
        .slice(i + 2)
        .map(x => x.ch)
        .join('');
      const name = /^([a-z]+):\]/.exec(rest);
      const cls = name ? CLASSES[name[1] ?? ''] : undefined;
      if (name && cls !== undefined) {
        body += cls;
        members +=
          cls.includes('.') || name[1] === 'punct' || name[1] === 'print' || name[1] === 'graph' ? '.' : '';
        i += 2 + (name[0]?.length ?? 0) - 1;
        continue;
      }
    }
    if (
      !t.quoted &&
      t.ch === '-' &&
      i > start &&
      tokens[i + 1] &&
      !(tokens[i + 1]?.ch === ']' && !tokens[i + 1]?.quoted)
    ) {
      body += '-';
      members += '-';
      continue;
    }
    body += escapeClass(t.ch);
    members += t.ch;
  }
  return undefined;
}

function escapeRegex(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function escapeClass(ch: string): string {
  return ch.replace(/[\]\\^-]/g, '\\$&');
}

/** Characters bash reads the same bare and quoted, or glob syntax that must stay bare. */
const BARE = /^[A-Za-z0-9_./*?[\]!^:%+@=-]$/;

/** Literal runs single-quoted, unquoted glob characters left bare, so bash reads back the same field. */
function shellOf(tokens: Token[], glob: boolean): string {
  if (!glob) return tokens.length === 0 ? "''" : singleQuote(tokens.map(t => t.ch).join(''));
  let out = '';
  let run = '';
  const flush = (): void => {
    if (run !== '') out += `'${run.replace(/'/g, `'\\''`)}'`;
    run = '';
  };
  for (const t of tokens) {
    if (!t.quoted && BARE.test(t.ch)) {
      flush();
      out += t.ch;
    } else run += t.ch;
  }
  flush();
  return out;
}
