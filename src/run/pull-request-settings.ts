/**
 * `pr_labels` and `pr_reviewers` on the pull requests Kubrick opens or updates. They are extras: the
 * work is pushed and the pull request exists whatever GitHub says to them, so a label or a reviewer
 * GitHub refuses never fails the run; it becomes a note in the final comment (and the job summary).
 * Logins in notes are code spans, so a note never notifies anyone.
 */
import { errorMessage } from '../error-message.js';
import { GitHubAccessError } from '../github/access.js';
import type { GitHub } from '../github/client.js';
import { githubReasons, statusOf } from '../github/errors.js';
import { addPullLabels, requestPullReviewers } from '../github/pulls.js';
import type { Requester } from '../trigger/decision.js';

/** `pr_reviewers` resolved for one pull request: users, team slugs, and entries left out (with why). */
export interface ReviewerPlan {
  users: string[];
  teams: string[];
  /** Entries no review is requested from: who (as a code span, so nobody is notified) and why. */
  skipped: { who: string; why: string }[];
}

const REQUESTER = 'requester';

/**
 * Reads `pr_reviewers`: `requester` is the person who asked (nobody for a scheduled run or a bot),
 * `org/team` (or `@org/team`) a team of the repository's organization, anything else a login. The
 * pull request's author cannot review it, so it is left out with a note instead of failing the request.
 */
export function planReviewers(
  entries: readonly string[],
  context: { owner: string; requester?: Requester; author?: string }
): ReviewerPlan {
  const plan: ReviewerPlan = { users: [], teams: [], skipped: [] };
  const seen = new Set<string>();
  const once = (key: string) => {
    if (seen.has(key.toLowerCase())) return false;
    seen.add(key.toLowerCase());
    return true;
  };
  for (const raw of entries) {
    const entry = raw.trim().replace(/^@/, '');
    if (entry === '') continue;
    if (entry.toLowerCase() === REQUESTER) {
      const requester = context.requester;
      // A run nobody asked for (schedule, dispatch by a workflow) or asked for by a bot has no reviewer to add.
      if (!requester?.login || requester.type === 'Bot' || requester.login.endsWith('[bot]')) continue;
      addUser(requester.login, '(the requester)');
      continue;
    }
    const slash = entry.indexOf('/');
    if (slash !== -1) {
      const org = entry.slice(0, slash);
      const slug = entry.slice(slash + 1);
      if (org.toLowerCase() !== context.owner.toLowerCase() || slug === '' || slug.includes('/')) {
        plan.skipped.push({
          who: `\`${entry}\``,
          why: `it is not a team of ${context.owner} (teams are given as \`${context.owner}/team-slug\`)`
        });
      } else if (once(`team:${slug}`)) {
        plan.teams.push(slug);
      }
      continue;
    }
    addUser(entry, '');
  }
  return plan;

  function addUser(login: string, why: string): void {
    if (context.author && login.toLowerCase() === context.author.toLowerCase()) {
      plan.skipped.push({
        who: `\`@${login}\`${why ? ` ${why}` : ''}`,
        why: 'that account opened the pull request, and GitHub does not let its author review it'
      });
      return;
    }
    if (once(login)) plan.users.push(login);
  }
}

/** What GitHub said, in a few words for a note. */
function refusal(error: unknown): string {
  if (error instanceof GitHubAccessError) return error.message;
  const status = statusOf(error);
  if (status === undefined) return errorMessage(error);
  const said = githubReasons(error).join(': ');
  return `GitHub answered ${status}${said ? ` (${said})` : ''}`;
}

/**
 * Tries all at once, then, when GitHub refuses the whole request (one bad name refuses them all),
 * each on its own, so the ones GitHub takes are kept and the note names only those it refused.
 */
async function eachAccepted<T>(
  items: T[],
  attempt: (batch: T[]) => Promise<void>
): Promise<{ item: T; error: unknown }[]> {
  if (items.length === 0) return [];
  try {
    await attempt(items);
    return [];
  } catch (error) {
    if (items.length === 1 || error instanceof GitHubAccessError) return items.map(item => ({ item, error }));
  }
  const refused: { item: T; error: unknown }[] = [];
  for (const item of items) {
    try {
      await attempt([item]);
    } catch (error) {
      refused.push({ item, error });
    }
  }
  return refused;
}

/** One note per answer GitHub gave: a refused batch (a missing permission) is said once, not per name. */
function notesFor<T>(refused: { item: T; error: unknown }[], what: (items: T[]) => string): string[] {
  const byError = new Map<unknown, T[]>();
  for (const { item, error } of refused) byError.set(error, [...(byError.get(error) ?? []), item]);
  return [...byError].map(([error, items]) => `${what(items)}: ${refusal(error)}`);
}

export interface PullRequestSettingsInput {
  gh: GitHub;
  owner: string;
  repo: string;
  pull: { number: number; author?: string };
  labels: readonly string[];
  reviewers: readonly string[];
  requester?: Requester;
}

/** Applies `pr_labels` and `pr_reviewers`; returns the notes for what GitHub refused (never throws). */
export async function applyPullRequestSettings(input: PullRequestSettingsInput): Promise<string[]> {
  const { gh, owner, repo, pull } = input;
  const notes: string[] = [];
  const where = { owner, repo, number: pull.number };
  const labels = [...new Set(input.labels.map(label => label.trim()).filter(label => label !== ''))];
  const refusedLabels = await eachAccepted(labels, batch => addPullLabels(gh, { ...where, labels: batch }));
  notes.push(
    ...notesFor(
      refusedLabels,
      items =>
        `${items.length === 1 ? 'The label' : 'The labels'} ${items.map(l => `\`${l}\``).join(', ')} could not be added to #${pull.number}`
    )
  );

  const plan = planReviewers(input.reviewers, { owner, requester: input.requester, author: pull.author });
  for (const { who, why } of plan.skipped) notes.push(`No review was requested from ${who}: ${why}`);
  const wanted = [
    ...plan.users.map(login => ({ kind: 'user' as const, name: login })),
    ...plan.teams.map(slug => ({ kind: 'team' as const, name: slug }))
  ];
  const refusedReviewers = await eachAccepted(wanted, batch =>
    requestPullReviewers(gh, {
      ...where,
      reviewers: batch.filter(r => r.kind === 'user').map(r => r.name),
      teams: batch.filter(r => r.kind === 'team').map(r => r.name)
    })
  );
  notes.push(
    ...notesFor(
      refusedReviewers,
      items =>
        `A review could not be requested from ${items
          .map(r => (r.kind === 'user' ? `\`@${r.name}\`` : `the team \`${owner}/${r.name}\``))
          .join(', ')} on #${pull.number}`
    )
  );
  return notes;
}
