import { describe, expect, it } from '@jest/globals';
import {
  ConfigError,
  parseRepoConfig,
  readActionInputs,
  resolveSettings,
  type SettingOrigins
} from '../../src/config/load.js';
import { SETTINGS } from '../../src/config/settings.js';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const repo = (text: string) => parseRepoConfig({ text, path: '.github/kubrick.yml' });

describe('resolveSettings', () => {
  it('gives the documented defaults when nothing is set', () => {
    const { settings, sources } = resolveSettings({});
    expect(settings.max_iterations).toBe(15);
    expect(settings.tool_timeout).toBe(30);
    expect(settings.total_timeout).toBe(600);
    expect(settings.max_file_size_mb).toBe(10);
    expect(settings.trigger_phrase).toBe('/kubrick');
    expect(settings.label_trigger).toBe('kubrick');
    expect(settings.policy_path).toBe('.github/kubrick-policy.yml');
    expect(settings.required_permission).toBe('write');
    expect(settings.branch_prefix).toBe('kubrick/');
    expect(settings.max_cost_usd).toBeNull();
    expect(settings.commit_author).toEqual({
      name: 'github-actions[bot]',
      email: '41898282+github-actions[bot]@users.noreply.github.com'
    });
    expect(sources.max_iterations).toBe('default');
  });

  it('parses every kind of action input from its string form', () => {
    const { settings } = resolveSettings(
      readActionInputs({
        INPUT_MAX_ITERATIONS: '7',
        INPUT_TOOL_TIMEOUT: '2.5',
        INPUT_MAX_COST_USD: '0.50',
        INPUT_DRAFT_PR: 'TRUE',
        INPUT_AUTO_REVIEW: 'false',
        INPUT_ALLOWED_BOTS: 'dependabot[bot], renovate[bot]',
        INPUT_ENV_PASSTHROUGH: 'JAVA_HOME\nGOFLAGS',
        INPUT_COMMIT_AUTHOR: 'Robo Dev <robo@example.com>',
        INPUT_PROVIDER: 'anthropic',
        INPUT_BASE_URL: 'http://127.0.0.1:8000/v1',
        INPUT_ASSIGNEE_TRIGGER: '@kubrick-bot',
        INPUT_SANDBOX: 'none',
        INPUT_MODE: 'review'
      })
    );
    expect(settings.max_iterations).toBe(7);
    expect(settings.tool_timeout).toBe(2.5);
    expect(settings.max_cost_usd).toBe(0.5);
    expect(settings.draft_pr).toBe(true);
    expect(settings.auto_review).toBe(false);
    expect(settings.allowed_bots).toEqual(['dependabot[bot]', 'renovate[bot]']);
    expect(settings.env_passthrough).toEqual(['JAVA_HOME', 'GOFLAGS']);
    expect(settings.commit_author).toEqual({ name: 'Robo Dev', email: 'robo@example.com' });
    expect(settings.provider).toBe('anthropic');
    expect(settings.base_url).toBe('http://127.0.0.1:8000/v1');
    expect(settings.assignee_trigger).toBe('kubrick-bot');
    expect(settings.sandbox).toBe('none');
    expect(settings.mode).toBe('review');
  });

  it('treats an empty input as not given, so the repo config applies', () => {
    const { settings, sources } = resolveSettings(
      readActionInputs({ INPUT_MAX_ITERATIONS: '' }),
      repo('max_iterations: 4\n')
    );
    expect(settings.max_iterations).toBe(4);
    expect(sources.max_iterations).toBe('repo config');
  });

  it('prefers an explicit action input over the repo config over the default', () => {
    const { settings, sources } = resolveSettings(
      readActionInputs({ INPUT_MAX_ITERATIONS: '9' }),
      repo('max_iterations: 4\ntool_timeout: 12\n')
    );
    expect(settings.max_iterations).toBe(9);
    expect(sources.max_iterations).toBe('action input');
    expect(settings.tool_timeout).toBe(12);
    expect(sources.tool_timeout).toBe('repo config');
    expect(settings.total_timeout).toBe(600);
    expect(sources.total_timeout).toBe('default');
  });

  it('accepts YAML lists and booleans in the repo config', () => {
    const { settings } = resolveSettings(
      {},
      repo(
        'allowed_bots: ["renovate[bot]"]\ndraft_pr: true\nallow_network: true\nsandbox_paths:\n  - /opt/tool\n'
      )
    );
    expect(settings.allowed_bots).toEqual(['renovate[bot]']);
    expect(settings.draft_pr).toBe(true);
    expect(settings.allow_network).toBe(true);
    expect(settings.sandbox_paths).toEqual(['/opt/tool']);
  });

  it('reads sandbox_limits as a map, and names a key that is not a limit', () => {
    const { settings } = resolveSettings({}, repo('sandbox_limits:\n  processes: 1024\n  tmp_mb: 2048\n'));
    expect(settings.sandbox_limits).toEqual({ processes: 1024, tmp_mb: 2048 });
    expect(resolveSettings({}, repo('')).settings.sandbox_limits).toEqual({});
    expect(() => resolveSettings({}, repo('sandbox_limits:\n  procs: 4\n'))).toThrow(/sandbox_limits/);
    expect(() => resolveSettings({}, repo('sandbox_limits:\n  tmp_mb: -1\n'))).toThrow(
      /sandbox_limits.*processes, file_size_mb, tmp_mb/
    );
  });

  it('never takes sandbox_limits, allow_network or sandbox_paths from an action input', () => {
    const inputs = readActionInputs({
      INPUT_SANDBOX_LIMITS: 'processes: 99999',
      INPUT_ALLOW_NETWORK: 'true',
      INPUT_SANDBOX_PATHS: '/',
      INPUT_MAX_ITERATIONS: '3'
    });
    expect(inputs).toEqual({ max_iterations: '3' });
  });

  it.each([
    ['INPUT_MAX_ITERATIONS', 'abc', 'max_iterations: "abc" is not a positive integer (from action input)'],
    ['INPUT_MAX_ITERATIONS', '0', 'max_iterations: "0" is not a positive integer'],
    ['INPUT_MAX_ITERATIONS', '2.5', 'max_iterations: "2.5" is not a positive integer'],
    ['INPUT_MAX_ITERATIONS', '-3', 'max_iterations: "-3" is not a positive integer'],
    ['INPUT_TOOL_TIMEOUT', 'soon', 'tool_timeout: "soon" is not a positive number of seconds'],
    ['INPUT_TOTAL_TIMEOUT', '0', 'total_timeout: "0" is not a positive number of seconds'],
    ['INPUT_MAX_FILE_SIZE_MB', '-1', 'max_file_size_mb: "-1" is not a positive number of megabytes'],
    ['INPUT_MAX_TOOL_CALLS', '1e3', 'max_tool_calls: "1e3" is not a positive integer'],
    ['INPUT_MAX_TOKENS', 'lots', 'max_tokens: "lots" is not a positive integer'],
    ['INPUT_MAX_COST_USD', '$5', 'max_cost_usd: "$5" is not a positive number'],
    ['INPUT_CONTEXT_WINDOW', '500', 'context_window: "500" is not an integer of at least 1000'],
    ['INPUT_DRAFT_PR', 'yes', 'draft_pr: "yes" is not true or false'],
    ['INPUT_AUTO_REVIEW', '1', 'auto_review: "1" is not true or false'],
    ['INPUT_PROVIDER', 'gemini', 'provider: "gemini" is not one of openai, anthropic, triton'],
    ['INPUT_MODE', 'yolo', 'mode: "yolo" is not one of auto, fix, review, ask, plan'],
    [
      'INPUT_REQUIRED_PERMISSION',
      'owner',
      'required_permission: "owner" is not one of admin, maintain, write'
    ],
    ['INPUT_BASE_URL', 'localhost:8000', 'base_url: "localhost:8000" is not an http(s) URL'],
    ['INPUT_BASE_URL', 'ftp://example.com', 'base_url: "ftp://example.com" is not an http(s) URL'],
    ['INPUT_COMMIT_AUTHOR', 'robo', 'commit_author: "robo" is not Name <email>'],
    ['INPUT_ENV_PASSTHROUGH', 'JAVA HOME', 'env_passthrough: "JAVA HOME" is not a list of variable names'],
    ['INPUT_BRANCH_PREFIX', 'bad prefix', 'branch_prefix: "bad prefix" is not a branch prefix'],
    ['INPUT_TRIGGER_PHRASE', '/kubrick please', 'trigger_phrase: "/kubrick please" is not one word'],
    ['INPUT_SANDBOX', 'docker', 'sandbox: "docker" is not one of auto, namespaces, none'],
    ['INPUT_TOOL_PROTOCOL', 'xml', 'tool_protocol: "xml" is not one of auto, native, text'],
    ['INPUT_PRICE_PER_MTOK_IN', '-1', 'price_per_mtok_in: "-1" is not a non-negative number']
  ])('rejects %s=%j with a message naming the field', (name, value, message) => {
    const problems = problemsOf(() => resolveSettings(readActionInputs({ [name]: value })));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('names the file and line of a bad value in the repo config', () => {
    const problems = problemsOf(() => resolveSettings({}, repo('draft_pr: true\nmax_iterations: many\n')));
    expect(problems).toEqual([
      '.github/kubrick.yml line 2: max_iterations: "many" is not a positive integer'
    ]);
  });

  it('reports every bad field at once', () => {
    const problems = problemsOf(() =>
      resolveSettings(readActionInputs({ INPUT_MAX_ITERATIONS: 'x', INPUT_DRAFT_PR: 'maybe' }))
    );
    expect(problems).toHaveLength(2);
  });

  it('never echoes a secret input in an error', () => {
    const { settings } = resolveSettings(
      readActionInputs({ INPUT_API_KEY: 'sk-secret', INPUT_GITHUB_TOKEN: 'ghs_x' })
    );
    expect(settings.api_key).toBe('sk-secret');
    expect(settings.github_token).toBe('ghs_x');
  });
});

describe('parseRepoConfig', () => {
  it('names an unknown key, its line and the key most likely meant', () => {
    expect(problemsOf(() => repo('draft_pr: true\nmax_iteratons: 3\n'))).toEqual([
      '.github/kubrick.yml line 2: unknown key "max_iteratons" — did you mean "max_iterations"?'
    ]);
  });

  it.each([
    ['maxIterations', 'max_iterations'],
    ['max-iterations', 'max_iterations'],
    ['Provider', 'provider'],
    ['modle', 'model'],
    ['base_uri', 'base_url'],
    ['auto_reveiw', 'auto_review'],
    ['allowed_bot', 'allowed_bots']
  ])('suggests %j → %j', (typo, meant) => {
    expect(problemsOf(() => repo(`${typo}: x\n`))[0]).toContain(`did you mean "${meant}"?`);
  });

  it('lists the known keys when no key is close', () => {
    const [problem] = problemsOf(() => repo('colour: blue\n'));
    expect(problem).toContain('.github/kubrick.yml line 1: unknown key "colour"; known keys: ');
    expect(problem).toContain('max_iterations');
    expect(problem).not.toContain('did you mean');
  });

  it('reports every problem of the file at once, each with its line', () => {
    expect(
      problemsOf(() =>
        repo('# settings\nmax_iteratons: 3\ndraft_pr: maybe\ntool_timeout: -1\nbase_url: ftp://x\n')
      )
    ).toEqual([
      '.github/kubrick.yml line 2: unknown key "max_iteratons" — did you mean "max_iterations"?',
      '.github/kubrick.yml line 3: draft_pr: "maybe" is not true or false',
      '.github/kubrick.yml line 4: tool_timeout: -1 is not a positive number of seconds',
      '.github/kubrick.yml line 5: base_url: "ftp://x" is not an http(s) URL'
    ]);
  });

  it('names the line of a bad value inside a list', () => {
    expect(problemsOf(() => repo('env_passthrough:\n  - JAVA_HOME\n  - "NOT OK"\n'))).toEqual([
      '.github/kubrick.yml line 2: env_passthrough: ["JAVA_HOME","NOT OK"] is not a list of variable names'
    ]);
  });

  it('refuses secrets in the repo config', () => {
    const problems = problemsOf(() => repo('api_key: sk-123\n'));
    expect(problems[0]).toContain('"api_key" can only be set as an action input');
    expect(problems[0]).not.toContain('sk-123');
  });

  it('reports a YAML syntax error once, naming its line once', () => {
    const problems = problemsOf(() => repo('draft_pr: true\nallowed_bots: [renovate[bot]\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\.github\/kubrick\.yml line \d+, column \d+: \S/);
    expect(problems[0]!.match(/line \d+/g)).toHaveLength(1);
    const [nested] = problemsOf(() => repo('max_iterations: 3\n  bad: [\n'));
    expect(nested!.match(/line \d+/g)).toHaveLength(1);
  });

  it('rejects a config that is not a mapping', () => {
    expect(problemsOf(() => repo('- a\n- b\n'))[0]).toContain('must be a mapping');
  });

  it('accepts an empty file', () => {
    expect(repo('')).toEqual({});
    expect(repo('# only a comment\n')).toEqual({});
  });

  it('rejects duplicate keys', () => {
    expect(problemsOf(() => repo('draft_pr: true\ndraft_pr: false\n'))[0]).toContain('line');
  });
});

describe('wording by where a value came from', () => {
  const cli: SettingOrigins = {
    given: (name, problem) => `${name === 'max_iterations' ? '--max-iterations' : name}: ${problem}`,
    repoConfig: (name, problem) => `${name}: ${problem} (in .github/kubrick.yml)`
  };

  it('the action names action inputs; a command line names its flags and never an action input', () => {
    expect(problemsOf(() => resolveSettings({ max_iterations: 'abc' }))).toEqual([
      'max_iterations: "abc" is not a positive integer (from action input)'
    ]);
    const problems = problemsOf(() => resolveSettings({ max_iterations: 'abc' }, {}, cli));
    expect(problems).toEqual(['--max-iterations: "abc" is not a positive integer']);
    expect(problems.join('\n')).not.toMatch(/action input/);
  });

  it('a key the file may not hold is refused in the words of where it runs', () => {
    const text = 'api_key: sk-123\n';
    const local = problemsOf(() =>
      parseRepoConfig({
        text,
        path: '.github/kubrick.yml',
        notInFile: name => `"${name}" does not belong here: use KUBRICK_API_KEY`
      })
    );
    expect(local).toEqual([
      '.github/kubrick.yml line 1: "api_key" does not belong here: use KUBRICK_API_KEY'
    ]);
  });
});

describe('SETTINGS table', () => {
  it('has a default that its own schema accepts or that is null for every setting', () => {
    for (const [name, def] of Object.entries(SETTINGS)) {
      if (def.default === null || typeof def.default === 'object') continue;
      expect([name, def.schema.safeParse(def.default).success]).toEqual([name, true]);
    }
  });
});

describe('prompt caching and instruction file settings', () => {
  it('caches prompts and reads the usual instruction files unless told otherwise', () => {
    const { settings } = resolveSettings({});
    expect(settings.prompt_cache).toBe(true);
    expect(settings.price_per_mtok_cached_in).toBeNull();
    expect(settings.instructions_file).toBeNull();
  });

  it('takes them from the inputs and the repository config', () => {
    const repo = parseRepoConfig({
      text: 'prompt_cache: false\nprice_per_mtok_cached_in: 0.3\ninstructions_file: ./docs/agents.md\n',
      path: '.github/kubrick.yml'
    });
    expect(resolveSettings({}, repo).settings).toMatchObject({
      prompt_cache: false,
      price_per_mtok_cached_in: 0.3,
      instructions_file: 'docs/agents.md'
    });
    expect(resolveSettings({ instructions_file: 'none' }, repo).settings.instructions_file).toBe('');
    const empty = parseRepoConfig({ text: 'instructions_file:\n', path: '.github/kubrick.yml' });
    expect(resolveSettings({}, empty).settings.instructions_file).toBe('');
  });

  it('refuses an instructions path that leaves the repository, naming the setting', () => {
    for (const path of ['/etc/passwd', '../AGENTS.md', 'docs/../../x.md', 'a//b.md']) {
      expect(() => resolveSettings({ instructions_file: path })).toThrow(
        /instructions_file: ".*" is not a repository path/
      );
    }
  });
});
