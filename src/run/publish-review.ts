import type { AgentResult } from '../agent/loop.js';
import type { Settings } from '../config/settings.js';
import type { GitHub } from '../github/client.js';
import { placeFindings, type Finding } from '../github/review-lines.js';
import { postReview } from '../github/reviews.js';
import type { RunOutcome } from '../report/outcome.js';
import type { PreparedTarget } from './prepare-target.js';
import type { RunnerContext } from './runner-context.js';

export interface PublishReviewOptions {
  gh: GitHub;
  runner: RunnerContext;
  settings: Settings;
  target: PreparedTarget;
  result: AgentResult;
  outcome: RunOutcome;
}

function reviewBody(result: AgentResult, outside: readonly Finding[], fileCount: number): string {
  const parts: string[] = [];
  // Only a review that the model closed with `finish` and no findings may say that nothing was found.
  if (result.findings.length === 0 && result.calledFinish) {
    parts.push(
      `**Kubrick found no issues** in the ${fileCount} changed file${fileCount === 1 ? '' : 's'} of this pull request.`
    );
  }
  if (result.summary.trim()) parts.push(result.summary.trim());
  if (outside.length > 0) {
    parts.push(
      '### Findings outside the changed lines',
      outside
        .map(f => `- **${f.severity}** \`${f.path}\` line ${f.line}: ${f.body.replace(/\n/g, '\n  ')}`)
        .join('\n')
    );
  }
  return parts.join('\n\n');
}

/** Posts exactly one formal review: inline comments where the diff allows them, the rest in the body. */
export async function publishReview(options: PublishReviewOptions): Promise<void> {
  const { gh, runner, settings, target, result, outcome } = options;
  if (!target.pull) return;
  const files = target.reviewFiles ?? [];
  const placed = placeFindings(result.findings, files);
  const highSeverity = result.findings.some(f => f.severity === 'high');
  const review = await postReview(gh, {
    owner: runner.owner,
    repo: runner.repo,
    number: target.pull.number,
    commitId: target.pull.headSha,
    body: reviewBody(result, placed.outside, files.length),
    comments: placed.inline,
    event: settings.review_request_changes && highSeverity ? 'REQUEST_CHANGES' : 'COMMENT'
  });
  outcome.review = {
    id: review.id,
    url: review.htmlUrl,
    inline: placed.inline.length - review.foldedComments,
    outside: placed.outside.length + review.foldedComments
  };
}
