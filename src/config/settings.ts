import * as z from 'zod';
import { mcpServersSchema, type McpServers } from '../mcp/config.js';
import { MODES } from '../mode.js';

/**
 * Every setting of the action, in one table: its action input name (also the repo-config key),
 * how a raw value is parsed, its default, and whether `.github/kubrick.yml` may set it.
 * action.yml, docs/configuration.md and the loader are all checked against this table by tests.
 */

/** `sandbox_limits` in the repository config: each one replaces the sandbox's default (docs/security.md). */
export interface SandboxLimitSettings {
  processes?: number;
  file_size_mb?: number;
  tmp_mb?: number;
  scratch_mb?: number;
  shm_mb?: number;
  memory_mb?: number;
}

export interface CommitAuthor {
  name: string;
  email: string;
}

const intLike = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^[+]?\d+$/)
  ])
  .transform(Number);
const numLike = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^[+]?(\d+\.?\d*|\.\d+)$/)
  ])
  .transform(Number);

const positiveInt = intLike.pipe(z.number().int().positive());
const positiveNumber = numLike.pipe(z.number().positive().finite());
const nonNegativeNumber = numLike.pipe(z.number().nonnegative().finite());
const bool = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false']))
    .transform(v => v === 'true')
]);
/** A comma- or newline-separated string (action inputs) or a YAML list (repo config). */
const stringList = z
  .union([z.array(z.string()), z.string()])
  .transform(v => (Array.isArray(v) ? v : v.split(/[,\n]/)).map(s => s.trim()).filter(s => s.length > 0));
const text = z.union([z.string(), z.number()]).transform(v => String(v).trim());
const nonEmptyText = text.pipe(z.string().min(1));
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/);
const author = z
  .string()
  .trim()
  .regex(/^[^<>]+<[^<>\s]+@[^<>\s]+>$/)
  .transform((v): CommitAuthor => {
    const open = v.indexOf('<');
    return { name: v.slice(0, open).trim(), email: v.slice(open + 1, -1) };
  });

interface SettingDef<T> {
  schema: z.ZodType<T, unknown>;
  default: T;
  /** Words for error messages: `"abc" is not <expected>`. */
  expected: string;
  /** False for secrets and for the path of the repo config itself. */
  repoConfigurable: boolean;
  /** Only meaningful in the repo config (never an action input). */
  repoOnly?: boolean;
  /** A structured value: each mistake is reported with its own place and words, not as one value. */
  detailed?: boolean;
}

function def<T>(
  schema: z.ZodType<T, unknown>,
  defaultValue: T,
  expected: string,
  repoConfigurable = true,
  repoOnly = false
): SettingDef<T> {
  return { schema, default: defaultValue, expected, repoConfigurable, repoOnly };
}

/**
 * The repository's instructions for agents (AGENTS.md, …): a path relative to the repository root;
 * '' (empty, or `none` where an empty input cannot be told from an unset one) reads none. The
 * default, null, looks for the usual files (see src/run/instructions.ts).
 */
const instructionsPath = text
  .transform(v => (v.toLowerCase() === 'none' ? '' : v.replace(/^(\.\/)+/, '')))
  .pipe(
    z
      .string()
      .refine(
        v =>
          v === '' ||
          (!v.startsWith('/') &&
            !/[\\\0]/.test(v) &&
            !v.split('/').some(part => part === '..' || part === ''))
      )
  );

const optionalPositiveInt = z.union([z.literal('').transform(() => null), positiveInt]);
const optionalPositiveNumber = z.union([z.literal('').transform(() => null), positiveNumber]);
const optionalNonNegativeNumber = z.union([z.literal('').transform(() => null), nonNegativeNumber]);

