import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  _enum,
  array,
  boolean,
  literal,
  number,
  object,
  require_dist,
  string,
  union,
  unknownKeyMessage,
  url,
  yamlErrorMessage
} from "./chunk-PTJS2BYF.js";
import {
  __toESM
} from "./chunk-3E3X5MMN.js";

// src/config/load.ts
var import_yaml = __toESM(require_dist(), 1);

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
  auto_review: def(bool, !1, "true or false"),
  review_request_changes: def(bool, !1, "true or false"),
  comment_on_unauthorized: def(bool, !1, "true or false"),
  env_passthrough: def(stringList.pipe(array(envName)), [], "a list of variable names"),
  commit_author: def(
    author,
    { name: "kubrick[bot]", email: "kubrick[bot]@users.noreply.github.com" },
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
  )
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
};
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
      let hint = key in SETTINGS ? `"${key}" can only be set as an action input (it is a secret or names this file)` : unknownKeyMessage(key, REPO_CONFIG_KEYS);
      problems.push(`${where}: ${hint}`);
      continue;
    }
    let name = key, value = ((0, import_yaml.isScalar)(pair.value) ? pair.value.value : pair.value?.toJSON()) ?? "", def2 = SETTINGS[name];
    if (!def2.schema.safeParse(value).success) {
      let valueLine = lineOf(pair.value) ?? keyLine;
      problems.push(
        `${file.path}${valueLine ? ` line ${valueLine}` : ""}: ${name}: ${describe(value)} is not ${def2.expected}`
      );
      continue;
    }
    raw[name] = value;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return raw;
}
function describe(value) {
  return typeof value == "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
}
function resolveSettings(inputs, repoConfig = {}) {
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
    parsed.success ? (settings[name] = parsed.data, sources[name] = source) : problems.push(`${name}: ${describe(raw)} is not ${def2.expected} (from ${source})`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { settings, sources };
}

export {
  ConfigError,
  readActionInputs,
  parseRepoConfig,
  resolveSettings
};
