import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  NEVER,
  _enum,
  array,
  boolean,
  literal,
  number,
  object,
  require_dist,
  string,
  union,
  unknown,
  unknownKeyMessage,
  url,
  yamlErrorMessage
} from "./chunk-QV4DZ7X2.js";
import {
  __toESM
} from "./chunk-3E3X5MMN.js";

// src/config/load.ts
var import_yaml = __toESM(require_dist(), 1);

// src/mcp/config.ts
var SERVER_NAME = /^[a-z0-9_-]+$/, MAX_SERVER_NAME = 32, MAX_SERVERS = 16, ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/, INPUT_NAME = /^[A-Za-z0-9_-]+$/, HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, FORBIDDEN_ENV = [
  { pattern: /^GITHUB_TOKEN$/i, why: "the workflow token never reaches an MCP server" },
  {
    pattern: /^INPUT_/i,
    why: "the action's inputs hold the token and the API key; name the input with from_input"
  },
  { pattern: /^ACTIONS_/i, why: "the runner's own tokens (cache, artifacts, OIDC) never reach an MCP server" }
], FORBIDDEN_INPUTS = /* @__PURE__ */ new Set(["github_token", "api_key"]);
function isRecord(value) {
  return typeof value == "object" && value !== null && !Array.isArray(value);
}
function describe(value) {
  return JSON.stringify(value) ?? String(value);
}
function checkKeys(entry, known, path, problems) {
  for (let key of Object.keys(entry))
    known.includes(key) || problems.push({ path: [...path, key], message: unknownKeyMessage(key, known) });
}
function parseValue(raw, path, problems) {
  if (typeof raw == "string" || typeof raw == "number" || typeof raw == "boolean") {
    let literal2 = String(raw);
    if (/[\0\r\n]/.test(literal2)) {
      problems.push({ path, message: "a value may not contain NUL or line breaks" });
      return;
    }
    return { literal: literal2 };
  }
  if (isRecord(raw) && Object.keys(raw).length === 1 && "from_env" in raw) {
    let name = raw.from_env;
    if (typeof name != "string" || !ENV_NAME.test(name)) {
      problems.push({
        path: [...path, "from_env"],
        message: `${describe(name)} is not an environment variable name`
      });
      return;
    }
    let forbidden = FORBIDDEN_ENV.find((rule) => rule.pattern.test(name));
    if (forbidden) {
      problems.push({ path: [...path, "from_env"], message: `${name} is refused: ${forbidden.why}` });
      return;
    }
    return { fromEnv: name };
  }
  if (isRecord(raw) && Object.keys(raw).length === 1 && "from_input" in raw) {
    let name = raw.from_input;
    if (typeof name != "string" || !INPUT_NAME.test(name)) {
      problems.push({ path: [...path, "from_input"], message: `${describe(name)} is not an input name` });
      return;
    }
    if (FORBIDDEN_INPUTS.has(name.toLowerCase().replace(/-/g, "_"))) {
      problems.push({
        path: [...path, "from_input"],
        message: `${name} is refused: Kubrick's own credentials never reach an MCP server`
      });
      return;
    }
    return { fromInput: name };
  }
  problems.push({
    path,
    message: `${describe(raw)} is not a value: write a string, {from_env: NAME} or {from_input: name}`
  });
}
function parseValues(raw, path, nameRule, problems) {
  let values = {};
  if (raw == null) return values;
  if (!isRecord(raw))
    return problems.push({ path, message: `must be a mapping of ${nameRule.what} to values` }), values;
  for (let [name, value] of Object.entries(raw)) {
    if (!nameRule.pattern.test(name)) {
      problems.push({ path: [...path, name], message: `"${name}" is not ${nameRule.what}` });
      continue;
    }
    let parsed = parseValue(value, [...path, name], problems);
    parsed && (values[name] = parsed);
  }
  return values;
}
function parseStdio(entry, path, problems) {
  checkKeys(entry, ["command", "args", "env"], path, problems);
  let command = entry.command;
  (typeof command != "string" || command.trim() === "" || command.includes("\0")) && problems.push({
    path: [...path, "command"],
    message: "must be the program to start, such as npx or /usr/bin/docs-server"
  });
  let args = [];
  entry.args !== void 0 && entry.args !== null && (Array.isArray(entry.args) ? entry.args.forEach((arg, index) => {
    typeof arg == "string" && !arg.includes("\0") || typeof arg == "number" ? args.push(String(arg)) : problems.push({
      path: [...path, "args", index],
      message: `${describe(arg)} is not an argument (a string)`
    });
  }) : problems.push({ path: [...path, "args"], message: "must be a list of arguments" }));
  let env = parseValues(
    entry.env,
    [...path, "env"],
    { pattern: ENV_NAME, what: "an environment variable name" },
    problems
  );
  return { transport: "stdio", command: typeof command == "string" ? command : "", args, env };
}
function parseHttp(entry, path, problems) {
  checkKeys(entry, ["url", "headers"], path, problems);
  let url2 = entry.url, parsed = typeof url2 == "string" && URL.canParse(url2) ? new URL(url2) : null;
  !parsed || parsed.protocol !== "https:" && parsed.protocol !== "http:" ? problems.push({ path: [...path, "url"], message: `${describe(url2)} is not an http(s) URL` }) : (parsed.username || parsed.password) && problems.push({
    path: [...path, "url"],
    message: "must not hold a user name or password: send credentials in headers, with from_env"
  });
  let headers = parseValues(
    entry.headers,
    [...path, "headers"],
    { pattern: HEADER_NAME, what: "a header name" },
    problems
  );
  return { transport: "http", url: typeof url2 == "string" ? url2 : "", headers };
}
function parseMcpServers(raw) {
  let problems = [], servers = {};
  if (raw === "" || raw === null || raw === void 0) return { servers, problems };
  if (!isRecord(raw))
    return problems.push({ path: [], message: "must be a mapping from server names to servers" }), { servers, problems };
  let names = Object.keys(raw);
  names.length > MAX_SERVERS && problems.push({ path: [], message: `names ${names.length} servers; at most ${MAX_SERVERS} are allowed` });
  for (let name of names) {
    let entry = raw[name];
    if (!SERVER_NAME.test(name) || name.length > MAX_SERVER_NAME || name.includes("__")) {
      problems.push({
        path: [name],
        message: `"${name}" is not a server name: use up to ${MAX_SERVER_NAME} of a-z, 0-9, _ and -, without "__"`
      });
      continue;
    }
    if (!isRecord(entry)) {
      problems.push({
        path: [name],
        message: "must be {command, args, env} (a stdio server) or {url, headers} (a Streamable HTTP server)"
      });
      continue;
    }
    if ("command" in entry && "url" in entry) {
      problems.push({
        path: [name],
        message: "has both command and url: a server is either started (command) or reached (url)"
      });
      continue;
    }
    let before = problems.length;
    "command" in entry ? servers[name] = parseStdio(entry, [name], problems) : "url" in entry ? servers[name] = parseHttp(entry, [name], problems) : checkKeys(entry, ["command", "args", "env", "url", "headers"], [name], problems), !("command" in entry) && !("url" in entry) && problems.length === before && problems.push({
      path: [name],
      message: "needs command (a stdio server started by Kubrick) or url (a Streamable HTTP server)"
    });
  }
  return { servers, problems };
}
var mcpServersSchema = unknown().transform((raw, ctx) => {
  let { servers, problems } = parseMcpServers(raw);
  for (let problem of problems)
    ctx.addIssue({ code: "custom", message: problem.message, path: problem.path });
  return problems.length > 0 ? NEVER : servers;
});