export const SETTINGS = {
  github_token: def(text, '', 'a token', false),
  trigger_phrase: def(nonEmptyText.pipe(z.string().regex(/^\S+$/)), '/kubrick', 'one word such as /kubrick'),
  label_trigger: def(text, 'kubrick', 'a label name (empty to disable)'),
  assignee_trigger: def(
    text.transform(v => v.replace(/^@/, '')),
    '',
    'a login (empty to disable)'
  ),
  prompt: def(text, '', 'text'),
  mode: def(z.enum(['auto', ...MODES]), 'auto', `one of auto, ${MODES.join(', ')}`),
  provider: def(z.enum(['openai', 'anthropic', 'triton']), 'openai', 'one of openai, anthropic, triton'),
  model: def(text, '', 'a model name'),
  base_url: def(text.pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/ })])), '', 'an http(s) URL'),
  api_key: def(text, '', 'a key', false),
  tool_protocol: def(z.enum(['auto', 'native', 'text']), 'auto', 'one of auto, native, text'),
  prompt_format: def(
    z.enum(['chatml', 'llama3', 'json-messages']),
    'chatml',
    'one of chatml, llama3, json-messages'
  ),
  policy_path: def(nonEmptyText, '.github/kubrick-policy.yml', 'a repository path'),
  config_path: def(nonEmptyText, '.github/kubrick.yml', 'a repository path', false),
  max_iterations: def(positiveInt, 15, 'a positive integer'),
  tool_timeout: def(positiveNumber, 30, 'a positive number of seconds'),
  total_timeout: def(positiveNumber, 600, 'a positive number of seconds'),
  max_file_size_mb: def(positiveNumber, 10, 'a positive number of megabytes'),
  max_tool_calls: def(positiveInt, 20, 'a positive integer'),
  max_tokens: def(optionalPositiveInt, null as number | null, 'a positive integer (empty for no limit)'),
  max_cost_usd: def(optionalPositiveNumber, null as number | null, 'a positive number (empty for no limit)'),
  context_window: def(positiveInt.pipe(z.number().min(1000)), 128000, 'an integer of at least 1000'),
  price_per_mtok_in: def(
    optionalNonNegativeNumber,
    null as number | null,
    'a non-negative number (empty for the built-in table)'
  ),
  price_per_mtok_out: def(
    optionalNonNegativeNumber,
    null as number | null,
    'a non-negative number (empty for the built-in table)'
  ),
  price_per_mtok_cached_in: def(
    optionalNonNegativeNumber,
    null as number | null,
    'a non-negative number (empty for the built-in table, else price_per_mtok_in)'
  ),
  prompt_cache: def(bool, true, 'true or false'),
  instructions_file: def(
    instructionsPath,
    null as string | null,
    'a repository path such as AGENTS.md (empty or none: no instructions file)'
  ),
  required_permission: def(
    z.enum(['admin', 'maintain', 'write', 'triage', 'read']),
    'write',
    'one of admin, maintain, write, triage, read'
  ),
  allowed_bots: def(stringList, [] as string[], 'a comma-separated list of logins'),
  branch_prefix: def(
    nonEmptyText.pipe(z.string().regex(/^[A-Za-z0-9._/-]+$/)),
    'kubrick/',
    'a branch prefix of letters, digits, . _ / -'
  ),
  draft_pr: def(bool, false, 'true or false'),
  // Pull requests Kubrick opens from its own branches: where they go, their labels and reviewers.
  base_branch: def(
    text.pipe(z.string().regex(/^$|^[A-Za-z0-9._][A-Za-z0-9._/-]*$/)),
    '',
    'a branch name (empty for the default branch)'
  ),
  pr_labels: def(stringList, [] as string[], 'a comma-separated list of labels'),
  pr_reviewers: def(
    stringList,
    [] as string[],
    'a comma-separated list of logins, org/team slugs or requester'
  ),
  auto_review: def(bool, false, 'true or false'),
  review_request_changes: def(bool, false, 'true or false'),
  comment_on_unauthorized: def(bool, false, 'true or false'),
  env_passthrough: def(stringList.pipe(z.array(envName)), [] as string[], 'a list of variable names'),
  // The identity GitHub links to the Actions bot account, as actions/checkout's docs and
  // create-pull-request use it; the requester is credited with a Co-authored-by trailer.
  commit_author: def(
    author,
    {
      name: 'github-actions[bot]',
      email: '41898282+github-actions[bot]@users.noreply.github.com'
    } as CommitAuthor,
    'Name <email>'
  ),
  sandbox: def(z.enum(['auto', 'namespaces', 'none']), 'auto', 'one of auto, namespaces, none'),
  allow_network: def(bool, false, 'true or false', true, true),
  sandbox_paths: def(stringList, [] as string[], 'a list of absolute paths', true, true),
  sandbox_limits: def(
    z
      .object({
        processes: positiveInt.pipe(z.number().max(65_536)).optional(),
        file_size_mb: positiveInt.pipe(z.number().max(1_048_576)).optional(),
        tmp_mb: positiveInt.pipe(z.number().max(1_048_576)).optional(),
        scratch_mb: positiveInt.pipe(z.number().max(1_048_576)).optional(),
        shm_mb: positiveInt.pipe(z.number().max(1_048_576)).optional(),
        memory_mb: positiveInt.pipe(z.number().max(1_048_576)).optional()
      })
      .strict(),
    {} as SandboxLimitSettings,
    'a map of processes, file_size_mb, tmp_mb, scratch_mb, shm_mb, memory_mb to positive integers',
    true,
    true
  ),
  mcp_servers: {
    ...def(mcpServersSchema, {} as McpServers, 'a mapping of MCP servers', true, true),
    detailed: true
  },
  // Fixing failed CI (workflow_run and `/kubrick fix-ci`).
  ci_workflows: def(stringList, [] as string[], 'a comma-separated list of workflow names'),
  max_ci_fix_attempts: def(positiveInt, 2, 'a positive integer'),
  ci_fix_forks: def(z.enum(['ignore', 'explain']), 'ignore' as 'ignore' | 'explain', 'one of ignore, explain')
} satisfies Record<string, SettingDef<unknown>>;

export type SettingName = keyof typeof SETTINGS;
export type Settings = { -readonly [K in SettingName]: (typeof SETTINGS)[K]['default'] };

export type SettingSource = 'action input' | 'repo config' | 'default';

/** Names that can be given as action inputs (everything but the repo-only keys). */
export const INPUT_NAMES = (Object.keys(SETTINGS) as SettingName[]).filter(k => !SETTINGS[k].repoOnly);
/** Keys allowed in `.github/kubrick.yml`. */
export const REPO_CONFIG_KEYS = (Object.keys(SETTINGS) as SettingName[]).filter(
  k => SETTINGS[k].repoConfigurable
);
