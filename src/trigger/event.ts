import { readFile } from 'node:fs/promises';

/** What the runner handed us: the event's name and its webhook payload. */
export interface RunnerEvent {
  name: string;
  payload: Record<string, unknown>;
}

/** The runner's environment is wrong or incomplete; the message says what to fix. */
export class EventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventError';
  }
}

/** Reads GITHUB_EVENT_NAME and the JSON file at GITHUB_EVENT_PATH, failing with a message that names what is missing. */
export async function readRunnerEvent(env: NodeJS.ProcessEnv): Promise<RunnerEvent> {
  const name = env.GITHUB_EVENT_NAME?.trim();
  const path = env.GITHUB_EVENT_PATH?.trim();
  const missing = [!name && 'GITHUB_EVENT_NAME', !path && 'GITHUB_EVENT_PATH'].filter(Boolean);
  if (missing.length > 0) {
    throw new EventError(
      `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set: Kubrick Action must run as a step of a GitHub Actions workflow (use "kubrick run" to try it locally).`
    );
  }
  let text: string;
  try {
    text = await readFile(path as string, 'utf8');
  } catch (error) {
    throw new EventError(
      `cannot read the event payload at GITHUB_EVENT_PATH (${(error as NodeJS.ErrnoException).code ?? 'error'}).`
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new EventError('the event payload at GITHUB_EVENT_PATH is not valid JSON.');
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new EventError('the event payload at GITHUB_EVENT_PATH is not a JSON object.');
  }
  return { name: name as string, payload: payload as Record<string, unknown> };
}
