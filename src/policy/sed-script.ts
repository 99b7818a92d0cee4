/**
 * Finds the parts of a sed invocation that run commands or touch files the argument rules cannot
 * see: the `e`, `w`, `W`, `r`, `R` commands, the `e` and `w` flags of `s`, and script files. The
 * scanner understands addresses, `s`/`y` with any delimiter, labels and one-line `a`/`i`/`c` text;
 * anything it cannot follow counts as dangerous (fail closed).
 */
export function findSedDanger(args: readonly string[]): string | undefined {
  const scripts: string[] = [];
  let sawExpression = false;
  let firstOperand: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      firstOperand ??= args[i + 1];
      break;
    }
    if (arg.startsWith('--')) {
      const [name = '', value] = arg.slice(2).split(/=(.*)/s, 2);
      if ('file'.startsWith(name) && name.length > 0) return arg;
      if ('expression'.startsWith(name) && name.length > 0) {
        scripts.push(value ?? args[++i] ?? '');
        sawExpression = true;
      } else if ('line-length'.startsWith(name) && name.length > 1 && value === undefined) i++;
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let k = 1; k < arg.length; k++) {
        const flag = arg[k];
        if (flag === 'f') return arg;
        if (flag === 'e') {
          const rest = arg.slice(k + 1);
          scripts.push(rest !== '' ? rest : (args[++i] ?? ''));
          sawExpression = true;
          break;
        }
        if (flag === 'l') {
          if (k === arg.length - 1) i++;
          break;
        }
        if (flag === 'i') break;
      }
      continue;
    }
    firstOperand ??= arg;
    if (!sawExpression) break;
  }
  if (!sawExpression && firstOperand !== undefined) scripts.push(firstOperand);
  for (const script of scripts) {
    if (!sedScriptIsSafe(script)) return script;
  }
  return undefined;
}

const ADDRESS_CHARS = /[0-9$,~!+ \t]/;
const SIMPLE_COMMANDS = new Set([
  'd',
  'D',
  'g',
  'G',
  'h',
  'H',
  'l',
  'n',
  'N',
  'p',
  'P',
  'x',
  'z',
  '=',
  'F',
  '{',
  '}'
]);

function sedScriptIsSafe(script: string): boolean {
  let i = 0;
  const n = script.length;
  const skipDelimited = (delimiter: string): boolean => {
    // Reads up to the next unescaped delimiter; false when the script ends first.
    while (i < n) {
      const ch = script[i++];
      if (ch === '\\') i++;
      else if (ch === delimiter) return true;
      else if (ch === '\n' && delimiter !== '\n') return false;
    }
    return false;
  };
  const skipToEnd = (): void => {
    while (i < n && script[i] !== ';' && script[i] !== '\n' && script[i] !== '}') i++;
  };
  while (i < n) {
    const ch = script[i] ?? '';
    if (ch === ';' || ch === '\n' || ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    if (ADDRESS_CHARS.test(ch)) {
      i++;
      continue;
    }
    if (ch === '/') {
      i++;
      if (!skipDelimited('/')) return false;
      while (script[i] === 'I' || script[i] === 'M') i++;
      continue;
    }
    if (ch === '\\') {
      const delimiter = script[i + 1];
      if (delimiter === undefined) return false;
      i += 2;
      if (!skipDelimited(delimiter)) return false;
      continue;
    }
    if (ch === '#') {
      while (i < n && script[i] !== '\n') i++;
      continue;
    }
    i++;
    if (SIMPLE_COMMANDS.has(ch)) continue;
    if (ch === 'q' || ch === 'Q' || ch === 'L') {
      while (i < n && /[0-9 \t]/.test(script[i] ?? '')) i++;
      continue;
    }
    if (ch === ':' || ch === 'b' || ch === 't' || ch === 'T') {
      skipToEnd();
      continue;
    }
    if (ch === 'a' || ch === 'i' || ch === 'c') {
      // GNU one-liner text runs to the end of the line (backslash-newline continues it).
      while (i < n && script[i] !== '\n') i += script[i] === '\\' ? 2 : 1;
      continue;
    }
    if (ch === 's' || ch === 'y') {
      const delimiter = script[i];
      if (delimiter === undefined || delimiter === '\n' || delimiter === '\\') return false;
      i++;
      if (!skipDelimited(delimiter) || !skipDelimited(delimiter)) return false;
      if (ch === 's') {
        while (i < n && /[gpiImM0-9ew]/.test(script[i] ?? '')) {
          if (script[i] === 'e' || script[i] === 'w') return false;
          i++;
        }
      }
      continue;
    }
    // e, w, W, r, R, v and anything unknown.
    return false;
  }
  return true;
}
