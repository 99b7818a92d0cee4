import { describe, expect, it } from '@jest/globals';
import { checkAwkProgram } from '../../src/policy/awk-program.js';
import { checkJqProgram } from '../../src/policy/jq-program.js';
import { checkSedScript } from '../../src/policy/sed-script.js';

describe('sed scripts are parsed completely', () => {
  it.each([
    'p',
    '1,80p',
    's/a/b/g',
    's|/usr|/opt|2g',
    '/^#/d;s/x/y/2',
    '0~3d',
    '/a/I,+2p',
    '1!G;h;$!d',
    ':a\n$!N;s/\\n//;ta',
    '/x/{p;q}',
    '$a\\\nlast line',
    '1i header; 1e id is text here',
    'y/abc/xyz/',
    's/a/\\\n/',
    '#n\np',
    '\\,x,d',
    'l 5',
    'q5',
    '='
  ])('%j is safe', script => {
    expect(checkSedScript(script)).toBeUndefined();
  });

  it.each([
    ['e id', 'sed-exec'],
    ['1e id', 'sed-exec'],
    ['s/x/id/e', 'sed-exec'],
    ['s/x/y/ge', 'sed-exec'],
    ['/x/{\ne id\n}', 'sed-exec'],
    ['p;w out', 'sed-file'],
    ['s/x/y/w out', 'sed-file'],
    ['1r /etc/passwd', 'sed-file'],
    ['R x', 'sed-file'],
    ['W x', 'sed-file'],
    ['k', 'sed-unparsed'],
    ['s/a/b', 'sed-unparsed'],
    ['{p', 'sed-unparsed'],
    ['p}', 'sed-unparsed'],
    ['1,', 'sed-unparsed'],
    ['pq', 'sed-unparsed']
  ] as const)('%j → %s', (script, rule) => {
    expect(checkSedScript(script)?.rule).toBe(rule);
  });
});

describe('awk programs are tokenized', () => {
  it.each([
    '{print $1}',
    'NR>=10 && NR<=20',
    '{ sum += $1 } END { print sum }',
    '$2 > 5 { n++ } END { print n }',
    '{ print ($1 > 5) }',
    '{ x = $2 / $3; print x }',
    '{ gsub(/a/, "b"); print }',
    'BEGIN { FS = ":" } { print $1 }',
    '/system/ { print "system(" }',
    '{ while ((getline line) > 0) n++ }',
    'length > 80',
    'BEGIN { a = "ARGV" } { print a }',
    '{ FILENAME = "x"; print }'
  ])('%j is safe', program => {
    expect(checkAwkProgram(program)).toBeUndefined();
  });

  it.each([
    ['BEGIN { system("id") }', 'awk-exec'],
    ['{ print | "sh" }', 'awk-exec'],
    ['BEGIN { "id" | getline }', 'awk-exec'],
    ['BEGIN { print |& "sh" }', 'awk-exec'],
    ['{ print > "x" }', 'awk-file'],
    ['{ printf "%s", $0 >> "x" }', 'awk-file'],
    ['{ getline x < "/etc/passwd" }', 'awk-file'],
    ['{ getline < "f" }', 'awk-file'],
    ['BEGIN { print ENVIRON["HOME"] }', 'awk-environ'],
    ['BEGIN { print PROCINFO["pid"] }', 'awk-environ'],
    ['BEGIN { ARGV[1] = "/etc/passwd" } { print }', 'awk-argv'],
    ['BEGIN { ARGV [ARGC++] = "/etc/passwd" } { print }', 'awk-argv'],
    ['BEGIN { split("/etc/passwd", ARGV); ARGC = 3 } { print }', 'awk-argv'],
    ['BEGIN { ARGC = 1 } { print }', 'awk-argv'],
    ['BEGIN { print ARGV[1] }', 'awk-argv'],
    ['BEGIN { f = "system"; @f("id") }', 'awk-indirect'],
    ['@include "x"', 'awk-indirect'],
    ['BEGIN { system\\\n("id") }', 'awk-continuation'],
    ['BEGIN { print "unclosed }', 'awk-exec']
  ] as const)('%j → %s', (program, rule) => {
    expect(checkAwkProgram(program)?.rule).toBe(rule);
  });
});

describe('jq module paths', () => {
  it.each(['.a', '.[] | select(.x) | .name', 'import "lib" as lib; lib::f', 'include "helpers"; .'])(
    '%j is safe',
    program => {
      expect(checkJqProgram(program)).toBeUndefined();
    }
  );

  it.each([
    'import "../x" as x; .',
    'include "/etc/x"; .',
    'import "a/../../x" as $d; .',
    'import "x" as x {"search": "/"}; .'
  ])('%j → jq-module', program => {
    expect(checkJqProgram(program)?.rule).toBe('jq-module');
  });
});
