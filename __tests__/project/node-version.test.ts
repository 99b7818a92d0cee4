/** A newcomer on an older Node.js is told what to do by the README's commands, not shown a TypeError. */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../../test-support/action-runner.js';

/** The machine's own Node (20 on the CI image) when it is older than 24, with the npm beside it. */
function olderNode(): { node: string; npm: string } | null {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/local/bin', '/usr/bin'];
  for (const dir of dirs) {
    const node = join(dir, 'node');
    const npm = join(dir, 'npm');
    if (!dir || !existsSync(node) || !existsSync(npm)) continue;
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout ?? '';
    const major = Number(/^v(\d+)\./.exec(version)?.[1]);
    if (major > 0 && major < 24) return { node, npm };
  }
  return null;
}
const old = olderNode();
const scripts = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

describe('the Node.js version check', () => {
  it.each(['test', 'demo', 'bench'])('runs first in npm run %s', name => {
    expect(scripts[name]).toMatch(/^node scripts\/require-node\.cjs && /);
  });

  it('lets Node 24 through silently', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'require-node.cjs')], {
      encoding: 'utf8'
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('makes engine mismatches stop npm ci', () => {
    expect(readFileSync(join(REPO_ROOT, '.npmrc'), 'utf8')).toMatch(/^engine-strict=true$/m);
  });

  (old ? it.each(['test', 'demo', 'bench']) : it.skip.each(['test', 'demo', 'bench']))(
    'npm run %s on an older Node.js exits 2 at once and says what to install',
    name => {
      const result = spawnSync(old!.npm, ['run', '--silent', name], {
        cwd: REPO_ROOT,
        env: { PATH: `${dirname(old!.node)}:/usr/bin:/bin`, HOME: process.env.HOME ?? '/tmp' },
        encoding: 'utf8',
        timeout: 5_000 // a hang shows as status null, not 2
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^Kubrick needs Node\.js 24 or newer; this is \d+\.\d+\.\d+\./);
      expect(result.stderr).toContain('npm ci');
    }
  );
});
