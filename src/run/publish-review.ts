import type { AgentResult } from '../agent/loop.js';
import type { Settings } from '../config/settings.js';
import type { GitHub } from '../github/client.js';
import { reviewMarker } from '../github/markers.js';
import { normalizeFindingPath, placeFindings } from '../github/review-lines.js';
import { postReview } from '../github/reviews.js';
import type { RunOutcome } from '../report/outcome.js';
import { followUpsToPost, postFollowUps } from '../review/follow-ups.js';
import { readAt, type PreparedReview } from '../review/prepare.js';
import { short } from '../review/prompt.js';
import { reviewBody } from '../review/summary.js';
import { splitFileLines, splitRepeats } from '../review/threads.js';
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

/** The head version of the files that have earlier findings and new ones: where repeats are told apart. */
async function headLinesFor(
  gh: GitHub,
  where: { owner: string; repo: string },
  review: PreparedReview,
  result: AgentResult
): Promise<Map<string, string[] | null>> {
  const earlierPaths = new Set(review.history.findings.map(f => f.path));
  const paths = [...new Set(result.findings.map(f => normalizeFindingPath(f.path)))].filter(p =>
    earlierPaths.has(p)
  );
  const texts = await Promise.all(paths.map(path => readAt(gh, where, path, review.head)));
  return new Map(
    paths.map((path, i) => [path, texts[i] === null ? null : splitFileLines(texts[i] as string)])
  );
}

/**
 * Posts exactly one formal review — new findings inline where the diff allows them, the rest and the
 * summary in the body, findings an earlier review made left out — then the follow-up replies in the
 * threads of earlier findings whose lines changed.
 */
export async function publishReview(options: PublishReviewOptions): Promise<void> {
  const { gh, runner, settings, target, result, outcome } = options;
  const review = target.review;
  if (!target.pull || !review) return;
  const where = { owner: runner.owner, repo: runner.repo };
  const followUps = followUpsToPost(review.changed, result.followUps ?? []);
  const stillPresent = review.changed.filter(c =>
    followUps.some(f => f.finding.id === c.finding.id && f.decision.status === 'still_present')
  );
  const { fresh, repeats } = splitRepeats(result.findings, review.history.findings, {
    headLines: await headLinesFor(gh, where, review, result),
    stillPresent
  });
  const placed = placeFindings(fresh, review.pullFiles);
  const high =
    fresh.some(f => f.severity === 'high') || stillPresent.some(c => c.finding.severity === 'high');
  const posted = await postReview(gh, {
    ...where,
    number: target.pull.number,
    commitId: review.head,
    body: reviewBody({
      scope: review.scope,
      selection: review.selection,
      findings: fresh,
      outside: placed.outside,
      repeats: repeats.length,
      followUps,
      modelSummary: result.summary,
      calledFinish: result.calledFinish
    }),
    marker: reviewMarker(review.head),
    comments: placed.inline,
    event: settings.review_request_changes && high ? 'REQUEST_CHANGES' : 'COMMENT'
  });
  outcome.review = {
    id: posted.id,
    url: posted.htmlUrl,
    inline: placed.inline.length - posted.foldedComments,
    outside: placed.outside.length + posted.foldedComments
  };
  const replies = await postFollowUps(gh, { ...where, number: target.pull.number }, followUps, {
    head: review.head,
    history: review.history
  });
  const note = reviewNote(review, repeats.length, replies.posted.length, replies.failed.length);
  if (note) outcome.notes.push(note);
}

/** A line for the final comment about what this review covered and did besides the review itself. */
function reviewNote(review: PreparedReview, repeats: number, replied: number, failed: number): string | null {
  const parts: string[] = [];
  const { scope } = review;
  if (scope.kind === 'incremental') {
    parts.push(
      `the review covered the changes since the last review (${short(scope.lastReviewed)}..${short(scope.head)})`
    );
  } else if (scope.reason === 'not-ancestor' || scope.reason === 'compare-failed') {
    parts.push(
      'the last reviewed commit could not be built on, so the whole pull request was reviewed again'
    );
  }
  if (repeats > 0)
    parts.push(`${repeats} finding${repeats === 1 ? '' : 's'} of earlier reviews not repeated`);
  if (replied > 0) parts.push(`replied in ${replied} earlier thread${replied === 1 ? '' : 's'}`);
  if (failed > 0)
    parts.push(`${failed} follow-up repl${failed === 1 ? 'y' : 'ies'} could not be posted (see the log)`);
  if (parts.length === 0) return null;
  const text = parts.join('; ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}
