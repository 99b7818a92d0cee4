/**
 * What no reviewer reads stays out of the model's view, end to end and in process: a lockfile, build
 * output under dist/ and a file the base branch's .gitattributes marks as generated are listed as
 * skipped in the review, and neither the task nor `pull_request_diff` shows them. A .gitattributes the
 * pull request itself brings cannot hide its own code.
 */
import { describe, expect, it } from '@jest/globals';
import type { World } from '../../test-support/action-runner.js';
import { commentOnNewPull, commitOnRemote, postedReview } from '../../test-support/scenario-helpers.js';
import { SAMPLE_WORLD, worldPerFile } from '../../test-support/world-per-file.js';

let world: World;

worldPerFile(SAMPLE_WORLD, created => (world = created));

describe('skipped files', () => {
  it('keeps lockfiles, dist/ and generated files from the model and lists them as skipped', async () => {
    await commitOnRemote(
      world,
      world.repo.defaultBranch,
      { '.gitattributes': '# generated clients\ngenerated/** linguist-generated\n' },
      'Mark generated code'
    );
    const files = {
      'package-lock.json': '{ "name": "widgets", "lockfileVersion": 3, "note": "LOCKFILE-CONTENT" }\n',
      'dist/index.js': 'console.log("DIST-CONTENT");\n',
      'generated/api.js': 'export const api = "GENERATED-CONTENT";\n',
      // The pull request's own attributes are not trusted: its code stays in review.
      '.gitattributes':
        '# generated clients\ngenerated/** linguist-generated\nsrc/util.js linguist-generated\n',
      'src/util.js': 'export const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x)); // UTIL-CONTENT\n'
    };
    const { payload } = await commentOnNewPull(world, { branch: 'feature/util', files }, '/kubrick review');
    const before = world.model.requests.length;
    world.turns.push(
      {
        toolCalls: [
          { name: 'pull_request_diff', arguments: {} },
          { name: 'pull_request_diff', arguments: { path: 'package-lock.json' } },
          { name: 'pull_request_diff', arguments: { path: 'src/util.js' } }
        ]
      },
      { toolCalls: [{ name: 'finish', arguments: { summary: 'Checked clamp.', findings: [] } }] }
    );
    const run = await world.run({ eventName: 'issue_comment', payload });
    expect(run.outputs.conclusion).toBe('success');

    const requests = world.model.requests.slice(before).map(r => JSON.stringify(r.body));
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request).not.toContain('LOCKFILE-CONTENT');
      expect(request).not.toContain('DIST-CONTENT');
      expect(request).not.toContain('GENERATED-CONTENT');
    }
    expect(requests[0]).toContain('UTIL-CONTENT');
    // The tool's answers: the list says why each file is out, and a skipped file's diff is not shown.
    expect(requests[1]).toContain('`package-lock.json` — added, +1 −0 · skipped (lockfile)');
    expect(requests[1]).toContain('package-lock.json is skipped in this review (lockfile)');
    expect(requests[1]).toContain('### src/util.js — added, +1 −0');

    const review = postedReview(world, run)!;
    const body = String(review.body);
    expect(body).toContain('**Skipped:**');
    expect(body).toContain('`package-lock.json` (lockfile)');
    expect(body).toContain('`dist/index.js` (build output under `dist/`)');
    expect(body).toContain('`generated/api.js` (marked `linguist-generated` in .gitattributes)');
    expect(body).not.toContain('`src/util.js` (');
    expect(body).toMatch(/found no issues\*\* in the 2 changed files/);
    expect(world.gh.state.unhandled).toEqual([]);
  });
});
