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
  return new SedParser(script).run();
}

class SedParser {
  private i = 0;
  private depth = 0;
  /** The command being read had an address, so it may not be empty. */
  private hadAddress = false;

  constructor(private readonly script: string) {}

  private at(k: number): string {
    return this.script[k] ?? '';
  }

  private get done(): boolean {
    return this.i >= this.script.length;
  }

  private skipBlanks(): void {
    while (!this.done && (this.at(this.i) === ' ' || this.at(this.i) === '\t')) this.i++;
  }

  private skipDigits(): void {
    while (/[0-9]/.test(this.at(this.i))) this.i++;
  }

  /** Reads up to the next unescaped delimiter; false when the line or the script ends first. */
  private delimited(delimiter: string, allowEscapedNewline: boolean): boolean {
    while (!this.done) {
      const ch = this.at(this.i++);
      if (ch === '\\') {
        if (this.at(this.i) === '\n' && !allowEscapedNewline) return false;
        this.i++;
      } else if (ch === delimiter) return true;
      else if (ch === '\n') return false;
    }
    return false;
  }

  run(): ScriptProblem | undefined {
    while (!this.done) {
      const ch = this.at(this.i);
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === ';') {
        this.i++;
        continue;
      }
      if (ch === '#') {
        while (!this.done && this.at(this.i) !== '\n') this.i++;
        continue;
      }
      const problem = this.addresses() ?? this.command();
      if (problem) return problem;
    }
    return this.depth === 0 ? undefined : unparsed('an unclosed {');
  }

  /** `addr`, `addr,addr`, `addr,+N`, `addr,~N`, then any number of `!`. */
  private addresses(): ScriptProblem | undefined {
    const first = this.address();
    if (typeof first === 'object') return first;
    this.hadAddress = first;
    if (first) {
      this.skipBlanks();
      if (this.at(this.i) === ',') {
        this.i++;
        this.skipBlanks();
        if (this.at(this.i) === '+' || this.at(this.i) === '~') {
          this.i++;
          if (!/[0-9]/.test(this.at(this.i))) return unparsed('a bad address step');
          this.skipDigits();
        } else {
          const second = this.address();
          if (typeof second === 'object') return second;
          if (!second) return unparsed('a second address is missing');
        }
      }
    }
    this.skipBlanks();
    while (this.at(this.i) === '!') {
      this.i++;
      this.skipBlanks();
    }
    return undefined;
  }

  private address(): boolean | ScriptProblem {
    const ch = this.at(this.i);
    if (/[0-9]/.test(ch)) {
      this.skipDigits();
      if (this.at(this.i) === '~') {
        this.i++;
        this.skipDigits();
      }
      return true;
    }
    if (ch === '$') {
      this.i++;
      return true;
    }
    if (ch !== '/' && ch !== '\\') return false;
    let delimiter = '/';
    if (ch === '\\') {
      delimiter = this.at(this.i + 1);
      if (delimiter === '' || delimiter === '\n' || delimiter === '\\')
        return unparsed('a bad address delimiter');
      this.i += 2;
    } else this.i++;
    if (!this.delimited(delimiter, false)) return unparsed('an address regex is not closed');
    while (this.at(this.i) === 'I' || this.at(this.i) === 'M') this.i++;
    return true;
  }

  private command(): ScriptProblem | undefined {
    const command = this.at(this.i++);
    if (command === '') return this.hadAddress ? unparsed('an address without a command') : undefined;
    const problem = this.commandBody(command);
    if (problem) return problem;
    if (command === '{') return undefined;
    this.skipBlanks();
    const end = this.at(this.i);
    if (end !== '' && end !== ';' && end !== '\n' && end !== '}' && end !== '#') {
      return unparsed(`unexpected "${end}" after the ${command} command`);
    }
    return undefined;
  }

  private commandBody(command: string): ScriptProblem | undefined {
    if (command === '{') {
      this.depth++;
      return undefined;
    }
    if (command === '}') return --this.depth < 0 ? unparsed('an unmatched }') : undefined;
    if (BARE.has(command)) return undefined;
    if ('lLqQ'.includes(command)) {
      this.skipBlanks();
      this.skipDigits();
      return undefined;
    }
    if (':btTv'.includes(command)) {
      this.skipBlanks();
      while (!this.done && this.at(this.i) !== '\n' && this.at(this.i) !== ';') this.i++;
      return undefined;
    }
    if ('aic'.includes(command)) return this.text();
    if (command === 's') return this.substitute();
    if (command === 'y') return this.transliterate();
    if (command === 'e') return EXEC;
    if ('rRwW'.includes(command)) return FILE;
    return unparsed(`"${command}" is not a sed command`);
  }

  /** GNU one-liner or classic `a\` text: to an unescaped newline; a backslash continues it. */
  private text(): undefined {
    this.skipBlanks();
    if (this.at(this.i) === '\\') {
      this.i++;
      if (this.at(this.i) === '\n') this.i++;
    }
    while (!this.done && this.at(this.i) !== '\n') this.i += this.at(this.i) === '\\' ? 2 : 1;
    return undefined;
  }

  private substitute(): ScriptProblem | undefined {
    const delimiter = this.at(this.i++);
    if (delimiter === '' || delimiter === '\n' || delimiter === '\\') return unparsed('a bad s delimiter');
    if (!this.delimited(delimiter, false)) return unparsed('the s regex is not closed');
    if (!this.delimited(delimiter, true)) return unparsed('the s replacement is not closed');
    for (;;) {
      const flag = this.at(this.i);
      if (flag === 'e') return EXEC;
      if (flag === 'w') return FILE;
      if (flag === '' || !/[gpiImM0-9]/.test(flag)) return undefined;
      this.i++;
    }
  }

  private transliterate(): ScriptProblem | undefined {
    const delimiter = this.at(this.i++);
    if (delimiter === '' || delimiter === '\n' || delimiter === '\\') return unparsed('a bad y delimiter');
    if (!this.delimited(delimiter, false) || !this.delimited(delimiter, false))
      return unparsed('the y command is not closed');
    return undefined;
  }
}
