import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  EXIT,
  UsageError
} from "./chunk-H6C3COZ7.js";
import {
  PERMISSIONS,
  isPermission,
  routeEvent
} from "./chunk-NOBH63WV.js";
import {
  ConfigError,
  parseRepoConfig,
  resolveSettings
} from "./chunk-J4KUIEG5.js";
import "./chunk-VGMXJNBG.js";
import "./chunk-COFS5CHV.js";
import "./chunk-4IT6WIMZ.js";
import "./chunk-QV4DZ7X2.js";
import "./chunk-JYDXIRY6.js";
import "./chunk-3E3X5MMN.js";

// src/cli/route.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
var HELP = `Usage: kubrick route --event FILE --event-name NAME [options]

Prints, as one JSON line, what Kubrick Action would do for a webhook event payload. Offline: the
commenter's permission is not looked up; give it with --actor-permission, or see which login
would be checked in "needsPermission".

Options:
  --event FILE              the event payload (what the runner puts at GITHUB_EVENT_PATH)
  --event-name NAME         the event name (GITHUB_EVENT_NAME), e.g. issue_comment
  --actor-permission LEVEL  the actor's repository permission: ${[...PERMISSIONS].reverse().join(", ")}
  --bot-login NAME          the login Kubrick posts as (its comments are ignored)
  --config FILE             a repository config (.github/kubrick.yml) to take settings from
  --help                    show this help
`, VALUE_FLAGS = ["--event", "--event-name", "--actor-permission", "--bot-login", "--config"];
function parseArgs(args) {
  let values = {};
  for (let i = 0; i < args.length; i++) {
    let arg = args[i];
    if (arg === "--help" || arg === "-h") return "help";
    let eq = arg.indexOf("="), flag = eq === -1 ? arg : arg.slice(0, eq);
    if (!VALUE_FLAGS.includes(flag))
      throw new UsageError(`unknown argument "${arg}" (see kubrick route --help)`);
    if (values[flag] !== void 0) throw new UsageError(`${flag} is given twice`);
    let value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === void 0 || value === "") throw new UsageError(`${flag} needs a value`);
    values[flag] = value;
  }
  let missing = ["--event", "--event-name"].filter((flag) => values[flag] === void 0);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(" and ")} (see kubrick route --help)`);
  let permission = values["--actor-permission"];
  if (permission !== void 0 && !isPermission(permission))
    throw new UsageError(`--actor-permission must be one of ${PERMISSIONS.join(", ")}, not "${permission}"`);
  let options = {
    event: values["--event"],
    eventName: values["--event-name"],
    actorPermission: permission ?? null
  };
  return values["--bot-login"] !== void 0 && (options.botLogin = values["--bot-login"]), values["--config"] !== void 0 && (options.config = values["--config"]), options;
}
async function readText(path, what, cwd) {
  try {
    return await readFile(resolve(cwd, path), "utf8");
  } catch (error) {
    let code = error.code ?? "error";
    throw new UsageError(`cannot read the ${what} "${path}" (${code})`);
  }
}
async function readEvent(path, cwd) {
  let text = await readText(path, "event file", cwd);
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(
      `the event file "${path}" is not valid JSON; give the webhook payload as saved by the runner`
    );
  }
}
async function readSettings(path, cwd) {
  try {
    if (path === void 0) return resolveSettings({}).settings;
    let text = await readText(path, "config file", cwd);
    return resolveSettings({}, parseRepoConfig({ text, path })).settings;
  } catch (error) {
    throw error instanceof ConfigError ? new UsageError(`invalid config:
${error.message}`) : error;
  }
}
async function routeCommand(args, io) {
  try {
    return await route(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return io.stderr(`kubrick route: ${error.message}
`), EXIT.usage;
  }
}
async function route(args, io) {
  let options = parseArgs(args);
  if (options === "help")
    return io.stdout(HELP), EXIT.ok;
  let payload = await readEvent(options.event, io.cwd), settings = await readSettings(options.config, io.cwd), decision = routeEvent({
    eventName: options.eventName,
    payload,
    settings,
    actorPermission: options.actorPermission,
    ...options.botLogin !== void 0 ? { botLogin: options.botLogin } : {}
  });
  return io.stdout(`${JSON.stringify(decision)}
`), EXIT.ok;
}
export {
  routeCommand
};
