import type { RuleId } from './rules.js';

export interface ScriptProblem {
  rule: RuleId;
  reason: string;
}

const EXEC: ScriptProblem = {
  rule: 'sed-exec',
  reason: 'the sed script runs a command (the e command or the e flag of s)'
};
const FILE: ScriptProblem = {
  rule: 'sed-file',
  reason: 'the sed script reads or writes a file of its own (r, R, w, W, or the w flag of s)'
};
const unparsed = (why: string): ScriptProblem => ({
  rule: 'sed-unparsed',
  reason: `the sed script cannot be checked: ${why}`
});

/** Commands that take nothing after them. */
const BARE = new Set([...'=dDgGhHnNpPxzF']);

/**
 * Parses a complete GNU sed script (every -e and -f source joined by newlines, as sed does) and
 * reports the first command that runs a program or touches a file. Anything it cannot follow is
 * a problem too (fail closed).
 */
export function checkSedScript(script: string): ScriptProblem | undefined {
  const n = script.length;
  let i = 0;
  let depth = 0;
  const at = (k: number): string => script[k] ?? '';
  const skipBlanks = (): void => {
    while (i < n && (at(i) === ' ' || at(i) === '\t')) i++;
  };
  /** Reads up to the next unescaped delimiter; false when the line or script ends first. */
  const delimited = (delimiter: string, allowEscapedNewline: boolean): boolean => {
    while (i < n) {
      const ch = at(i++);
      if (ch === '\\') {
        if (at(i) === '\n' && !allowEscapedNewline) return false;
        i++;
      } else if (ch === delimiter) return true;
      else if (ch === '\n') return false;
    }
    return false;
  };
  const address = (): boolean | ScriptProblem => {
    const ch = at(i);
    if (/[0-9]/.test(ch)) {
      while (/[0-9]/.test(at(i))) i++;
      if (at(i) === '~') {
        i++;
        while (/[0-9]/.test(at(i))) i++;
      }
      return true;
    }
    if (ch === '$') {
      i++;
      return true;
    }
    if (ch === '/' || ch === '\\') {
      let delimiter = '/';
      if (ch === '\\') {
        delimiter = at(i + 1);
        if (delimiter === '' || delimiter === '\n' || delimiter === '\\')
          return unparsed('a bad address delimiter');
        i += 2;
      } else i++;
      if (!delimited(delimiter, false)) return unparsed('an address regex is not closed');
      while (at(i) === 'I' || at(i) === 'M') i++;
      return true;
    }
    return false;
  };
  while (i < n) {
    const ch = at(i);
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === ';') {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < n && at(i) !== '\n') i++;
      continue;
    }
    const first = address();
    if (typeof first === 'object') return first;
    if (first) {
      skipBlanks();
      if (at(i) === ',') {
        i++;
        skipBlanks();
        if (at(i) === '+' || at(i) === '~') {
          i++;
          if (!/[0-9]/.test(at(i))) return unparsed('a bad address step');
          while (/[0-9]/.test(at(i))) i++;
        } else {
          const second = address();
          if (typeof second === 'object') return second;
          if (!second) return unparsed('a second address is missing');
        }
      }
    }
    skipBlanks();
    while (at(i) === '!') {
      i++;
      skipBlanks();
    }
    const command = at(i++);
    if (command === '') return first ? unparsed('an address without a command') : undefined;
    if (command === '{') {
      depth++;
      continue;
    }
    if (command === '}') {
      if (--depth < 0) return unparsed('an unmatched }');
    } else if (BARE.has(command)) {
      // nothing follows
    } else if ('lLqQ'.includes(command)) {
      skipBlanks();
      while (/[0-9]/.test(at(i))) i++;
    } else if (command === ':' || command === 'b' || command === 't' || command === 'T') {
      skipBlanks();
      while (i < n && at(i) !== '\n' && at(i) !== ';') i++;
    } else if (command === 'a' || command === 'i' || command === 'c') {
      skipBlanks();
      if (at(i) === '\\') {
        i++;
        if (at(i) === '\n') i++;
      }
      // The text runs to an unescaped newline; a backslash continues it on the next line.
      while (i < n && at(i) !== '\n') i += at(i) === '\\' ? 2 : 1;
    } else if (command === 's') {
      const delimiter = at(i++);
      if (delimiter === '' || delimiter === '\n' || delimiter === '\\') return unparsed('a bad s delimiter');
      if (!delimited(delimiter, false)) return unparsed('the s regex is not closed');
      if (!delimited(delimiter, true)) return unparsed('the s replacement is not closed');
      for (;;) {
        const flag = at(i);
        if (flag === 'e') return EXEC;
        if (flag === 'w') return FILE;
        if (/[gpiImM0-9]/.test(flag) && flag !== '') {
          i++;
          continue;
        }
        break;
      }
    } else if (command === 'y') {
      const delimiter = at(i++);
      if (delimiter === '' || delimiter === '\n' || delimiter === '\\') return unparsed('a bad y delimiter');
      if (!delimited(delimiter, false) || !delimited(delimiter, false))
        return unparsed('the y command is not closed');
    } else if (command === 'e') {
      return EXEC;
    } else if ('rRwW'.includes(command)) {
      return FILE;
    } else if (command === 'v') {
      skipBlanks();
      while (i < n && at(i) !== '\n' && at(i) !== ';') i++;
    } else {
      return unparsed(`"${command}" is not a sed command`);
    }
    skipBlanks();
    const end = at(i);
    if (end !== '' && end !== ';' && end !== '\n' && end !== '}' && end !== '#') {
      return unparsed(`unexpected "${end}" after the ${command} command`);
    }
  }
  return depth === 0 ? undefined : unparsed('an unclosed {');
}
