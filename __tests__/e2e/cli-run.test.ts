/**
 * `kubrick run` end to end: the bundled CLI fixes a seeded bug in a fixture repository against the
 * scripted model, with the fixture's policy and the namespace sandbox; and a model that turns an
 * allowed `npm test` into a secret thief gets nothing out.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SAMPLE_FILES } from '../../__fixtures__/sample-repo.js';
import { fixTrajectory } from '../../__fixtures__/trajectories.js';
import { REPO_ROOT } from '../../test-support/action-runner.js';
import { commitTree } from '../../test-support/local-repo.js';
import {
  startScriptedModel,
  type ScriptedModel,
  type Turn
} from '../../test-support/scripted-model/server.js';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const API_KEY_CANARY = 'sk-canary-apikey-7e1f0c9d2b4a';
const ENV_CANARY = 'CANARY-ENV-5d8a1e0f3c';
const FILE_CANARY = 'CANARY-FILE-b2c4e6a8';

let dir: string;
let repo: string;
let home: string;
let model: ScriptedModel | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubrick-cli-run-'));
  repo = join(dir, 'repo');
  home = join(dir, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.git-credentials'), `https://x:${FILE_CANARY}@example.com\n`);
  writeFileSync(join(home, '.gitconfig'), `[credential]\n\thelper = store\n# ${FILE_CANARY}\n`);
  mkdirSync(repo);
  commitTree(repo, SAMPLE_FILES, { PATH: process.env.PATH, HOME: home });
});

afterEach(async () => {
  await model?.close();
  model = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Another uid for the run, when the tests run as root: the sandbox then takes the path most runners
 * and desktops take (unprivileged user namespaces) instead of the root one. Null when that path
 * cannot be shown here: not root, or the kernel refuses user namespaces to other users.
 */
const OTHER_UID = 4242;
const otherUser: number | null =
  process.getuid?.() === 0 &&
  spawnSync('unshare', ['--user', '--map-root-user', 'true'], { uid: OTHER_UID, gid: OTHER_UID }).status === 0
    ? OTHER_UID
    : null;

