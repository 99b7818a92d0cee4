/**
 * Every reason a command can be denied, each with a stable id that `kubrick policy check`, the
 * transcript and the tests carry. Ids never change meaning; a new kind of denial gets a new id.
 * `example` is a command the test suite must see denied with exactly this id, under a policy that
 * allows its program (docs/policy.md lists the same table).
 */
export const RULES = {
  'no-policy': { summary: 'no policy file exists, so no command may run', example: 'ls' },
  'empty-command': { summary: 'the command is empty', example: ' ' },
  'command-too-long': {
    summary: 'the command is longer than 100 000 characters',
    example: 'ls aaaa…(100 000 more)'
  },
  'nul-byte': { summary: 'the command contains a NUL byte', example: 'ls\0' },
  'parse-error': { summary: 'the command is not complete shell syntax', example: 'echo "unterminated' },
  'hidden-character': {
    summary: 'invisible or control characters (zero-width, bidi, non-breaking space, CR)',
    example: "echo 'a\u200bb'"
  },
  'non-ascii': {
    summary: 'non-ASCII in a command name, an option or an unquoted word (look-alike letters)',
    example: 'ｌｓ'
  },
  background: { summary: 'running a command in the background with &', example: 'ls &' },
  'time-keyword': { summary: 'the time keyword', example: 'time ls' },
  'control-structure': {
    summary: 'if, for, while, until, case, select, [[ ]], (( )), coproc',
    example: 'for f in a; do ls; done'
  },
  'function-definition': { summary: 'defining a shell function', example: 'f() { ls; }' },
  assignment: { summary: 'variable assignments, before a command or alone', example: 'FOO=1 ls' },
  'redirect-without-command': { summary: 'a redirection with no command', example: '> out.txt' },
  'redirect-pattern': {
    summary: 'a redirection target that is a file pattern or a brace expansion',
    example: 'echo x > *.txt'
  },
  'redirect-fd-variable': { summary: 'a {fd}> redirection that assigns a variable', example: 'ls {fd}> x' },
  'heredoc-unclosed': { summary: 'a here-document without its closing line', example: 'cat <<EOF\nx' },
  'heredoc-expansion': {
    summary: 'an unquoted here-document body with $ or a backtick',
    example: 'cat <<EOF\n$HOME\nEOF'
  },
  'command-substitution': {
    summary: 'command or process substitution: $(…), `…`, <(…)',
    example: 'ls $(id)'
  },
  'variable-expansion': { summary: 'any $ expansion: $HOME, ${X}, $1, $((…))', example: 'ls $HOME' },
  'quoting-expansion': { summary: '$\'…\' and $"…" quoting', example: "ls $'\\x2f'" },
  tilde: { summary: '~ or ~user, which expand to a home directory', example: 'ls ~' },
  'extended-glob': { summary: 'extended globs such as @(a|b)', example: 'ls @(a|b)' },
  'brace-too-large': { summary: 'a brace expansion with more than 1024 results', example: 'ls {1..5000}' },
  'glob-command-name': { summary: 'a command name that is a file pattern', example: 'l? -la' },
  'glob-dotdot': {
    summary: 'a pattern that can match "." or "..", or ".." after a pattern',
    example: 'ls .*'
  },
  'glob-protected-write': {
    summary: 'a pattern written to that could match a protected path (directly or through a link)',
    example: 'tee */.git/config'
  },
  'glob-option': {
    summary: 'a pattern at the start of an argument that matches a file named like an option',
    example: 'ls *'
  },
  'program-wrapper': {
    summary: 'eval, exec, env, sudo, xargs, timeout, … run a command hidden from the allowlist',
    example: 'env ls'
  },
  'shell-state': {
    summary: 'set, export, declare, read, trap, alias, … change state that later commands inherit',
    example: 'set -e'
  },
  'process-control': { summary: 'kill, wait, jobs, … act on other processes', example: 'kill 1' },
  'builtin-subscript': {
    summary: 'test/[ -v with an array subscript, or a builtin number that bash evaluates as arithmetic',
    example: "test -v 'a[$(id)]'"
  },
  'prefix-not-allowed': { summary: 'no allow entry is a prefix of the command', example: 'curl x' },
  'prefix-denied': { summary: 'a deny entry is a prefix of the command', example: 'git push origin main' },
  'path-outside': {
    summary: 'a path that resolves outside the workspace (symlinks followed as the kernel does)',
    example: 'cat /etc/passwd'
  },
  'path-proc': { summary: 'a path under /proc', example: 'cat /proc/self/environ' },
  'path-device': { summary: 'a device path other than /dev/null', example: 'cat /dev/sda' },
  'path-protected-write': {
    summary: 'writing, moving or deleting a protected path (.git, .github/workflows, the policy, the config)',
    example: 'echo x > .git/config'
  },
  'path-unresolvable': {
    summary: 'a path whose symlinks cannot be resolved (loops, unreadable directories)',
    example: 'cat loops/loop/x'
  },
  'workspace-root': {
    summary: 'deleting, moving or changing the workspace root or a directory above it',
    example: 'rm -r .'
  },
  'cd-target': { summary: 'cd needs exactly one directory inside the workspace', example: 'cd' },
  'too-many-directories': {
    summary: 'a script that changes directory too often to check',
    example: 'cd src; cd scripts; cd patches; cd evil'
  },
  'symlink-target': {
    summary: 'a link whose target resolves outside the workspace or into a protected path',
    example: 'ln -s /etc e'
  },
  'option-unknown': {
    summary: 'an option the program grammar does not know (fail closed), or an ambiguous abbreviation',
    example: 'cat --bogus x'
  },
  'option-value-missing': { summary: 'an option that needs a value has none', example: 'sort x -o' },
  'archive-unlisted': {
    summary:
      'an extraction whose targets cannot be listed first (compressed by an unsupported tool, stdin, missing)',
    example: 'tar -xf missing.tar'
  },
  'archive-link': {
    summary:
      'an archive or patch that creates a symlink or hard link leading outside or into a protected path',
    example: 'tar -xf links.tar'
  },
  'content-write': {
    summary: 'an extraction, patch or recursive copy that writes a protected path or outside the workspace',
    example: 'tar -xf evil.tar'
  },
  'content-too-large': {
    summary: 'a pattern, directory or archive with too many entries to check',
    example: 'cat many/*'
  },
  'interpreter-inline': {
    summary: 'inline code (sh -c, python -c, node -e) when the interpreter is not allowed by its bare name',
    example: "python -c 'import os'"
  },
  'git-config-override': {
    summary: 'git -c / --config-env: configuration such as core.pager runs commands',
    example: 'git -c core.pager=sh diff'
  },
  'git-repository-override': {
    summary: 'git -C, --git-dir, --work-tree, --bare, or git run outside the workspace root',
    example: 'git -C /tmp status'
  },
  'git-exec-path': {
    summary: 'git --exec-path=DIR changes where git finds its programs',
    example: 'git --exec-path=. status'
  },
  'git-output': { summary: 'git --output writes to any file', example: 'git diff --output=/tmp/x' },
  'git-external-program': {
    summary: 'git options that run a program: --ext-diff, --upload-pack, --receive-pack, --exec, grep -O',
    example: 'git grep -Osh foo'
  },
  'git-runs-commands': {
    summary: 'difftool, mergetool, filter-branch, submodule foreach, bisect run, rebase --exec, --template',
    example: 'git rebase -x id main'
  },
  'git-config-write': { summary: 'git config that writes a setting', example: 'git config alias.x !sh' },
  'git-push-force': {
    summary: 'git push --force, --mirror, --delete, +ref, :ref',
    example: 'git push origin +main'
  },
  'git-subcommand-unknown': {
    summary: 'a git subcommand without a grammar (aliases included)',
    example: 'git frobnicate'
  },
  'npm-config': {
    summary: 'npm options that choose the shell, node options, config files, editor or location',
    example: 'npm test --script-shell=sh'
  },
  'npm-scripts-enabled': {
    summary: 'npm flags that turn install scripts back on',
    example: 'npm ci --ignore-scripts=false'
  },
  'npm-runs-commands': {
    summary: 'npm exec -c, npx -c, explore, edit, config set',
    example: 'npm explore x'
  },
  'find-exec': { summary: 'find -exec, -execdir, -ok, -okdir', example: 'find . -exec sh {} ;' },
  'find-delete': { summary: 'find -delete', example: 'find . -delete' },
  'program-option-exec': {
    summary:
      'an option whose value is a program to run (rg --pre, sort --compress-program, tar --to-command, …)',
    example: 'rg --pre=sh foo'
  },
  'tar-absolute-names': {
    summary: 'tar -P / --absolute-names, --transform on extraction',
    example: 'tar -xPf a.tar'
  },
  'sed-exec': { summary: 'sed e command or s///e flag', example: "sed '1e id' a.txt" },
  'sed-file': { summary: 'sed r, R, w, W commands and s///w', example: "sed 'w out' a.txt" },
  'sed-script-file': {
    summary: 'a sed -f script that cannot be read and checked',
    example: 'sed -f missing.sed a.txt'
  },
  'sed-in-place-suffix': { summary: 'a sed -i suffix holding / or *', example: "sed -i'x/*' s/a/b/ a.txt" },
  'sed-unparsed': { summary: 'a sed script the checker cannot follow', example: "sed 'k' a.txt" },
  'awk-exec': {
    summary: 'awk system(), pipes to or from commands, |&',
    example: 'awk \'BEGIN { system("id") }\''
  },
  'awk-file': {
    summary: 'awk getline from a file, output redirection to a file',
    example: 'awk \'{ print > "x" }\' a.txt'
  },
  'awk-environ': {
    summary: 'awk ENVIRON, PROCINFO, SYMTAB, FUNCTAB',
    example: 'awk \'BEGIN { print ENVIRON["HOME"] }\''
  },
  'awk-argv': {
    summary: 'awk ARGV or ARGC (the program chooses its own input files)',
    example: 'awk \'BEGIN { ARGV[1] = "/etc/passwd" } { print }\' a.txt'
  },
  'awk-indirect': {
    summary: 'awk @ syntax: indirect calls, @load, @include',
    example: "awk 'BEGIN { @f() }'"
  },
  'awk-continuation': {
    summary: 'a backslash line continuation in an awk program',
    example: "awk 'BEGIN { x\\\n}'"
  },
  'awk-extension': {
    summary: 'awk -l/--load, -i/--include, -E/--exec, -D/--debug',
    example: 'awk -l ext 1'
  },
  'awk-program-file': {
    summary: 'an awk -f program file that cannot be read and checked',
    example: 'awk -f missing.awk a.txt'
  },
  'jq-module': {
    summary: 'a jq import/include whose module path is absolute, uses .. or sets a search path',
    example: 'jq \'import "../../x" as x; .\' a.json'
  },
  'printf-assign': { summary: 'printf -v assigns a shell variable', example: 'printf -v PATH x' }
} as const satisfies Record<string, { summary: string; example: string }>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** Why a command was refused: the rule, one sentence for the model, and the part that caused it. */
export interface Denial {
  rule: RuleId;
  reason: string;
  offending: string;
}

export function denial(rule: RuleId, reason: string, offending: string): Denial {
  return { rule, reason, offending };
}
