import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolveSettings } from '../../src/config/load.js';
import type { SettingName, Settings } from '../../src/config/settings.js';

/** Realistic payloads: the examples GitHub's own webhook docs are generated from. */
type Example = Record<string, unknown>;
const require = createRequire(import.meta.url);
const all = JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples'), 'utf8')) as {
  name: string;
  examples: Example[];
}[];

/** A deep copy of the first example of `event` whose action is `action`. */
export function example(event: string, action?: string): Example {
  const found = all
    .find(e => e.name === event)
    ?.examples.find(e => action === undefined || e.action === action);
  if (found === undefined) throw new Error(`no webhook example for ${event} ${action ?? ''}`);
  return structuredClone(found);
}

type Json = Record<string, unknown>;

/** A newly created comment on an issue, by a user, with `body`. */
export function issueComment(body: string, changes: (payload: Json) => void = () => {}): Json {
  const payload = example('issue_comment', 'created');
  (payload.comment as Json).body = body;
  changes(payload);
  return payload;
}

/** A newly created comment on a pull request (GitHub marks it with `issue.pull_request`). */
export function pullComment(body: string, changes: (payload: Json) => void = () => {}): Json {
  return issueComment(body, payload => {
    const issue = payload.issue as Json;
    issue.pull_request = {
      url: `https://api.github.com/repos/Codertocat/Hello-World/pulls/${String(issue.number)}`,
      html_url: `https://github.com/Codertocat/Hello-World/pull/${String(issue.number)}`
    };
    changes(payload);
  });
}

export function settingsWith(overrides: Partial<Record<SettingName, string>> = {}): Settings {
  return resolveSettings(overrides).settings;
}