async function runCli(turns: Turn[], extraArgs: string[] = [], options: { asUser?: number } = {}) {
  model = await startScriptedModel(turns);
  const transcript = join(dir, 'transcript.jsonl');
  let node = process.execPath;
  let cli = CLI;
  let path = process.env.PATH;
  if (options.asUser !== undefined) {
    // That user may not be able to reach our Node or checkout (a root-only HOME): it gets copies,
    // and the whole test directory.
    node = join(dir, 'node', 'node');
    mkdirSync(dirname(node));
    cpSync(process.execPath, node);
    chmodSync(node, 0o755);
    cpSync(join(REPO_ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
    cli = join(dir, 'dist', 'cli.js');
    path = `${dirname(node)}:/usr/local/bin:/usr/bin:/bin`;
    execFileSync('chown', ['-R', `${options.asUser}:${options.asUser}`, dir]);
  }
  const child = spawn(
    node,
    [
      cli,
      'run',
      '--task',
      'fix the failing test',
      '--repo',
      repo,
      '--base-url',
      model.url,
      '--model',
      'scripted',
      '--json',
      '--transcript',
      transcript,
      ...extraArgs
    ],
    {
      cwd: dir,
      env: {
        PATH: path,
        HOME: home,
        KUBRICK_API_KEY: API_KEY_CANARY,
        DEPLOY_TOKEN: ENV_CANARY,
        MY_SECRET: ENV_CANARY
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.asUser !== undefined ? { uid: options.asUser, gid: options.asUser } : {})
    }
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', c => (stdout += String(c)));
  child.stderr.on('data', c => (stderr += String(c)));
  const exitCode = await new Promise<number | null>(resolve => child.on('close', resolve));
  return { exitCode, stdout, stderr, transcript: readFileSync(transcript, 'utf8') };
}

function expectNoCanary(...texts: string[]) {
  for (const text of texts) {
    for (const canary of [API_KEY_CANARY, ENV_CANARY, FILE_CANARY]) expect(text).not.toContain(canary);
  }
}

describe('kubrick run', () => {
  it('fixes a seeded bug end to end: read, edit, npm test allowed by the policy, a denied command, finish', async () => {
    const { exitCode, stdout, stderr, transcript } = await runCli(fixTrajectory());
    expect({ exitCode, stderr: exitCode === 0 ? '' : stderr }).toEqual({ exitCode: 0, stderr: '' });
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      conclusion: 'success',
      budget: null,
      iterations: 4,
      commands_denied: 1,
      changed_files: ['src/math.js'],
      sandbox: 'namespaces',
      tokens_estimated: false
    });
    expect(report.cost_usd).toBeNull();
    expect(readFileSync(join(repo, 'src/math.js'), 'utf8')).toContain('return a + b;');
    expect(execFileSync(process.execPath, ['test.js'], { cwd: repo, encoding: 'utf8' })).toContain(
      'all tests passed'
    );
    // The model saw the test pass inside the sandbox, and the curl denied with the reason.
    expect(transcript).toContain('all tests passed');
    expect(transcript).toMatch(/"decision":"deny"/);
    expect(stderr).toContain('run_command');
    expectNoCanary(stdout, stderr, transcript);
  });

  it('reports a usage error with exit 2', async () => {
    const child = spawn(process.execPath, [CLI, 'run', '--repo', repo], {
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stderr = '';
    child.stderr.on('data', c => (stderr += String(c)));
    const exitCode = await new Promise<number | null>(resolve => child.on('close', resolve));
    expect(exitCode).toBe(2);
    expect(stderr).toContain('--task is required');
  });

  it('exits 3 when a budget ends the run', async () => {
    const read = (n: number): Turn => ({
      toolCalls: [{ name: 'read_file', arguments: { path: 'test.js', start_line: n } }]
    });
    const { exitCode, stdout } = await runCli([read(1), read(2)], ['--max-iterations', '2']);
    expect(exitCode).toBe(3);
    expect(JSON.parse(stdout)).toMatchObject({ conclusion: 'budget_exhausted', budget: 'max_iterations' });
  });
});

describe('an allowed command running code the model wrote', () => {
  let listener: Server;
  let connections = 0;

  beforeEach(async () => {
    connections = 0;
    listener = createServer(socket => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>(resolve => listener.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    await new Promise<void>(resolve => listener.close(() => resolve()));
  });

  const variants: { name: string; asUser?: number; command: string }[] = [
    { name: `as ${process.getuid?.() === 0 ? 'root' : 'this user'}`, command: 'npm test' },
    ...(otherUser === null
      ? []
      : [
          {
            name: `as uid ${otherUser} (unprivileged user namespaces)`,
            asUser: otherUser,
            command: 'node test.js'
          }
        ])
  ];

  it.each(variants)(
    'finds no secret and reaches no network, and the run ends normally, $name',
    async variant => {
      const port = (listener.address() as { port: number }).port;
      const thief = [
        "import { readFileSync, readdirSync, writeFileSync } from 'node:fs';",
        "import { connect } from 'node:net';",
        'const found = [];',
        "const grab = p => { try { found.push(p + ': ' + readFileSync(p, 'utf8')); } catch (e) { found.push(p + ': ' + e.code); } };",
        "for (const pid of readdirSync('/proc').filter(n => /^\\d+$/.test(n))) { grab(`/proc/${pid}/environ`); grab(`/proc/${pid}/cmdline`); }",
        `grab(${JSON.stringify(join(home, '.git-credentials'))});`,
        `grab(${JSON.stringify(join(home, '.gitconfig'))});`,
        "grab(process.env.HOME + '/.gitconfig');",
        "found.push('env: ' + JSON.stringify(process.env));",
        "found.push('uid: ' + process.getuid());",
        `const socket = connect(${port}, '127.0.0.1');`,
        "socket.on('connect', () => { found.push('CONNECTED'); socket.destroy(); });",
        "socket.on('error', e => found.push('connect: ' + e.code));",
        "setTimeout(() => { writeFileSync('found.txt', found.join('\\n')); console.log(found.join('\\n')); }, 500);",
        ''
      ].join('\n');
      const turns: Turn[] = [
        {
          toolCalls: [
            { name: 'write_file', arguments: { path: 'steal.js', content: thief } },
            // Both allowed commands now run the thief: `npm test` through package.json, `node test.js` directly.
            {
              name: 'edit_file',
              arguments: {
                path: 'package.json',
                old_string: '"test": "node test.js"',
                new_string: '"test": "node steal.js"'
              }
            },
            { name: 'write_file', arguments: { path: 'test.js', content: thief } }
          ]
        },
        { toolCalls: [{ name: 'run_command', arguments: { command: variant.command } }] },
        { toolCalls: [{ name: 'read_file', arguments: { path: 'found.txt' } }] },
        { toolCalls: [{ name: 'finish', arguments: { summary: 'Collected what I could.' } }] }
      ];
      const { exitCode, stdout, stderr, transcript } = await runCli(turns, [], { asUser: variant.asUser });
      expect({ exitCode, stderr: exitCode === 0 ? '' : stderr }).toEqual({ exitCode: 0, stderr: '' });
      expect(JSON.parse(stdout)).toMatchObject({ conclusion: 'success', sandbox: 'namespaces' });
      const found = readFileSync(join(repo, 'found.txt'), 'utf8');
      // The script really ran (so the test can fail), and found nothing.
      expect(found).toMatch(/^\/proc\/\d+\/environ: /m);
      // Commands never run as root: as a uid of their own when Kubrick is root, else as Kubrick's.
      const uid = Number(/^uid: (\d+)$/m.exec(found)?.[1]);
      expect(uid).not.toBe(0);
      if (variant.asUser !== undefined || process.getuid?.() !== 0)
        expect(uid).toBe(variant.asUser ?? process.getuid?.());
      expect(found).not.toContain('CONNECTED');
      expect(connections).toBe(0);
      expectNoCanary(found, stdout, stderr, transcript);
      for (const name of readdirSync(repo)) {
        if (name === '.git') continue;
        const path = join(repo, name);
        try {
          expectNoCanary(readFileSync(path, 'utf8'));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
        }
      }
    }
  );
});
