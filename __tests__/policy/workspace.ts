import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPolicy } from '../../src/policy/load.js';
import { DEFAULT_PROTECTED_PATHS } from '../../src/policy/paths.js';
import type { Policy, PolicyContext } from '../../src/policy/types.js';

/** A real workspace with the shapes the path rules care about: protected dirs and symlinks out. */
export function makeWorkspace(): { ctx: PolicyContext; cleanup: () => void } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kubrick-policy-')));
  const workspace = path.join(root, 'repo');
  for (const dir of ['src/lib', '.git/hooks', '.github/workflows', 'sub/deeper', 'build']) {
    fs.mkdirSync(path.join(workspace, dir), { recursive: true });
  }
  fs.writeFileSync(path.join(workspace, 'src/index.ts'), 'export {};\n');
  fs.writeFileSync(path.join(workspace, '.github/workflows/ci.yml'), 'on: push\n');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'canary\n');
  fs.symlinkSync('/etc', path.join(workspace, 'etc-link'));
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(workspace, 'secret-link'));
  fs.symlinkSync('.git/hooks', path.join(workspace, 'hooks-link'));
  fs.symlinkSync('src', path.join(workspace, 'src-link'));
  fs.symlinkSync(path.join(root, 'not-yet-created.txt'), path.join(workspace, 'dangling-link'));
  return {
    ctx: { workspace, protectedPaths: [...DEFAULT_PROTECTED_PATHS] },
    cleanup: () => fs.rmSync(root, { recursive: true, force: true })
  };
}

export function fixturePolicy(name: string): Policy {
  const file = path.join(import.meta.dirname, '../../__fixtures__/policies', name);
  return loadPolicy(fs.readFileSync(file, 'utf8'), `__fixtures__/policies/${name}`);
}
