import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { FsView } from '../../src/policy/fs-view.js';
import { makeAttackWorld } from './attack-world.js';

const world = makeAttackWorld();
const ws = world.ctx.workspace;
afterAll(world.cleanup);

/** What the kernel says, through realpath(3): the reference for every path that exists. */
function kernel(relative: string): string | undefined {
  try {
    // Joined as text: path.join would fold `a/..` lexically, which is the very mistake tested here.
    return fs.realpathSync.native(`${ws}/${relative}`);
  } catch {
    return undefined;
  }
}

describe('paths resolve as the kernel resolves them', () => {
  it.each([
    'a/..',
    'a/a/a/src',
    'a/../ws/src/a.ts',
    'self/../secret.txt',
    'up/../ws/a/..',
    'linkdir/out/..',
    'src/../a/src',
    '-/../src',
    'a/./self/.././ws/src'
  ])('%s', relative => {
    const expected = kernel(relative);
    const resolved = new FsView().resolve(ws, relative);
    expect(resolved).toEqual({ ok: true, path: expected, missing: false });
  });

  it('random walks through links, dots and names agree with realpath(3)', () => {
    const component = fc.constantFrom(
      'a',
      'self',
      'up',
      '..',
      '.',
      'src',
      'ws',
      '-',
      'linkdir',
      'out',
      'evil'
    );
    fc.assert(
      fc.property(fc.array(component, { minLength: 1, maxLength: 8 }), parts => {
        const relative = parts.join('/');
        const expected = kernel(relative);
        const resolved = new FsView().resolve(ws, relative);
        if (expected === undefined) {
          // Missing somewhere: resolved lexically past the first missing name, never claimed to exist.
          expect(resolved.ok && !resolved.missing).toBe(false);
        } else
          expect({ relative, resolved }).toEqual({
            relative,
            resolved: { ok: true, path: expected, missing: false }
          });
      }),
      { numRuns: 400 }
    );
  });

  it('components after the first missing one are taken as written', () => {
    expect(new FsView().resolve(ws, 'nope/../../secret.txt')).toEqual({
      ok: true,
      path: path.join(path.dirname(ws), 'secret.txt'),
      missing: true
    });
  });

  it('a link loop is reported, not followed forever', () => {
    expect(new FsView().resolve(ws, 'loops/loop/x')).toEqual(
      expect.objectContaining({ ok: false, why: 'loop' })
    );
  });

  it('links the script creates count for later lookups', () => {
    const view = new FsView();
    view.addLink(path.join(ws, 'new-link'), '..');
    expect(view.resolve(ws, 'new-link/secret.txt')).toEqual({
      ok: true,
      path: path.join(path.dirname(ws), 'secret.txt'),
      missing: false
    });
  });
});
