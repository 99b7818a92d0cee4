import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, parseRepoConfig, resolveSettings } from '../config/load.js';
import type { Settings } from '../config/settings.js';
import { routeEvent } from '../trigger/decide.js';
import { isPermission, PERMISSIONS, type Permission } from '../trigger/permission.js';
import { EXIT, type CliIo, UsageError } from './io.js';

const HELP = `Usage: kubrick route --event FILE --event-name NAME [options]

Prints, as one JSON line, what Kubrick Action would do for a webhook event payload. Offline: the
commenter's permission is not looked up; give it with --actor-permission, or see which login
would be checked in "needsPermission".

Options:
  --event FILE              the event payload (what the runner puts at GITHUB_EVENT_PATH)
  --event-name NAME         the event name (GITHUB_EVENT_NAME), e.g. issue_comment
  --actor-permission LEVEL  the actor's repository permission: ${[...PERMISSIONS].reverse().join(', ')}
  --bot-login NAME          the login Kubrick posts as (its comments are ignored)
  --config FILE             a repository config (.github/kubrick.yml) to take settings from
  --help                    show this help
`;

interface RouteOptions {
  event: string;
  eventName: string;
  actorPermission: Permission | null;
  botLogin?: string;
  config?: string;
}

const VALUE_FLAGS = ['--event', '--event-name', '--actor-permission', '--bot-login', '--config'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

function parseArgs(args: string[]): RouteOptions | 'help' {
  const values: Partial<Record<ValueFlag, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h') return 'help';
    const eq = arg.indexOf('=');
    const flag = (eq === -1 ? arg : arg.slice(0, eq)) as ValueFlag;
    if (!VALUE_FLAGS.includes(flag))
      throw new UsageError(`unknown argument "${arg}" (see kubrick route --help)`);
    if (values[flag] !== undefined) throw new UsageError(`${flag} is given twice`);
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    values[flag] = value;
  }
  const missing = (['--event', '--event-name'] as const).filter(flag => values[flag] === undefined);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(' and ')} (see kubrick route --help)`);
  const permission = values['--actor-permission'];
  if (permission !== undefined && !isPermission(permission)) {
    throw new UsageError(`--actor-permission must be one of ${PERMISSIONS.join(', ')}, not "${permission}"`);
  }
  const options: RouteOptions = {
    event: values['--event'] as string,
    eventName: values['--event-name'] as string,
    actorPermission: permission ?? null
  };
  if (values['--bot-login'] !== undefined) options.botLogin = values['--bot-login'];
  if (values['--config'] !== undefined) options.config = values['--config'];
  return options;
}

async function readText(path: string, what: string, cwd: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot read the ${what} "${path}" (${code})`);
  }
}

async function readEvent(path: string, cwd: string): Promise<unknown> {
  const text = await readText(path, 'event file', cwd);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(
      `the event file "${path}" is not valid JSON; give the webhook payload as saved by the runner`
    );
  }
}

async function readSettings(path: string | undefined, cwd: string): Promise<Settings> {
  try {
    if (path === undefined) return resolveSettings({}).settings;
    const text = await readText(path, 'config file', cwd);
    return resolveSettings({}, parseRepoConfig({ text, path })).settings;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`invalid config:\n${error.message}`);
    throw error;
  }
}

export async function routeCommand(args: string[], io: CliIo): Promise<number> {
  try {
    return await route(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`kubrick route: ${error.message}\n`);
    return EXIT.usage;
  }
}

async function route(args: string[], io: CliIo): Promise<number> {
  const options = parseArgs(args);
  if (options === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const payload = await readEvent(options.event, io.cwd);
  const settings = await readSettings(options.config, io.cwd);
  const decision = routeEvent({
    eventName: options.eventName,
    payload,
    settings,
    actorPermission: options.actorPermission,
    ...(options.botLogin !== undefined ? { botLogin: options.botLogin } : {})
  });
  io.stdout(`${JSON.stringify(decision)}\n`);
  return EXIT.ok;
}
