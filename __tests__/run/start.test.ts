/** run(deps) before authorization: mistakes in the event or the inputs end with an annotation and exit 1. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient } from '../../src/github/client.js';
import { run } from '../../src/main.js';
import { parseOutputFile } from '../../test-support/action-runner.js';
import { scaledPacing } from '../../test-support/github-pacing.js';
import { testDependencies } from '../../test-support/in-process.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubrick-run-start-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs with this environment; returns the exit code, the log lines and the outputs written. */
async function runWith(env: Record<string, string>) {
  const outputPath = join(dir, `output-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(outputPath, '');
  const lines: string[] = [];
  const deps = testDependencies(
    { env: { ...env, GITHUB_OUTPUT: outputPath }, cwd: dir },
    line => lines.push(line),
    {
      // Nothing answers at the API URL below: the client's retries must not make the test wait.
      createGitHub: options => createGitHubClient({ ...options, pacing: scaledPacing(0.01) })
    }
  );
  const exitCode = await run(deps);
  return { exitCode, lines, outputs: parseOutputFile(readFileSync(outputPath, 'utf8')).values };
}

describe('run(deps) before it is authorized', () => {
  it('names a bad input value, then fails cleanly when GitHub cannot be reached', async () => {
    const eventPath = join(dir, 'event.json');
    writeFileSync(eventPath, '{}');
    const { exitCode, lines, outputs } = await runWith({
      GITHUB_EVENT_NAME: 'issue_comment',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'o/r',
      INPUT_GITHUB_TOKEN: 'x',
      INPUT_MAX_ITERATIONS: 'abc',
      GITHUB_API_URL: 'http://127.0.0.1:9'
    });
    expect(exitCode).toBe(1);
    expect(lines[0]).toMatch(
      /^::error::the action inputs are invalid:%0A- max_iterations: "abc" is not a positive integer \(from action input\)/
    );
    expect(lines.slice(1).filter(line => line.startsWith('::error::'))).toEqual([
      expect.stringMatching(/^::error::Kubrick could not start: /)
    ]);
    expect(lines.join('\n')).not.toMatch(/\n\s+at /);
    expect(outputs.conclusion).toBe('failure');
  });

  it('reads the runner environment from deps only, never from the process', async () => {
    const eventPath = join(dir, 'event-of-the-process.json');
    writeFileSync(eventPath, '{}');
    process.env.GITHUB_EVENT_NAME = 'issue_comment';
    process.env.GITHUB_EVENT_PATH = eventPath;
    try {
      const { exitCode, lines } = await runWith({});
      expect(exitCode).toBe(1);
      expect(lines).toEqual([expect.stringMatching(/GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set/)]);
    } finally {
      delete process.env.GITHUB_EVENT_NAME;
      delete process.env.GITHUB_EVENT_PATH;
    }
  });

  it('names what is missing when there is no event, and touches nothing', async () => {
    const { exitCode, lines, outputs } = await runWith({});
    expect(exitCode).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/^::error::GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set/)
    ]);
    expect(outputs.conclusion).toBe('failure');
  });
});