// src/mode.ts
var MODES = ["fix", "review", "ask", "plan"];

// src/config/settings.ts
var intLike = union([
  number(),
  string().trim().regex(/^[+]?\d+$/)
]).transform(Number), numLike = union([
  number(),
  string().trim().regex(/^[+]?(\d+\.?\d*|\.\d+)$/)
]).transform(Number), positiveInt = intLike.pipe(number().int().positive()), positiveNumber = numLike.pipe(number().positive().finite()), nonNegativeNumber = numLike.pipe(number().nonnegative().finite()), bool = union([
  boolean(),
  string().trim().toLowerCase().pipe(_enum(["true", "false"])).transform((v) => v === "true")
]), stringList = union([array(string()), string()]).transform((v) => (Array.isArray(v) ? v : v.split(/[,\n]/)).map((s) => s.trim()).filter((s) => s.length > 0)), text = union([string(), number()]).transform((v) => String(v).trim()), nonEmptyText = text.pipe(string().min(1)), envName = string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), author = string().trim().regex(/^[^<>]+<[^<>\s]+@[^<>\s]+>$/).transform((v) => {
  let open = v.indexOf("<");
  return { name: v.slice(0, open).trim(), email: v.slice(open + 1, -1) };
});
function def(schema, defaultValue, expected, repoConfigurable = !0, repoOnly = !1) {
  return { schema, default: defaultValue, expected, repoConfigurable, repoOnly };
}
var instructionsPath = text.transform((v) => v.toLowerCase() === "none" ? "" : v.replace(/^(\.\/)+/, "")).pipe(
  string().refine(
    (v) => v === "" || !v.startsWith("/") && !/[\\\0]/.test(v) && !v.split("/").some((part) => part === ".." || part === "")
  )
), optionalPositiveInt = union([literal("").transform(() => null), positiveInt]), optionalPositiveNumber = union([literal("").transform(() => null), positiveNumber]), optionalNonNegativeNumber = union([literal("").transform(() => null), nonNegativeNumber]), SETTINGS = {
  github_token: def(text, "", "a token", !1),
  trigger_phrase: def(nonEmptyText.pipe(string().regex(/^\S+$/)), "/kubrick", "one word such as /kubrick"),
  label_trigger: def(text, "kubrick", "a label name (empty to disable)"),
  assignee_trigger: def(
    text.transform((v) => v.replace(/^@/, "")),
    "",
    "a login (empty to disable)"
  ),
  prompt: def(text, "", "text"),
  mode: def(_enum(["auto", ...MODES]), "auto", `one of auto, ${MODES.join(", ")}`),
  provider: def(_enum(["openai", "anthropic", "triton"]), "openai", "one of openai, anthropic, triton"),
  model: def(text, "", "a model name"),
  base_url: def(text.pipe(union([literal(""), url({ protocol: /^https?$/ })])), "", "an http(s) URL"),
  api_key: def(text, "", "a key", !1),
  tool_protocol: def(_enum(["auto", "native", "text"]), "auto", "one of auto, native, text"),
  prompt_format: def(
    _enum(["chatml", "llama3", "json-messages"]),
    "chatml",
    "one of chatml, llama3, json-messages"
  ),
  policy_path: def(nonEmptyText, ".github/kubrick-policy.yml", "a repository path"),
  config_path: def(nonEmptyText, ".github/kubrick.yml", "a repository path", !1),
  max_iterations: def(positiveInt, 15, "a positive integer"),
  tool_timeout: def(positiveNumber, 30, "a positive number of seconds"),
  total_timeout: def(positiveNumber, 600, "a positive number of seconds"),
  max_file_size_mb: def(positiveNumber, 10, "a positive number of megabytes"),
  max_tool_calls: def(positiveInt, 20, "a positive integer"),
  max_tokens: def(optionalPositiveInt, null, "a positive integer (empty for no limit)"),
  max_cost_usd: def(optionalPositiveNumber, null, "a positive number (empty for no limit)"),
  context_window: def(positiveInt.pipe(number().min(1e3)), 128e3, "an integer of at least 1000"),
  price_per_mtok_in: def(
    optionalNonNegativeNumber,
    null,
    "a non-negative number (empty for the built-in table)"
  ),
  price_per_mtok_out: def(
    optionalNonNegativeNumber,
    null,
    "a non-negative number (empty for the built-in table)"
  ),
  price_per_mtok_cached_in: def(
    optionalNonNegativeNumber,
    null,
    "a non-negative number (empty for the built-in table, else price_per_mtok_in)"
  ),
  prompt_cache: def(bool, !0, "true or false"),
  instructions_file: def(
    instructionsPath,
    null,
    "a repository path such as AGENTS.md (empty or none: no instructions file)"
  ),
  required_permission: def(
    _enum(["admin", "maintain", "write", "triage", "read"]),
    "write",
    "one of admin, maintain, write, triage, read"
  ),
  allowed_bots: def(stringList, [], "a comma-separated list of logins"),
  branch_prefix: def(
    nonEmptyText.pipe(string().regex(/^[A-Za-z0-9._/-]+$/)),
    "kubrick/",
    "a branch prefix of letters, digits, . _ / -"
  ),
  draft_pr: def(bool, !1, "true or false"),
  // Pull requests Kubrick opens from its own branches: where they go, their labels and reviewers.
  base_branch: def(
    text.pipe(string().regex(/^$|^[A-Za-z0-9._][A-Za-z0-9._/-]*$/)),
    "",
    "a branch name (empty for the default branch)"
  ),
  pr_labels: def(stringList, [], "a comma-separated list of labels"),
  pr_reviewers: def(
    stringList,
    [],
    "a comma-separated list of logins, org/team slugs or requester"
  ),
  auto_review: def(bool, !1, "true or false"),
  review_request_changes: def(bool, !1, "true or false"),
  comment_on_unauthorized: def(bool, !1, "true or false"),
  env_passthrough: def(stringList.pipe(array(envName)), [], "a list of variable names"),
  // The identity GitHub links to the Actions bot account, as actions/checkout's docs and
  // create-pull-request use it; the requester is credited with a Co-authored-by trailer.
  commit_author: def(
    author,
    {
      name: "github-actions[bot]",
      email: "41898282+github-actions[bot]@users.noreply.github.com"
    },
    "Name <email>"
  ),
  sandbox: def(_enum(["auto", "namespaces", "none"]), "auto", "one of auto, namespaces, none"),
  allow_network: def(bool, !1, "true or false", !0, !0),
  sandbox_paths: def(stringList, [], "a list of absolute paths", !0, !0),
  sandbox_limits: def(
    object({
      processes: positiveInt.pipe(number().max(65536)).optional(),
      file_size_mb: positiveInt.pipe(number().max(1048576)).optional(),
      tmp_mb: positiveInt.pipe(number().max(1048576)).optional(),
      scratch_mb: positiveInt.pipe(number().max(1048576)).optional(),
      shm_mb: positiveInt.pipe(number().max(1048576)).optional(),
      memory_mb: positiveInt.pipe(number().max(1048576)).optional()
    }).strict(),
    {},
    "a map of processes, file_size_mb, tmp_mb, scratch_mb, shm_mb, memory_mb to positive integers",
    !0,
    !0
  ),
  mcp_servers: {
    ...def(mcpServersSchema, {}, "a mapping of MCP servers", !0, !0),
    detailed: !0
  },
  // Fixing failed CI (workflow_run and `/kubrick fix-ci`).
  ci_workflows: def(stringList, [], "a comma-separated list of workflow names"),
  max_ci_fix_attempts: def(positiveInt, 2, "a positive integer"),
  ci_fix_forks: def(_enum(["ignore", "explain"]), "ignore", "one of ignore, explain")
}, INPUT_NAMES = Object.keys(SETTINGS).filter((k) => !SETTINGS[k].repoOnly), REPO_CONFIG_KEYS = Object.keys(SETTINGS).filter(
  (k) => SETTINGS[k].repoConfigurable
);

