/**
 * Follow-ups on earlier findings: one short reply in each thread whose line the new commits changed,
 * saying what the model decided — addressed in this commit, or still present and why. One decision per
 * thread, and a thread that already has Kubrick's reply about this commit gets no second one.
 */
import type { GitHub } from '../github/client.js';
import { followUpMarker } from '../github/markers.js';
import { replyInThread } from '../github/reviews.js';
import { errorMessage } from '../error-message.js';
import type { FollowUpDecision } from '../tools/types.js';
import type { EarlierFinding, ReviewHistory } from './history.js';
import { short } from './prompt.js';
import type { ChangedFinding } from './threads.js';

const MAX_NOTE = 200;

export interface FollowUp {
  finding: EarlierFinding;
  decision: FollowUpDecision;
}

/** The model's decisions on the changed threads: the first for each thread, for threads it was asked about. */
export function followUpsToPost(
  changed: readonly ChangedFinding[],
  decisions: readonly FollowUpDecision[]
): FollowUp[] {
  const asked = new Map(changed.map(c => [c.finding.id, c.finding]));
  const chosen = new Map<number, FollowUp>();
  for (const decision of decisions) {
    const finding = asked.get(decision.thread);
    if (finding && !chosen.has(decision.thread)) chosen.set(decision.thread, { finding, decision });
  }
  return [...chosen.values()];
}

/** One line: the verdict, the commit, the model's note (flattened, short, unable to open a hidden comment). */
export function replyText(followUp: FollowUp, head: string): string {
  let note = followUp.decision.note
    .replace(/<!--|-->/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (note.length > MAX_NOTE) note = `${note.slice(0, MAX_NOTE - 1)}…`;
  const verdict =
    followUp.decision.status === 'addressed'
      ? `**Addressed** in ${short(head)}`
      : `**Still present** in ${short(head)}`;
  return `${verdict}${note ? `: ${note}` : '.'} ${followUpMarker(followUp.finding.id, head)}`;
}

export interface PostedFollowUps {
  posted: FollowUp[];
  /** Threads whose reply GitHub refused, with the reason (the review itself stands). */
  failed: { followUp: FollowUp; reason: string }[];
}

export async function postFollowUps(
  gh: GitHub,
  where: { owner: string; repo: string; number: number },
  followUps: readonly FollowUp[],
  context: { head: string; history: ReviewHistory }
): Promise<PostedFollowUps> {
  const result: PostedFollowUps = { posted: [], failed: [] };
  for (const followUp of followUps) {
    if (context.history.followedUp.has(`${followUp.finding.id}-${context.head}`)) continue;
    try {
      await replyInThread(gh, {
        ...where,
        commentId: followUp.finding.id,
        body: replyText(followUp, context.head)
      });
      result.posted.push(followUp);
    } catch (error) {
      const reason = errorMessage(error);
      gh.log.warn(`Could not reply in the thread of comment ${followUp.finding.id}: ${reason}`);
      result.failed.push({ followUp, reason });
    }
  }
  return result;
}
