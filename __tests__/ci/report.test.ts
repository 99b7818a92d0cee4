import { describe, expect, it } from '@jest/globals';
import { renderCiSection, type CiOutcome } from '../../src/ci/report.js';
import { emptyOutcome } from '../../src/report/outcome.js';
import { outputValues } from '../../src/report/outputs.js';
import { renderFinalComment } from '../../src/report/comment.js';
import type { FailedRun } from '../../src/trigger/decision.js';

const run = (id: number, name = 'CI'): FailedRun => ({
  id,
  attempt: 1,
  workflowId: 7,
  workflowName: name,
  headSha: '0123456789abcdef0123456789abcdef01234567',
  headBranch: 'feature',
  conclusion: 'failure'
});

const ci = (changes: Partial<CiOutcome> = {}): CiOutcome => ({
  runs: [
    {
      run: run(11),
      url: 'https://github.com/o/r/actions/runs/11',
      failedJobs: [
        {
          id: 5,
          name: 'test `x`\nmore',
          failedSteps: ['Run npm test'],
          url: 'https://github.com/o/r/actions/runs/11/job/5'
        }
      ],
      otherJobs: ['lint']
    }
  ],
  capped: [],
  explain: false,
  attempted: true,
  capRefusal: false,
  fixRunId: '4242',
  ...changes
});

describe('the CI part of the final comment', () => {
  it('names the workflow, links the run and the failed job with its step, and says how to re-run CI', () => {
    const text = renderCiSection(ci(), true);
    expect(text).toContain(
      'the workflow `CI` failed in [run 11](https://github.com/o/r/actions/runs/11) on `0123456`'
    );
    expect(text).toContain(
      "[`test 'x' more`](https://github.com/o/r/actions/runs/11/job/5) (step `Run npm test`)"
    );
    expect(text).toContain('`GITHUB_TOKEN` start no workflows');
    expect(text).toContain('actions/create-github-app-token');
    expect(text).toContain('<!-- kubrick:ci-attempt:7.11.1.4242 -->');
  });

  it('says nothing about re-running when nothing was pushed, and marks no attempt before the agent ran', () => {
    expect(renderCiSection(ci(), false)).not.toContain('GITHUB_TOKEN');
    const refused = renderCiSection(ci({ attempted: false, capRefusal: true, capped: [run(11)] }), false);
    expect(refused).not.toContain('ci-attempt');
    expect(refused).toContain('<!-- kubrick:ci-cap:7 -->');
    expect(refused).not.toContain('job');
  });

  it('mentions workflows left out at the cap, and marks that it said so', () => {
    const text = renderCiSection(ci({ capped: [run(12, 'Lint')] }), true);
    expect(text).toContain('**Not worked on:** `Lint` failed too, but reached max_ci_fix_attempts');
    expect(text).toContain('<!-- kubrick:ci-cap:7 -->');
  });

  it('explains that a fork got an explanation only', () => {
    expect(renderCiSection(ci({ explain: true }), false)).toContain('comes from a fork');
  });

  it('is part of the final comment, and the run id is an output', () => {
    const outcome = {
      ...emptyOutcome('Fix the failing CI'),
      conclusion: 'success' as const,
      mode: 'fix' as const,
      ci: ci()
    };
    const comment = renderFinalComment('<!-- kubrick:run:x -->', outcome);
    expect(comment).toContain('**CI:**');
    expect(outputValues(outcome, null).ci_run_id).toBe('11');
    expect(outputValues(emptyOutcome(), null).ci_run_id).toBe('');
  });
});