// src/config/load.ts
var ConfigError = class extends Error {
  constructor(problems) {
    super(problems.join(`
`));
    this.problems = problems;
    this.name = "ConfigError";
  }
  problems;
}, ACTION_ORIGINS = {
  given: (name, problem) => `${name}: ${problem} (from action input)`,
  repoConfig: (name, problem) => `${name}: ${problem} (from repo config)`
};
function inActionInputs(name) {
  return `"${name}" can only be set as an action input (it is a secret or names this file)`;
}
function inputEnvName(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}
function readActionInputs(env) {
  let inputs = {};
  for (let name of INPUT_NAMES) {
    let value = env[inputEnvName(name)];
    value !== void 0 && value.trim() !== "" && (inputs[name] = value);
  }
  return inputs;
}
function parseRepoConfig(file) {
  let lineCounter = new import_yaml.LineCounter(), doc = (0, import_yaml.parseDocument)(file.text, { lineCounter, uniqueKeys: !0, prettyErrors: !1 }), syntaxError = doc.errors[0];
  if (syntaxError) throw new ConfigError([yamlErrorMessage(syntaxError, lineCounter, file.path)]);
  if (doc.contents === null) return {};
  if (!(0, import_yaml.isMap)(doc.contents))
    throw new ConfigError([
      `${file.path}: must be a mapping of settings (key: value), not a list or a scalar`
    ]);
  let problems = [], raw = {}, lineOf = (node) => {
    let range = node?.range;
    return range ? lineCounter.linePos(range[0]).line : void 0;
  };
  for (let pair of doc.contents.items) {
    let key = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : String(pair.key), keyLine = lineOf(pair.key), where = `${file.path}${keyLine ? ` line ${keyLine}` : ""}`;
    if (!REPO_CONFIG_KEYS.includes(key)) {
      let hint = key in SETTINGS ? (file.notInFile ?? inActionInputs)(key) : unknownKeyMessage(key, REPO_CONFIG_KEYS);
      problems.push(`${where}: ${hint}`);
      continue;
    }
    let name = key, value = ((0, import_yaml.isScalar)(pair.value) ? pair.value.value : pair.value?.toJSON()) ?? "", def2 = SETTINGS[name], result = def2.schema.safeParse(value);
    if (!result.success && "detailed" in def2 && def2.detailed) {
      problems.push(...detailedProblems(file.path, name, result.error, pair.value, lineOf, keyLine));
      continue;
    }
    if (!result.success) {
      let valueLine = lineOf(pair.value) ?? keyLine;
      problems.push(
        `${file.path}${valueLine ? ` line ${valueLine}` : ""}: ${name}: ${describe2(value)} is not ${def2.expected}`
      );
      continue;
    }
    raw[name] = value;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return raw;
}
function detailedProblems(path, name, error, node, lineOf, keyLine) {
  return error.issues.map((issue) => {
    let at = issue.path.map((part) => typeof part == "number" ? part : String(part)), line = lineOf(placeOf(node, at)) ?? lineOf(node) ?? keyLine, place = name + at.map((part) => typeof part == "number" ? `[${part}]` : `.${part}`).join("");
    return `${path}${line ? ` line ${line}` : ""}: ${place}: ${issue.message}`;
  });
}
function placeOf(node, path) {
  if (!(0, import_yaml.isCollection)(node) || path.length === 0) return;
  let parent = path.length > 1 ? node.getIn(path.slice(0, -1), !0) : node, last = path[path.length - 1];
  if ((0, import_yaml.isMap)(parent)) {
    let pair = parent.items.find((item2) => (0, import_yaml.isScalar)(item2.key) && String(item2.key.value) === String(last));
    if (pair) return pair.key;
  }
  return ((0, import_yaml.isCollection)(parent) ? parent.get(last, !0) : void 0) ?? parent ?? placeOf(node, path.slice(0, -1));
}
function describe2(value) {
  return typeof value == "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
}
function resolveSettings(inputs, repoConfig = {}, origins = ACTION_ORIGINS) {
  let settings = {}, sources = {}, problems = [];
  for (let name of Object.keys(SETTINGS)) {
    let def2 = SETTINGS[name], raw, source;
    if (inputs[name] !== void 0)
      raw = inputs[name], source = "action input";
    else if (repoConfig[name] !== void 0)
      raw = repoConfig[name], source = "repo config";
    else {
      settings[name] = def2.default, sources[name] = "default";
      continue;
    }
    let parsed = def2.schema.safeParse(raw);
    if (parsed.success)
      settings[name] = parsed.data, sources[name] = source;
    else {
      let problem = `${describe2(raw)} is not ${def2.expected}`;
      problems.push(
        source === "action input" ? origins.given(name, problem) : origins.repoConfig(name, problem)
      );
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { settings, sources };
}

export {
  ConfigError,
  inputEnvName,
  readActionInputs,
  parseRepoConfig,
  resolveSettings
};
