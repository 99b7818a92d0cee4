import type { Settings } from '../config/settings.js';
import { parseCommand, type Command } from './command.js';
import type {
  ActedDecision,
  CiRequest,
  IgnoreDecision,
  IssueTarget,
  Mode,
  PullTarget,
  RefuseDecision,
  Requester,
  RouteDecision,
  RouteInput,
  Target,
  TriggerFacts
} from './decision.js';
import { hasKubrickMarker } from './markers.js';
import { meetsPermission, type Permission } from './permission.js';
import { field, objectField, numberField, stringField, asObject } from './payload.js';
import { cleanTitle, FORK_FIX_REASON, pullTarget } from './pull.js';
import { capTask, sanitizeUntrusted } from './sanitize.js';
import { FAILED_CONCLUSIONS, isListedWorkflow, readWorkflowRun } from './workflow-run.js';

export type { Mode, Requester, RouteDecision, RouteInput, Target } from './decision.js';

/** A decision that still has to pass authorization for `actor` (absent for schedules). */
interface Candidate {
  decision: ActedDecision;
  actor?: Requester;
}

/** What a decision about a request on `target` carries, whatever it turns out to be. */
type RequestFacts = TriggerFacts & { target: Target };

const ignore = (reason: string, facts: TriggerFacts & { target?: Target } = {}): IgnoreDecision => ({
  action: 'ignore',
  reason,
  ...facts
});
const refuse = (reason: string, facts: RequestFacts & { mode?: Mode }): RefuseDecision => ({
  action: 'refuse',
  reason,
  ...facts
});

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Payload text shown in a reason: sanitized like everything else, and short. */
function shown(value: string | undefined): string {
  return value === undefined ? '(no action)' : sanitizeUntrusted(value).trim().slice(0, 60);
}

function requesterOf(user: unknown): Requester | undefined {
  const raw = stringField(user, 'login');
  const login = raw === undefined ? '' : sanitizeUntrusted(raw).trim();
  if (login === '' || /\s/.test(login)) return undefined;
  const requester: Requester = { login };
  const id = numberField(user, 'id');
  const type = stringField(user, 'type');
  if (id !== undefined) requester.id = id;
  if (type !== undefined) requester.type = type;
  return requester;
}

function isBot(user: Requester): boolean {
  return user.type === 'Bot' || user.login.toLowerCase().endsWith('[bot]');
}

/** `allowed_bots` may list `renovate[bot]` or just `renovate`. */
function isAllowedBot(user: Requester, settings: Settings): boolean {
  const login = user.login.toLowerCase();
  const bare = login.endsWith('[bot]') ? login.slice(0, -'[bot]'.length) : login;
  return settings.allowed_bots.some(entry => {
    const allowed = entry.toLowerCase();
    return allowed === login || allowed === bare;
  });
}

/** Why this actor must be ignored before anything else is looked at, or null. */
function actorProblem(actor: Requester, input: RouteInput): string | null {
  if (input.botLogin && sameLogin(actor.login, input.botLogin)) {
    return `the event comes from the action's own account @${actor.login}`;
  }
  if (isBot(actor) && !isAllowedBot(actor, input.settings)) {
    return `@${actor.login} is a bot that is not listed in allowed_bots`;
  }
  return null;
}

/** The account an event names, when it may start Kubrick; otherwise why the event is ignored. */
function allowedActor(user: unknown, input: RouteInput, missing: string): Requester | IgnoreDecision {
  const actor = requesterOf(user);
  if (actor === undefined) return ignore(`malformed payload: ${missing}`);
  const problem = actorProblem(actor, input);
  return problem === null ? actor : ignore(problem);
}

/** Closed or locked conversations never trigger work. */
function inactiveReason(item: unknown, noun: string): string | null {
  if (stringField(item, 'state') === 'closed') return `the ${noun} is closed`;
  if (field(item, 'locked') === true) return `the ${noun} is locked`;
  return null;
}

/** An `issue` object of a payload is a pull request's conversation when it links one. */
function isPullConversation(issue: unknown): boolean {
  return asObject(field(issue, 'pull_request')) !== undefined;
}

/** The target an `issue` object of a payload describes, whose number the caller checked. */
function issueTarget(issue: unknown, number: number): IssueTarget | PullTarget {
  const title = cleanTitle(field(issue, 'title'));
  const kind = isPullConversation(issue) ? 'pull_request' : 'issue';
  return title === undefined ? { kind, number } : { kind, number, title };
}

function cleanTask(text: string): string {
  return capTask(sanitizeUntrusted(text).trim());
}

