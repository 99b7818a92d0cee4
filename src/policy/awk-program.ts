import type { ScriptProblem } from './sed-script.js';

type Token = { kind: 'ident' | 'string' | 'regex' | 'number' | 'op' | 'newline'; text: string };

const EXEC: ScriptProblem = {
  rule: 'awk-exec',
  reason: 'the awk program runs commands (system(), a pipe to or from a command, or |&)'
};
const FILE: ScriptProblem = {
  rule: 'awk-file',
  reason: 'the awk program reads or writes files of its own (getline < file, print > file)'
};
const ENVIRON: ScriptProblem = {
  rule: 'awk-environ',
  reason:
    'the awk program reads the environment or interpreter internals (ENVIRON, PROCINFO, SYMTAB, FUNCTAB)'
};
const ARGV: ScriptProblem = {
  rule: 'awk-argv',
  reason:
    'the awk program uses ARGV or ARGC, through which it can open files that are not on its command line'
};
const INDIRECT: ScriptProblem = {
  rule: 'awk-indirect',
  reason: 'the awk program uses @ syntax (indirect calls, @load, @include, @namespace)'
};
const CONTINUATION: ScriptProblem = {
  rule: 'awk-continuation',
  reason: 'the awk program continues a line with a backslash, which can split a call from its name'
};

const ENVIRONMENT = new Set(['ENVIRON', 'PROCINFO', 'SYMTAB', 'FUNCTAB']);
/** awk opens each ARGV element (up to ARGC) as an input file: a program that sets them reads any file. */
const ARGUMENTS = new Set(['ARGV', 'ARGC']);
/** Keywords after which "/" starts a regex; after any other operand it divides. */
const KEYWORDS = new Set([
  'print',
  'printf',
  'return',
  'in',
  'case',
  'do',
  'else',
  'getline',
  'if',
  'while',
  'for',
  'BEGIN',
  'END'
]);

function endsOperand(token: Token | undefined): boolean {
  if (!token) return false;
  if (token.kind === 'ident') return !KEYWORDS.has(token.text);
  if (token.kind === 'number' || token.kind === 'string' || token.kind === 'regex') return true;
  return (
    token.text === ')' ||
    token.text === ']' ||
    token.text === '++' ||
    token.text === '--' ||
    token.text === '$'
  );
}

/**
 * Tokenizes an awk program and reports the first construct that reaches outside the input it is
 * given. awk stays usable for field printing, filters and sums.
 */
export function checkAwkProgram(program: string): ScriptProblem | undefined {
  const tokens = tokenize(program);
  if ('rule' in tokens) return tokens;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    if (token.kind === 'ident') {
      if (token.text === 'system') return EXEC;
      if (ENVIRONMENT.has(token.text)) return ENVIRON;
      if (ARGUMENTS.has(token.text)) return ARGV;
      if (token.text === 'getline' && readsFile(tokens, k + 1)) return FILE;
      if (token.text === 'print' || token.text === 'printf') {
        const problem = printRedirect(tokens, k + 1);
        if (problem) return problem;
      }
    }
    if (token.kind === 'op' && (token.text === '|' || token.text === '|&')) return EXEC;
  }
  return undefined;
}

/** `getline [var] < file`: the optional lvalue, then "<". */
function readsFile(tokens: Token[], start: number): boolean {
  let k = start;
  if (tokens[k]?.text === '$') k += 2;
  else if (tokens[k]?.kind === 'ident') {
    k++;
    if (tokens[k]?.text === '[') {
      let depth = 0;
      for (; k < tokens.length; k++) {
        if (tokens[k]?.text === '[') depth++;
        if (tokens[k]?.text === ']' && --depth === 0) {
          k++;
          break;
        }
      }
    }
  }
  return tokens[k]?.text === '<';
}

/** A ">" or ">>" at the statement's own parenthesis depth is a redirection, not a comparison. */
function printRedirect(tokens: Token[], start: number): ScriptProblem | undefined {
  let depth = 0;
  for (let k = start; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    if (token.text === '(' || token.text === '[') depth++;
    else if (token.text === ')' || token.text === ']') {
      if (--depth < 0) return undefined;
    } else if (
      depth === 0 &&
      (token.kind === 'newline' || token.text === ';' || token.text === '}' || token.text === '{')
    )
      return undefined;
    else if (depth === 0 && (token.text === '>' || token.text === '>>')) return FILE;
  }
  return undefined;
}

function tokenize(program: string): Token[] | ScriptProblem {
  const tokens: Token[] = [];
  const n = program.length;
  let i = 0;
  const last = (): Token | undefined => tokens[tokens.length - 1];
  while (i < n) {
    const ch = program[i] as string;
    if (ch === '\\' && (program[i + 1] === '\n' || (program[i + 1] === '\r' && program[i + 2] === '\n')))
      return CONTINUATION;
    if (ch === '\n') {
      tokens.push({ kind: 'newline', text: '\n' });
      i++;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < n && program[i] !== '\n') i++;
      continue;
    }
    if (ch === '@') return INDIRECT;
    if (ch === '"') {
      let k = i + 1;
      while (k < n && program[k] !== '"') {
        if (program[k] === '\\') k++;
        if (program[k] === '\n')
          return { rule: 'awk-continuation', reason: 'an awk string runs over a line end' };
        k++;
      }
      if (k >= n)
        return { rule: 'awk-exec', reason: 'an awk string is not closed, so the program cannot be checked' };
      tokens.push({ kind: 'string', text: program.slice(i, k + 1) });
      i = k + 1;
      continue;
    }
    if (ch === '/' && !endsOperand(last())) {
      let k = i + 1;
      let inBracket = false;
      while (k < n && (program[k] !== '/' || inBracket)) {
        if (program[k] === '\\') k++;
        else if (program[k] === '[') inBracket = true;
        else if (program[k] === ']') inBracket = false;
        if (program[k] === '\n')
          return {
            rule: 'awk-exec',
            reason: 'an awk regex runs over a line end, so the program cannot be checked'
          };
        k++;
      }
      if (k >= n)
        return { rule: 'awk-exec', reason: 'an awk regex is not closed, so the program cannot be checked' };
      tokens.push({ kind: 'regex', text: program.slice(i, k + 1) });
      i = k + 1;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z_0-9]*/.exec(program.slice(i, i + 64));
    if (word) {
      tokens.push({ kind: 'ident', text: word[0] });
      i += word[0].length;
      continue;
    }
    const number = /^(?:0[xX][0-9A-Fa-f]+|\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)/.exec(
      program.slice(i, i + 64)
    );
    if (number) {
      tokens.push({ kind: 'number', text: number[0] });
      i += number[0].length;
      continue;
    }
    const op =
      /^(?:\|&|\|\||&&|>>|<=|>=|==|!=|\+\+|--|\+=|-=|\*=|\/=|%=|\^=|\*\*=|\*\*|!~|[-+*/%^!<>|?:=~$(){}[\];,])/.exec(
        program.slice(i, i + 4)
      );
    if (!op) return { rule: 'awk-exec', reason: `the awk program has a character it cannot read ("${ch}")` };
    tokens.push({ kind: 'op', text: op[0] });
    i += op[0].length;
  }
  return tokens;
}
