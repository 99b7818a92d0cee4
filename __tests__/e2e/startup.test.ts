/** The bundled entry points fail clearly when started wrong: one annotation, exit code, no stack trace. */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staticClosure } from '../../bench/bundle-size.js';
import { REPO_ROOT } from '../../test-support/action-runner.js';

const run = (entry: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [join(REPO_ROOT, 'dist', entry), ...args], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    encoding: 'utf8'
  });

describe('dist/index.js', () => {
  it('exits 1 with a single ::error:: line naming what is missing when there is no event', () => {
    const result = run('index.js', [], {});
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error::GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set/);
    expect(result.stderr).toBe('');
  });

  it('names a malformed event file without a stack trace', () => {
    // A bad input value is named too (in process: __tests__/run/start.test.ts).
    const dir = mkdtempSync(join(tmpdir(), 'kubrick-start-'));
    try {
      const eventPath = join(dir, 'event.json');
      writeFileSync(eventPath, '{not json');
      const bad = run('index.js', [], { GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: eventPath });
      expect(bad.status).toBe(1);
      expect(bad.stdout.trim()).toBe('::error::the event payload at GITHUB_EVENT_PATH is not valid JSON.');
      expect(bad.stdout).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what dist/index.js loads before it has decided to run', () => {
  // Definitions esbuild keeps by name (an `N` suffix when a name is taken twice).
  const heavy: Record<string, RegExp> = {
    'the agent loop': /\bfunction runAgentSession\d*\(/,
    'the policy engine': /\bfunction loadPolicy\d*\(/,
    'the sandbox': /\bfunction createSandbox\d*\(/,
    'the OpenAI SDK': /\bOpenAIError\d* = /,
    'the Anthropic SDK': /\bAnthropicError\d* = /,
    'the MCP SDK': /\bStdioClientTransport\d* = class\b/
  };
  const read = (file: string) => readFileSync(file, 'utf8');

  it('keeps the agent, the policy engine, the sandbox and the model SDKs behind import()', () => {
    const atStart = staticClosure(join(REPO_ROOT, 'dist', 'index.js'))
      .map(read)
      .join('\n');
    const chunks = join(REPO_ROOT, 'dist', 'chunks');
    const everything = readdirSync(chunks)
      .map(name => read(join(chunks, name)))
      .join('\n');
    for (const [what, definition] of Object.entries(heavy)) {
      expect({ what, inBundle: definition.test(everything) }).toEqual({ what, inBundle: true });
      expect({ what, loadedAtStart: definition.test(atStart) }).toEqual({ what, loadedAtStart: false });
    }
  });
});

/** A Node.js older than 24 on this machine (the test machines come with one), if there is one. */
function olderNode(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/local/bin', '/usr/bin'];
  for (const dir of dirs) {
    const candidate = join(dir, 'node');
    if (!dir || !existsSync(candidate)) continue;
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout ?? '';
    const major = Number(/^v(\d+)\./.exec(version)?.[1]);
    if (major > 0 && major < 24) return candidate;
  }
  return null;
}
const oldNode = olderNode();

describe('dist/cli.js', () => {
  (oldNode ? it : it.skip)('says it needs Node.js 24 when started by an older Node.js, exit 2', () => {
    const result = spawnSync(oldNode!, [join(REPO_ROOT, 'dist', 'cli.js'), 'policy', 'check', '--', 'ls'], {
      encoding: 'utf8'
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^kubrick needs Node\.js 24 or newer; this is Node\.js \d+\./);
  });

  it('lists the subcommands in --help and exits 2 on an unknown one', () => {
    const help = run('cli.js', ['--help'], {});
    expect(help.status).toBe(0);
    for (const sub of ['run', 'policy', 'route', 'demo', 'replay'])
      expect(help.stdout).toMatch(new RegExp(`^  ${sub} `, 'm'));
    const nonsense = run('cli.js', ['nonsense'], {});
    expect(nonsense.status).toBe(2);
    expect(nonsense.stderr).toContain('unknown command "nonsense"');
    expect(run('cli.js', ['--version'], {}).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
