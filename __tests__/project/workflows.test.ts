import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

type Permissions = string | Record<string, string> | undefined;
interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  permissions?: Permissions;
  uses?: string;
  if?: string;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown> | string | string[];
  permissions?: Permissions;
  jobs: Record<string, Job>;
}

const files = readdirSync(join(root, '.github/workflows'))
  .filter(f => /\.ya?ml$/.test(f))
  .sort();
const text = (file: string) => read(join('.github/workflows', file));
const workflow = (file: string) => parse(text(file)) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap(job => job.steps ?? []);
const triggers = (w: Workflow) =>
  typeof w.on === 'string' ? [w.on] : Array.isArray(w.on) ? w.on : Object.keys(w.on);

const writes = (permissions: Permissions) =>
  permissions === 'write-all' ||
  (typeof permissions === 'object' && Object.values(permissions).some(level => level === 'write'));

// `owner/repo@<40 hex> # v1.2.3` (or a subdirectory of the repository: `github/codeql-action/init@…`).
const PINNED = /^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$/;

describe('.github/workflows', () => {
  it('holds the CI, dist check, CodeQL, Scorecard, dependency review, Dependabot dist and release workflows', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'check-dist.yml',
        'ci.yml',
        'codeql.yml',
        'dependabot-dist.yml',
        'dependency-review.yml',
        'release.yml',
        'scorecard.yml'
      ])
    );
  });

  it.each(files)('%s pins every action to a full commit SHA with its version in a comment', file => {
    const lines = text(file)
      .split('\n')
      .filter(line => /^\s*(-\s+)?uses:/.test(line))
      .map(line => line.replace(/^\s*(-\s+)?uses:\s*/, '').trim());
    const parsed = workflow(file);
    const used = [...steps(parsed).map(s => s.uses), ...Object.values(parsed.jobs).map(j => j.uses)].filter(
      (u): u is string => typeof u === 'string'
    );
    // Every `uses:` is on a line of its own, so the comment can be checked next to it.
    expect(lines).toHaveLength(used.length);
    for (const line of lines) expect([file, line, PINNED.test(line)]).toEqual([file, line, true]);
  });

  it.each(files)(
    '%s declares read-only permissions at the top and write scopes only on the jobs that need them',
    file => {
      const parsed = workflow(file);
      expect(parsed.permissions).toBeDefined();
      expect([file, writes(parsed.permissions)]).toEqual([file, false]);
    }
  );

  it.each(files)(
    '%s never runs on pull_request_target or workflow_run (a write token next to untrusted code)',
    file => {
      expect(triggers(workflow(file))).not.toEqual(expect.arrayContaining(['pull_request_target']));
      expect(triggers(workflow(file))).not.toEqual(expect.arrayContaining(['workflow_run']));
    }
  );

  it.each(files)(
    '%s passes event data to scripts through env, never as ${{ }} inside a run: script',
    file => {
      for (const step of steps(workflow(file))) {
        if (!step.run) continue;
        const expressions = [...step.run.matchAll(/\$\{\{([^}]*)\}\}/g)].map(m => m[1]!.trim());
        expect([file, step.run, expressions]).toEqual([file, step.run, []]);
      }
    }
  );

  it.each(files)(
    '%s keeps git credentials only in jobs that can write and run no npm or node command',
    file => {
      for (const [name, job] of Object.entries(workflow(file).jobs)) {
        const runsCode = (job.steps ?? []).some(s => /\b(npm|node|npx)\b/.test(s.run ?? ''));
        for (const step of job.steps ?? []) {
          if (!step.uses?.startsWith('actions/checkout@')) continue;
          const keepsCredentials = step.with?.['persist-credentials'] !== false;
          if (keepsCredentials)
            expect([file, name, writes(job.permissions), runsCode]).toEqual([file, name, true, false]);
        }
      }
    }
  );
});