/** A mode other than `auto` in the settings overrides the verb a comment asked for. */
function effectiveMode(verb: Mode, settings: Settings): Mode {
  return settings.mode === 'auto' ? verb : settings.mode;
}

/** Known from the payload to be a fork's pull request (a comment on its conversation does not say). */
function isForkTarget(target: IssueTarget | PullTarget): boolean {
  return target.kind === 'pull_request' && target.isFork === true;
}

/** Turns a parsed command on a target into a decision (before authorization). */
function decideCommand(
  command: Command,
  target: IssueTarget | PullTarget,
  settings: Settings,
  facts: TriggerFacts
): ActedDecision {
  const base: RequestFacts = { target, ...facts };
  const phrase = settings.trigger_phrase;
  const task = cleanTask(command.text);
  if (command.verb === 'fix-ci') return decideFixCi(task, target, settings, facts);
  if (command.verb === 'approve') {
    if (settings.mode !== 'auto' && settings.mode !== 'fix') {
      return refuse(
        `\`approve\` runs the approved plan in fix mode, but this repository restricts Kubrick to ${settings.mode} mode.`,
        base
      );
    }
    if (isForkTarget(target)) return refuse(FORK_FIX_REASON, base);
    return {
      action: 'run',
      mode: 'fix',
      task,
      approvePlan: true,
      reason: 'approve: run the latest Kubrick plan on this thread in fix mode',
      ...base
    };
  }
  const mode = effectiveMode(command.verb, settings);
  const forced = mode !== command.verb ? ` (mode ${mode} is set for this repository)` : '';
  if (mode === 'review') {
    if (target.kind !== 'pull_request') {
      return refuse(
        `\`review\` works on pull requests and this is an issue${forced}. Use \`${phrase} ask\` to ask about it or \`${phrase} fix\` to change code.`,
        base
      );
    }
    // `review full [focus]`: the whole pull request, even when an earlier review covered part of it.
    const full = /^full(?=\s|$)/i.test(task);
    return {
      action: 'run',
      mode,
      task: full ? task.slice('full'.length).trim() : task,
      ...(full ? { fullReview: true as const } : {}),
      reason: `${full ? 'full ' : ''}review pull request${forced}`,
      ...base
    };
  }
  if (task === '') {
    return refuse(
      `\`${phrase} ${command.verb}\` needs a task: write what you want after it, for example \`${phrase} ${command.verb} the failing date test\`.`,
      { ...base, mode }
    );
  }
  if (mode === 'fix' && isForkTarget(target)) return refuse(FORK_FIX_REASON, { ...base, mode });
  return { action: 'run', mode, task, reason: `${mode} requested${forced}`, ...base };
}

export const FORK_CI_REASON =
  'Kubrick cannot push a fix to a pull request from a fork. With `ci_fix_forks: explain` in the workflow or in .github/kubrick.yml, it explains the failure in a comment instead.';

/** What a CI fix is asked to do, as the reports quote it. */
function ciTask(instructions: string): string {
  return instructions === '' ? 'Fix the failing CI' : `Fix the failing CI: ${instructions}`;
}

/**
 * `/kubrick fix-ci [instructions]`: a fix of the newest failed runs of the pull request's head commit
 * (looked up once the requester is authorized). A fork's pull request gets an explanation when
 * `ci_fix_forks: explain` is set, else a refusal; that a comment's pull request is a fork is often
 * only known later, where the same rule applies.
 */
function decideFixCi(
  instructions: string,
  target: IssueTarget | PullTarget,
  settings: Settings,
  facts: TriggerFacts
): ActedDecision {
  const base: RequestFacts = { target, ...facts };
  const phrase = settings.trigger_phrase;
  if (target.kind !== 'pull_request') {
    return refuse(
      `\`fix-ci\` works on pull requests: comment \`${phrase} fix-ci\` on the pull request whose checks failed.`,
      base
    );
  }
  if (settings.mode !== 'auto' && settings.mode !== 'fix') {
    return refuse(
      `\`fix-ci\` changes the repository in fix mode, but this repository restricts Kubrick to ${settings.mode} mode.`,
      base
    );
  }
  const ci: CiRequest = { source: 'command', runs: [], instructions };
  if (isForkTarget(target)) {
    if (settings.ci_fix_forks !== 'explain') return refuse(FORK_CI_REASON, { ...base, mode: 'fix' });
    return {
      action: 'run',
      mode: 'ask',
      task: ciTask(instructions),
      reason: 'fix-ci on a pull request from a fork: explain the failure (ci_fix_forks: explain)',
      ...base,
      ci: { ...ci, explain: true }
    };
  }
  return {
    action: 'run',
    mode: 'fix',
    task: ciTask(instructions),
    reason: 'fix-ci: fix the failed checks of the pull request',
    ...base,
    ci
  };
}

