/**
 * `.gitattributes` as git reads it, for the attributes GitHub's linguist uses to hide files from diffs
 * (`linguist-generated`, `linguist-vendored`). Patterns follow git's rules: a pattern without a slash
 * matches a file name at any depth below its file's directory, one with a slash matches the path
 * relative to that directory, `**` spans directories, a trailing slash only matches directories (so
 * never a file), and negated patterns are not allowed. Later lines win over earlier ones, and a deeper
 * `.gitattributes` over a shallower one.
 */
import { globToRegExp } from '../tools/glob.js';

/** Set (`name`), unset (`-name`), a value (`name=value`), or back to unspecified (`!name`). */
export type AttributeState = true | false | string | undefined;

interface Rule {
  /** Directory of the `.gitattributes` file, '' for the root, without a trailing slash. */
  dir: string;
  matches: (relative: string) => boolean;
  attributes: Map<string, AttributeState>;
}

/** The `.gitattributes` files of one tree, keyed by the directory each sits in ('' for the root). */
export class GitAttributes {
  private readonly rules: Rule[];

  constructor(files: ReadonlyArray<{ dir: string; text: string }>) {
    const ordered = [...files].sort((a, b) => depth(a.dir) - depth(b.dir) || a.dir.localeCompare(b.dir));
    this.rules = ordered.flatMap(file => parseRules(file.text, trimSlashes(file.dir)));
  }

  /** The state of attribute `name` for the file at `path` (relative to the repository root). */
  get(path: string, name: string): AttributeState {
    let state: AttributeState = undefined;
    for (const rule of this.rules) {
      if (!rule.attributes.has(name)) continue;
      const relative =
        rule.dir === '' ? path : path.startsWith(`${rule.dir}/`) ? path.slice(rule.dir.length + 1) : null;
      if (relative !== null && rule.matches(relative)) state = rule.attributes.get(name);
    }
    return state;
  }

  /** Whether a linguist attribute marks the file (set, or any value but `false`). */
  marks(path: string, name: string): boolean {
    const state = this.get(path, name);
    return state === true || (typeof state === 'string' && state.toLowerCase() !== 'false');
  }
}

function depth(dir: string): number {
  const trimmed = trimSlashes(dir);
  return trimmed === '' ? 0 : trimmed.split('/').length;
}

function trimSlashes(dir: string): string {
  return dir.replace(/^\/+|\/+$/g, '');
}

function parseRules(text: string, dir: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^[ \t]+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const split = splitPattern(line);
    if (!split) continue;
    const { pattern, rest } = split;
    // Macro definitions and negated patterns (which git refuses) assign nothing to files.
    if (pattern.startsWith('[attr]') || pattern.startsWith('!') || pattern === '') continue;
    const matches = patternMatcher(pattern);
    if (!matches) continue;
    const attributes = new Map<string, AttributeState>();
    for (const token of rest.split(/[ \t]+/).filter(Boolean)) {
      if (token.startsWith('-')) attributes.set(token.slice(1), false);
      else if (token.startsWith('!')) attributes.set(token.slice(1), undefined);
      else if (token.includes('='))
        attributes.set(token.slice(0, token.indexOf('=')), token.slice(token.indexOf('=') + 1));
      else attributes.set(token, true);
    }
    if (attributes.size > 0) rules.push({ dir, matches, attributes });
  }
  return rules;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' };

/** The pattern (a C-style quoted one unquoted; octal escapes are UTF-8 bytes) and the attributes after it. */
function splitPattern(line: string): { pattern: string; rest: string } | null {
  if (!line.startsWith('"')) {
    const end = line.search(/[ \t]/);
    return end === -1 ? { pattern: line, rest: '' } : { pattern: line.slice(0, end), rest: line.slice(end) };
  }
  const bytes: number[] = [];
  const add = (text: string) => bytes.push(...Buffer.from(text, 'utf8'));
  for (let at = 1; at < line.length; at++) {
    const char = String.fromCodePoint(line.codePointAt(at) as number);
    at += char.length - 1;
    if (char === '"') return { pattern: Buffer.from(bytes).toString('utf8'), rest: line.slice(at + 1) };
    if (char !== '\\') {
      add(char);
      continue;
    }
    const next = line[++at];
    if (next === undefined) return null;
    const octal = /^[0-7]{3}/.exec(line.slice(at));
    if (octal) {
      bytes.push(parseInt(octal[0], 8) & 0xff);
      at += 2;
    } else {
      add(ESCAPES[next] ?? next);
    }
  }
  return null; // an unterminated quote: git ignores the line
}

function patternMatcher(pattern: string): ((relative: string) => boolean) | null {
  // A pattern that only matches directories never matches a file: attributes do not recurse.
  if (pattern.endsWith('/')) return null;
  const anchored = pattern.replace(/^\/+/, '');
  if (anchored.includes('/')) {
    const regex = globToRegExp(anchored);
    return relative => regex.test(relative);
  }
  const regex = globToRegExp(anchored);
  return relative => regex.test(relative.slice(relative.lastIndexOf('/') + 1));
}
