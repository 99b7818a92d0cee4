/**
 * Globs as the tools understand them, matching git's `:(glob)` pathspec magic so the git path and
 * the no-git fallback agree: `*` and `?` stay inside one path segment, `**` spans segments (a
 * leading double star and slash may match no directory at all, a trailing one everything below), `[...]` is a
 * character class. Braces (`*.{ts,tsx}`), which git lacks, are expanded first.
 */

/** Expands `{a,b}` alternatives (nested too) into plain globs; a brace without a comma stays literal. */
export function expandBraces(glob: string): string[] {
  const open = findTopLevelBrace(glob);
  if (!open) return [glob];
  const { start, end, alternatives } = open;
  const before = glob.slice(0, start);
  const after = glob.slice(end + 1);
  return alternatives.flatMap(choice => expandBraces(before + choice + after));
}

function findTopLevelBrace(glob: string): { start: number; end: number; alternatives: string[] } | null {
  for (let start = 0; start < glob.length; start++) {
    if (glob[start] === '\\') {
      start++;
      continue;
    }
    if (glob[start] !== '{') continue;
    let depth = 0;
    let pieceStart = start + 1;
    const alternatives: string[] = [];
    for (let at = start; at < glob.length; at++) {
      const char = glob[at];
      if (char === '\\') {
        at++;
      } else if (char === '{') {
        depth++;
      } else if (char === '}') {
        depth--;
        if (depth === 0) {
          alternatives.push(glob.slice(pieceStart, at));
          if (alternatives.length > 1) return { start, end: at, alternatives };
          break;
        }
      } else if (char === ',' && depth === 1) {
        alternatives.push(glob.slice(pieceStart, at));
        pieceStart = at + 1;
      }
    }
  }
  return null;
}

/** Compiles one brace-free glob to a RegExp matched against a whole `/`-separated relative path. */
export function globToRegExp(glob: string, options: { caseInsensitive?: boolean } = {}): RegExp {
  let source = '';
  for (let at = 0; at < glob.length; at++) {
    const char = glob[at] as string;
    if (char === '*') {
      if (glob[at + 1] === '*') {
        const startsSegment = at === 0 || glob[at - 1] === '/';
        const endsSegment = at + 2 === glob.length || glob[at + 2] === '/';
        if (startsSegment && endsSegment) {
          if (at + 2 === glob.length) {
            source += '.*';
          } else {
            source += '(?:.*/)?';
            at++; // the slash after ** is part of the optional group
          }
          at++;
          continue;
        }
      }
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const close = glob.indexOf(']', at + 2);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      let body = glob.slice(at + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      source += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      at = close;
    } else if (char === '\\' && at + 1 < glob.length) {
      at++;
      source += escapeRegExp(glob[at] as string);
    } else {
      source += escapeRegExp(char);
    }
  }
  // A trailing `/**` should also match the directory itself (`.git/**` protects `.git`).
  if (source.endsWith('/.*')) source = `${source.slice(0, -3)}(?:/.*)?`;
  return new RegExp(`^${source}$`, options.caseInsensitive ? 'iu' : 'u');
}

/** A matcher for any of the brace alternatives of `glob`. */
export function compileGlob(
  glob: string,
  options: { caseInsensitive?: boolean } = {}
): (path: string) => boolean {
  const patterns = expandBraces(glob).map(one => globToRegExp(one, options));
  return path => patterns.some(pattern => pattern.test(path));
}

/** Escapes a literal path so git's glob magic treats it verbatim. */
export function escapeGlob(literal: string): string {
  return literal.replace(/[*?[\]\\{}]/g, '\\$&');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