function fromComment(input: RouteInput): Candidate | IgnoreDecision {
  const { payload, settings } = input;
  const comment = objectField(payload, 'comment');
  const body = stringField(comment, 'body') ?? '';
  if (hasKubrickMarker(body))
    return ignore("the comment is one of Kubrick's own (it carries the kubrick marker)");
  const actor = requesterOf(field(comment, 'user')) ?? requesterOf(field(payload, 'sender'));
  if (comment === undefined || actor === undefined)
    return ignore('malformed payload: the comment or its author is missing');
  const problem = actorProblem(actor, input);
  if (problem !== null) return ignore(problem);
  const command = parseCommand(sanitizeUntrusted(body), settings.trigger_phrase);
  if (command === null) return ignore(`the comment has no line starting with ${settings.trigger_phrase}`);

  const isReviewComment = input.eventName === 'pull_request_review_comment';
  const item = isReviewComment ? objectField(payload, 'pull_request') : objectField(payload, 'issue');
  const noun = isReviewComment ? 'pull request' : 'issue';
  const number = numberField(item, 'number');
  if (item === undefined || number === undefined) {
    return ignore(`malformed payload: the ${noun} the comment belongs to is missing or has no number`);
  }
  const inactive = inactiveReason(
    item,
    isReviewComment || isPullConversation(item) ? 'pull request' : 'issue'
  );
  if (inactive !== null) return ignore(inactive);
  const target = isReviewComment ? pullTarget(item, number) : issueTarget(item, number);
  const facts: TriggerFacts = {
    requester: actor,
    commentKind: isReviewComment ? 'review_comment' : 'issue_comment'
  };
  const commentId = numberField(comment, 'id');
  if (commentId !== undefined) facts.commentId = commentId;
  if (isReviewComment) {
    const path = sanitizeUntrusted(stringField(comment, 'path') ?? '').trim();
    const line = numberField(comment, 'line') ?? numberField(comment, 'original_line');
    if (path !== '') facts.commentLocation = line === undefined ? { path } : { path, line };
  }
  return { decision: decideCommand(command, target, settings, facts), actor };
}

function fromIssueEvent(input: RouteInput): Candidate | IgnoreDecision {
  const { payload, settings } = input;
  const action = stringField(payload, 'action');
  if (action === 'labeled') {
    const label = stringField(objectField(payload, 'label'), 'name') ?? '';
    if (settings.label_trigger === '')
      return ignore('the label trigger is disabled (label_trigger is empty)');
    if (!sameLogin(label, settings.label_trigger)) {
      return ignore(`the label is not the trigger label "${settings.label_trigger}"`);
    }
  } else if (action === 'assigned') {
    const assignee = stringField(objectField(payload, 'assignee'), 'login') ?? '';
    if (settings.assignee_trigger === '')
      return ignore('the assignment trigger is disabled (assignee_trigger is empty)');
    if (!sameLogin(assignee, settings.assignee_trigger)) {
      return ignore(`the issue was not assigned to the trigger account @${settings.assignee_trigger}`);
    }
  } else {
    return ignore(`issues ${shown(action)}: only labeled and assigned trigger Kubrick`);
  }
  const actor = allowedActor(field(payload, 'sender'), input, 'the sender is missing');
  if (!('login' in actor)) return actor;
  const issue = objectField(payload, 'issue');
  const number = numberField(issue, 'number');
  if (issue === undefined || number === undefined) {
    return ignore('malformed payload: the issue is missing or has no number');
  }
  const inactive = inactiveReason(issue, 'issue');
  if (inactive !== null) return ignore(inactive);
  const title = stringField(issue, 'title') ?? '';
  const body = stringField(issue, 'body') ?? '';
  const command: Command = { verb: 'fix', explicitVerb: false, text: `${title}\n\n${body}` };
  const how =
    action === 'labeled'
      ? `labeled "${settings.label_trigger}"`
      : `assigned to @${settings.assignee_trigger}`;
  const decision = decideCommand(command, issueTarget(issue, number), settings, { requester: actor });
  return {
    decision:
      decision.action === 'run' ? { ...decision, reason: `issue ${how}: ${decision.reason}` } : decision,
    actor
  };
}

const REVIEW_ACTIONS = ['opened', 'synchronize', 'ready_for_review'];