describe('the scanning workflows', () => {
  it('CodeQL: javascript-typescript with the security-extended queries on push, pull request and a schedule', () => {
    const codeql = workflow('codeql.yml');
    expect(triggers(codeql)).toEqual(expect.arrayContaining(['push', 'pull_request', 'schedule']));
    const job = Object.values(codeql.jobs)[0]!;
    expect(job.permissions).toMatchObject({ 'security-events': 'write' });
    const init = steps(codeql).find(s => s.uses?.startsWith('github/codeql-action/init@'))!;
    expect(init.with?.queries).toBe('security-extended');
    const matrix = (job as { strategy?: { matrix?: { language?: string[] } } }).strategy?.matrix?.language;
    expect(matrix).toContain('javascript-typescript');
    expect(init.with?.languages).toBe('${{ matrix.language }}');
    expect(steps(codeql).some(s => s.uses?.startsWith('github/codeql-action/analyze@'))).toBe(true);
  });

  it('Scorecard: weekly and on pushes to main, SARIF uploaded to code scanning, results published', () => {
    const scorecard = workflow('scorecard.yml');
    const on = scorecard.on as Record<string, { branches?: string[] } | unknown[] | null>;
    expect(on.schedule).toBeDefined();
    expect((on.push as { branches?: string[] }).branches).toEqual(['main']);
    const run = steps(scorecard).find(s => s.uses?.startsWith('ossf/scorecard-action@'))!;
    expect(run.with).toMatchObject({ results_format: 'sarif', publish_results: true });
    const upload = steps(scorecard).find(s => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with?.sarif_file).toBe(run.with?.results_file);
    // What the Scorecard service accepts before it publishes: only `uses:` steps, and no write
    // permission at the top.
    expect(steps(scorecard).every(s => s.uses && !s.run)).toBe(true);
    expect(Object.values(scorecard.jobs)[0]!.permissions).toMatchObject({
      'id-token': 'write',
      'security-events': 'write'
    });
  });

  it('dependency review on every pull request', () => {
    const review = workflow('dependency-review.yml');
    expect(triggers(review)).toEqual(['pull_request']);
    expect(steps(review).some(s => s.uses?.startsWith('actions/dependency-review-action@'))).toBe(true);
  });

  it('npm audit of the production dependencies in the GitHub CI workflow', () => {
    expect(steps(workflow('ci.yml')).map(s => s.run)).toContain('npm audit --audit-level=high --omit=dev');
  });

  it('the workflow lint in the GitHub CI workflow too', () => {
    expect(steps(workflow('ci.yml')).map(s => s.run)).toContain('npm run lint:workflows');
  });
});

describe('Dependabot', () => {
  interface Update {
    'package-ecosystem': string;
    schedule: { interval: string };
    groups?: Record<string, { 'update-types'?: string[] }>;
  }
  const config = parse(read('.github/dependabot.yml')) as { version: number; updates: Update[] };

  it('updates npm and the actions weekly, minor and patch updates grouped', () => {
    expect(config.version).toBe(2);
    expect(config.updates.map(u => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    for (const update of config.updates) {
      expect(update.schedule.interval).toBe('weekly');
      const grouped = Object.values(update.groups ?? {}).map(g => [...(g['update-types'] ?? [])].sort());
      expect(grouped).toContainEqual(['minor', 'patch']);
    }
  });

  it('gets dist/ rebuilt on its npm pull requests, by a build job that cannot write and a push job that runs no dependency code', () => {
    const rebuild = workflow('dependabot-dist.yml');
    expect(triggers(rebuild)).toEqual(['pull_request']);
    const { build, commit } = rebuild.jobs;
    expect(build!.if).toContain("github.event.pull_request.user.login == 'dependabot[bot]'");
    expect(build!.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(writes(build!.permissions)).toBe(false);
    expect(build!.steps!.map(s => s.run)).toContain('npm run bundle');
    expect(commit!.permissions).toMatchObject({ contents: 'write' });
    expect(commit!.steps!.some(s => /\b(npm|node|npx)\b/.test(s.run ?? ''))).toBe(false);
    expect(commit!.steps!.map(s => s.run ?? '').join('\n')).toMatch(
      /git push origin "HEAD:refs\/heads\/\$BRANCH"/
    );
  });
});

describe('the release workflow', () => {
  const release = workflow('release.yml');
  const all = steps(release);
  const runs = all.map(s => s.run ?? '').join('\n');

  it('runs on version tags', () => {
    expect((release.on as { push: { tags: string[] } }).push.tags).toEqual(['v*.*.*']);
  });

  it('checks the tag against package.json and CHANGELOG, and dist/ against the sources', () => {
    expect(runs).toContain(
      'node scripts/release-notes.mjs --tag "$TAG" --notes "$RUNNER_TEMP/release/notes.md"'
    );
    expect(runs).toMatch(
      /npm run bundle\n\s*if \[ -n "\$\(git status --porcelain -- dist\)" \]; then[\s\S]*?exit 1/
    );
  });

  it('attaches a CycloneDX SBOM and a build provenance attestation for dist/', () => {
    expect(runs).toMatch(/npm sbom .*--sbom-format cyclonedx/);
    const attest = all.find(s => s.uses?.startsWith('actions/attest-build-provenance@'))!;
    expect(String(attest.with?.['subject-path'])).toContain('dist/');
    expect(runs).toMatch(/gh release create "\$TAG" [^\n]*\\\n\s*--notes-file notes\.md/);
    expect(runs).toContain('"${assets[@]}"');
  });

  it('moves the major tag, from the job that can write and not from the others', () => {
    expect(runs).toContain('git push --force origin "refs/tags/$MAJOR"');
    const { verify, attest, publish } = release.jobs;
    expect(writes(verify!.permissions)).toBe(false);
    expect(attest!.permissions).toEqual({ contents: 'read', 'id-token': 'write', attestations: 'write' });
    expect(publish!.permissions).toEqual({ contents: 'write' });
    expect(publish!.steps!.some(s => /\b(npm|node|npx)\b/.test(s.run ?? ''))).toBe(false);
  });
});
