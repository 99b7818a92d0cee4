import { ConfigError, readActionInputs, resolveSettings } from '../config/load.js';
import type { Settings } from '../config/settings.js';
import type { Dependencies } from '../dependencies.js';
import type { GitHub } from '../github/client.js';
import { getPermission } from '../github/permissions.js';
import type { Redactor } from '../report/redact.js';
import {
  escapeCommandData,
  neutralizeWorkflowCommands,
  type WorkflowLog
} from '../report/workflow-commands.js';
import { routeEvent, type RouteDecision } from '../trigger/decide.js';
import { readRunnerEvent } from '../trigger/event.js';
import { readRunnerContext, type RunnerContext } from './runner-context.js';
import { loadTrustedSettings } from './trusted-config.js';

/** Everything known once the event is routed and the requester's permission checked. */
export interface StartedRun {
  eventName: string;
  runner: RunnerContext;
  gh: GitHub;
  settings: Settings;
  defaultBranch: string;
  decision: RouteDecision;
  /** A broken input or repository config: an authorized run reports it in its final comment. */
  configProblem: string | null;
  /** Knows the token and the API key (inputs `INPUT_GITHUB_TOKEN`, `INPUT_API_KEY`), plus every secret-named variable. */
  redactor: Redactor;
}

/**
 * Reads the event and the runner's environment, loads the settings the maintainers wrote (inputs,
 * then the repository config from the default branch), routes the event and, when it names a
 * requester, asks GitHub for their permission. Throws EventError / ConfigError for mistakes that
 * stop everything (no event, no token); a bad input or config is carried on as `configProblem`.
 */
export async function startRun(
  deps: Dependencies,
  out: WorkflowLog,
  redactor: Redactor
): Promise<StartedRun> {
  const event = await readRunnerEvent(deps.env);
  const runner = readRunnerContext(deps.env, deps.cwd);
  // A bad input still lets an authorized requester get a final comment that names it, so the
  // run goes on with the defaults until that comment is written.
  let inputs = readActionInputs(deps.env);
  let inputProblem: string | null = null;
  try {
    resolveSettings(inputs);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    inputProblem = `the action inputs are invalid:\n${error.problems.map(p => `- ${p}`).join('\n')}\nFix the \`with:\` block of the workflow step.`;
    out.fail(inputProblem);
    inputs = inputs.github_token === undefined ? {} : { github_token: inputs.github_token };
  }
  const boot = resolveSettings(inputs).settings;
  if (!boot.github_token) {
    throw new ConfigError([
      'github_token is empty: pass `github_token: ${{ github.token }}` (the default) or a token secret.'
    ]);
  }
  const gh = deps.createGitHub({
    token: boot.github_token,
    baseUrl: runner.apiUrl,
    fetch: deps.fetch,
    log: line => out.log(neutralizeWorkflowCommands(redactor.redact(line))),
    debug: line => out.log(`::debug::${escapeCommandData(redactor.redact(line))}`)
  });
  // The repository config and the policy come from the default branch, never from a PR head.
  const trusted = await loadTrustedSettings(gh, runner, event.payload, inputs, boot);
  // Said at once as well: an event that is ignored has no final comment to say it in.
  if (trusted.problem) out.fail(redactor.redact(trusted.problem));
  const route = (actorPermission: Parameters<typeof routeEvent>[0]['actorPermission']) =>
    routeEvent({
      eventName: event.name,
      payload: event.payload,
      settings: trusted.settings,
      actorPermission
    });
  let decision = route(null);
  if (decision.action === 'ignore' && decision.needsPermission) {
    decision = route(
      await getPermission(gh, { owner: runner.owner, repo: runner.repo, username: decision.needsPermission })
    );
  }
  // Failed CI: which pull request, which runs, how many attempts so far (API reads, once authorized).
  let ciProblem: string | null = null;
  if (decision.action === 'run' && decision.ci && !trusted.problem && !inputProblem) {
    // Only CI events need the runs, jobs and pull request readers: loaded then, not at start-up.
    const { resolveCiRequest } = await import('../ci/resolve.js');
    const resolved = await resolveCiRequest(
      {
        gh,
        where: { owner: runner.owner, repo: runner.repo },
        settings: trusted.settings,
        defaultBranch: trusted.defaultBranch,
        ownRunId: runner.runId
      },
      { ...decision, ci: decision.ci }
    );
    decision = resolved.decision;
    ciProblem = resolved.problem;
  }
  return {
    eventName: event.name,
    runner,
    gh,
    settings: trusted.settings,
    defaultBranch: trusted.defaultBranch,
    decision,
    configProblem: inputProblem ?? trusted.problem ?? ciProblem,
    redactor
  };
}