function fromPullRequestEvent(input: RouteInput): Candidate | IgnoreDecision {
  const { payload, settings } = input;
  const action = stringField(payload, 'action');
  if (action === undefined || !REVIEW_ACTIONS.includes(action)) {
    return ignore(
      `pull_request ${shown(action)}: only opened, synchronize and ready_for_review start a review`
    );
  }
  if (!settings.auto_review) return ignore('auto_review is off, so pull request events do not start reviews');
  const actor = allowedActor(field(payload, 'sender'), input, 'the sender is missing');
  if (!('login' in actor)) return actor;
  const pull = objectField(payload, 'pull_request');
  const number = numberField(pull, 'number');
  if (pull === undefined || number === undefined) {
    return ignore('malformed payload: the pull request is missing or has no number');
  }
  if (field(pull, 'draft') === true && action !== 'ready_for_review')
    return ignore('the pull request is a draft');
  const inactive = inactiveReason(pull, 'pull request');
  if (inactive !== null) return ignore(inactive);
  return {
    decision: {
      action: 'run',
      mode: 'review',
      task: '',
      target: pullTarget(pull, number),
      requester: actor,
      reason: `auto_review: pull request ${action}`
    },
    actor
  };
}

/** Scheduled and dispatched runs: a maintenance task on the repository, from `prompt`. */
function fromWorkflowEvent(input: RouteInput): Candidate | IgnoreDecision {
  const { payload, settings, eventName } = input;
  const isDispatch = eventName === 'workflow_dispatch';
  const dispatchPrompt = isDispatch ? stringField(objectField(payload, 'inputs'), 'prompt') : undefined;
  const prompt =
    dispatchPrompt !== undefined && dispatchPrompt.trim() !== '' ? dispatchPrompt : settings.prompt;
  const target: Target = { kind: 'repository' };
  let actor: Requester | undefined;
  if (isDispatch) {
    const sender = allowedActor(field(payload, 'sender'), input, 'the workflow_dispatch sender is missing');
    if (!('login' in sender)) return sender;
    actor = sender;
  }
  const facts: RequestFacts = actor ? { target, requester: actor } : { target };
  const decision = (): ActedDecision => {
    if (settings.mode !== 'auto' && settings.mode !== 'fix') {
      return refuse(
        `${eventName} runs change the repository in fix mode; mode ${settings.mode} needs an issue or pull request.`,
        facts
      );
    }
    const task = cleanTask(prompt);
    if (task === '') {
      return refuse(
        `${eventName} has no task: set the \`prompt\` input of the action${isDispatch ? ' (or a `prompt` workflow_dispatch input)' : ''}, or \`prompt\` in .github/kubrick.yml.`,
        facts
      );
    }
    return {
      action: 'run',
      mode: 'fix',
      task,
      reason: `${eventName}: maintenance task from prompt`,
      ...facts
    };
  };
  return actor ? { decision: decision(), actor } : { decision: decision() };
}

/**
 * A completed run of a workflow named in `ci_workflows` that failed: a fix on its pull request's
 * branch, a fix branch and pull request when it ran on the default branch, or (a fork's pull request,
 * with `ci_fix_forks: explain`) a read-only explanation. The actor who started the failed run must be
 * authorized like a commenter. Which pull request, and whether it still has that commit, is looked up
 * after authorization.
 */
function fromWorkflowRun(input: RouteInput): Candidate | IgnoreDecision {
  const { payload, settings } = input;
  const action = stringField(payload, 'action');
  if (action !== 'completed')
    return ignore(`workflow_run ${shown(action)}: only completed runs are looked at`);
  if (settings.ci_workflows.length === 0) {
    return ignore('ci_workflows is empty, so failed workflow runs are not fixed');
  }
  const facts = readWorkflowRun(payload);
  if (typeof facts === 'string') return ignore(`malformed payload: ${facts}`);
  const { run } = facts;
  if (!isListedWorkflow(run.workflowName, settings.ci_workflows)) {
    return ignore(`the workflow "${shown(run.workflowName)}" is not listed in ci_workflows`);
  }
  if (!FAILED_CONCLUSIONS.includes(run.conclusion)) {
    return ignore(
      `the run of "${shown(run.workflowName)}" ended with ${shown(run.conclusion || 'no conclusion')}; only failure and timed_out are fixed`
    );
  }
  if (facts.event === 'workflow_run') {
    return ignore(
      'the failed run was itself started by a workflow_run event; Kubrick does not follow such chains'
    );
  }
  const actor = allowedActor(facts.actor, input, 'the actor of the workflow run is missing');
  if (!('login' in actor)) return actor;
  if (settings.mode !== 'auto' && settings.mode !== 'fix') {
    return ignore(`mode ${settings.mode} is set for this repository, and fixing CI needs fix mode`);
  }
  const ci: CiRequest = { source: 'workflow_run', runs: [run], instructions: '' };
  const task = `Fix the failed run of the workflow "${run.workflowName}" on ${shown(run.headBranch)}`;
  if (facts.isFork) {
    if (settings.ci_fix_forks !== 'explain') {
      return ignore(
        'the failed run belongs to a pull request from a fork, where Kubrick never pushes (ci_fix_forks: explain posts an explanation instead)'
      );
    }
    const target: Target = { kind: 'commit', branch: run.headBranch, sha: run.headSha };
    if (facts.forkOwner) target.forkOwner = facts.forkOwner;
    return {
      decision: {
        action: 'run',
        mode: 'ask',
        task: `Explain the failed run of the workflow "${run.workflowName}"`,
        target,
        requester: actor,
        ci: { ...ci, explain: true },
        reason: `workflow_run: explain why "${run.workflowName}" failed on a fork's pull request`
      },
      actor
    };
  }
  const pull = facts.pulls[0];
  let target: Target;
  if (pull !== undefined) {
    target = { kind: 'pull_request', number: pull.number, isFork: false };
    if (pull.headRef !== undefined) target.headRef = pull.headRef;
    if (pull.headSha !== undefined) target.headSha = pull.headSha;
    if (pull.baseRef !== undefined) target.baseRef = pull.baseRef;
  } else {
    target = { kind: 'commit', branch: run.headBranch, sha: run.headSha };
  }
  return {
    decision: {
      action: 'run',
      mode: 'fix',
      task,
      target,
      requester: actor,
      ci,
      reason: `workflow_run: "${run.workflowName}" ${run.conclusion === 'timed_out' ? 'timed out' : 'failed'}`
    },
    actor
  };
}

function unauthorized(
  decision: ActedDecision,
  actor: Requester,
  actual: Permission,
  settings: Settings
): RouteDecision {
  const reason = `@${actor.login} has ${actual} permission on this repository; Kubrick acts only for users with ${settings.required_permission} permission or higher.`;
  const kept: RequestFacts = { requester: actor, target: decision.target };
  if (decision.commentId !== undefined) kept.commentId = decision.commentId;
  if (decision.commentKind !== undefined) kept.commentKind = decision.commentKind;
  // Nobody asked in a conversation when a workflow run failed: a reply there would only be noise.
  const asked = decision.ci?.source !== 'workflow_run';
  return settings.comment_on_unauthorized && asked ? refuse(reason, kept) : ignore(reason, kept);
}

/**
 * Authorization comes last so that nothing (not even a refusal comment) happens for someone who
 * may not ask. Without a looked-up permission the decision cannot run: it names whose permission
 * is needed and says what would happen.
 */
function authorize(candidate: Candidate, input: RouteInput): RouteDecision {
  const { decision, actor } = candidate;
  if (actor === undefined) return decision;
  const required = input.settings.required_permission;
  if (input.actorPermission === null) {
    return {
      ...decision,
      action: 'ignore',
      needsPermission: actor.login,
      reason: `needs the repository permission of @${actor.login} (at least ${required}); if granted: ${decision.action}: ${decision.reason}`
    };
  }
  if (!meetsPermission(input.actorPermission, required)) {
    return unauthorized(decision, actor, input.actorPermission, input.settings);
  }
  return decision;
}

function candidateFor(input: RouteInput): Candidate | IgnoreDecision {
  if (asObject(input.payload) === undefined)
    return ignore('malformed payload: the event payload is not a JSON object');
  switch (input.eventName) {
    case 'issue_comment':
    case 'pull_request_review_comment': {
      const action = stringField(input.payload, 'action');
      if (action !== 'created') {
        return ignore(`${input.eventName} ${shown(action)}: only newly created comments trigger Kubrick`);
      }
      return fromComment(input);
    }
    case 'issues':
      return fromIssueEvent(input);
    case 'pull_request':
      return fromPullRequestEvent(input);
    case 'schedule':
    case 'workflow_dispatch':
      return fromWorkflowEvent(input);
    case 'workflow_run':
      return fromWorkflowRun(input);
    default:
      return ignore(`Kubrick does not handle ${input.eventName || 'unnamed'} events`);
  }
}

/** Decides what to do with an event. Pure: no network, no clock; never throws on any payload. */
export function routeEvent(input: RouteInput): RouteDecision {
  const candidate = candidateFor(input);
  return 'decision' in candidate ? authorize(candidate, input) : candidate;
}
