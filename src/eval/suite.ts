/**
 * A task suite on disk: one folder per task, each with `task.yml` and `repo/`, plus an optional
 * `policy.yml` for the tasks that do not bring their own. Everything is validated before any model
 * call, and every problem names its task and field, so a bad suite costs nothing but a message.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, stringify, type Document } from 'yaml';
import * as z from 'zod';
import { loadPolicy } from '../policy/load.js';
import { PolicyError, type Policy } from '../policy/types.js';

/** Seconds the check may take when task.yml does not say. */
export const DEFAULT_CHECK_TIMEOUT_S = 120;

export interface EvalTask {
  /** The folder name, used in reports and by `--tasks`. */
  name: string;
  /** The starting files, copied into a fresh checkout for every run. */
  repoDir: string;
  /** What the agent is asked, as a user would write it in a comment. */
  prompt: string;
  /** A bash command run in the final workspace; exit 0 means solved. Never shown to the model. */
  check: string;
  /** The task's own policy, else the suite's, else null (no command may run). */
  policy: Policy | null;
  /** Where the policy came from, for people: "task.yml", "policy.yml" or "none". */
  policySource: 'task.yml' | 'policy.yml' | 'none';
  maxIterations?: number;
  totalTimeout?: number;
  checkTimeout: number;
}

export interface EvalSuite {
  dir: string;
  tasks: EvalTask[];
}

/** A suite that cannot run; one line per problem, each naming the task (or file) and the field. */
export class SuiteError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SuiteError';
  }
}

const TASK_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** What each field must be, in the words an error message uses. */
const FIELDS = {
  prompt: 'the task text, a non-empty string',
  check: 'a shell command (run with bash; exit 0 = solved), a non-empty string',
  policy: 'a list of allowed command prefixes such as ["node --test"]',
  max_iterations: 'a positive integer',
  total_timeout: 'a positive number of seconds, at most 86400',
  check_timeout: 'a positive number of seconds, at most 86400'
} as const;
type FieldName = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

const text = z.string().trim().min(1);
/** A day: longer would overflow the timers (and is surely a typo). */
const seconds = z.number().positive().max(86_400);
const taskSchema = z.strictObject({
  prompt: text,
  check: text,
  policy: z.array(text).optional(),
  max_iterations: z.int().positive().optional(),
  total_timeout: seconds.optional(),
  check_timeout: seconds.optional()
});

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function lineOf(document: Document, lines: LineCounter, key: string): number | undefined {
  if (!isMap(document.contents)) return undefined;
  const pair = document.contents.items.find(item => isScalar(item.key) && String(item.key.value) === key);
  const offset = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/** Parses one task.yml; returns its problems instead of throwing, so one run reports them all. */
function parseTaskFile(
  name: string,
  path: string
): { data: z.infer<typeof taskSchema> } | { problems: string[] } {
  const where = (line?: number) => `task "${name}": task.yml${line ? ` line ${line}` : ''}`;
  const lines = new LineCounter();
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    return {
      problems: [`${where()}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`]
    };
  }
  const document = parseDocument(source, { lineCounter: lines, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map(error => {
        const line = error.linePos?.[0]?.line;
        return `${where(line)}: invalid YAML: ${(error.message.split('\n')[0] ?? '').replace(/:\s*$/, '')}`;
      })
    };
  }
  let raw: unknown;
  try {
    raw = document.toJS();
  } catch (error) {
    // An alias bomb, for one: yaml refuses to expand it.
    return { problems: [`${where()}: invalid YAML: ${(error as Error).message}`] };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      problems: [`${where()}: must be a mapping with at least the fields "prompt" and "check"`]
    };
  }
  const parsed = taskSchema.safeParse(raw);
  if (parsed.success) return { data: parsed.data };
  const problems: string[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push(
          `${where(lineOf(document, lines, key))}: unknown field "${key}"; the fields are ${FIELD_NAMES.join(', ')}`
        );
      }
      continue;
    }
    const field = String(issue.path[0] ?? '') as FieldName;
    const value = (raw as Record<string, unknown>)[field];
    const expected = FIELDS[field] ?? 'valid';
    const entry = issue.path.length > 1 ? ` (entry ${Number(issue.path[1]) + 1})` : '';
    problems.push(
      value === undefined
        ? `${where()}: field "${field}" is missing; it must be ${expected}`
        : `${where(lineOf(document, lines, field))}: field "${field}"${entry} must be ${expected}, not ${describe(value)}`
    );
  }
  return { problems: [...new Set(problems)] };
}

/** The task's `policy` list as a policy file, so it is parsed and judged exactly like one. */
function policyFromList(name: string, allow: string[]): Policy {
  return loadPolicy(stringify({ version: 1, allow }), `task "${name}": task.yml field "policy"`);
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/**
 * Loads and validates a whole suite. Throws SuiteError with every problem found: a missing or
 * malformed task.yml, an unknown or mistyped field, a policy entry the policy parser rejects, a
 * missing repo/ folder, an invalid suite policy.yml.
 */
export function loadSuite(suiteDir: string): EvalSuite {
  const dir = resolve(suiteDir);
  if (!isDirectory(dir)) throw new SuiteError([`suite ${dir} is not a directory`]);
  const problems: string[] = [];

  let suitePolicy: Policy | null = null;
  const suitePolicyPath = join(dir, 'policy.yml');
  if (existsSync(suitePolicyPath)) {
    try {
      suitePolicy = loadPolicy(readFileSync(suitePolicyPath, 'utf8'), 'suite policy.yml');
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      problems.push(error.message);
    }
  }

  const tasks: EvalTask[] = [];
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter(entry => entry.isDirectory() && !entry.name.startsWith('.'))
    .map(entry => entry.name)
    .sort();
  for (const name of folders) {
    if (!TASK_NAME.test(name)) {
      problems.push(
        `task "${name}": the folder name must start with a letter or digit and hold only letters, digits, ".", "_" and "-"`
      );
      continue;
    }
    const taskDir = join(dir, name);
    const taskFile = join(taskDir, 'task.yml');
    const repoDir = join(taskDir, 'repo');
    if (!existsSync(taskFile)) {
      problems.push(`task "${name}": task.yml is missing (every folder of a suite is a task)`);
      continue;
    }
    if (!statSync(taskFile).isFile()) {
      problems.push(`task "${name}": task.yml must be a file`);
      continue;
    }
    if (!isDirectory(repoDir)) problems.push(`task "${name}": repo/ is missing; it holds the starting files`);
    const parsed = parseTaskFile(name, taskFile);
    if ('problems' in parsed) {
      problems.push(...parsed.problems);
      continue;
    }
    const data = parsed.data;
    let policy: Policy | null = suitePolicy;
    let policySource: EvalTask['policySource'] = suitePolicy ? 'policy.yml' : 'none';
    if (data.policy !== undefined) {
      try {
        policy = policyFromList(name, data.policy);
        policySource = 'task.yml';
      } catch (error) {
        if (!(error instanceof PolicyError)) throw error;
        problems.push(error.message);
        continue;
      }
    }
    tasks.push({
      name,
      repoDir,
      prompt: data.prompt,
      check: data.check,
      policy,
      policySource,
      checkTimeout: data.check_timeout ?? DEFAULT_CHECK_TIMEOUT_S,
      ...(data.max_iterations !== undefined ? { maxIterations: data.max_iterations } : {}),
      ...(data.total_timeout !== undefined ? { totalTimeout: data.total_timeout } : {})
    });
  }
  if (problems.length > 0) throw new SuiteError(problems);
  if (tasks.length === 0) {
    throw new SuiteError([
      `suite ${dir} has no tasks: add one folder per task, each with task.yml and repo/`
    ]);
  }
  return { dir, tasks };
}

/** The tasks named by `--tasks a,b`, in the suite's order; unknown names are an error that lists the known ones. */
export function selectTasks(suite: EvalSuite, names: string[] | null): EvalTask[] {
  if (names === null) return suite.tasks;
  const known = new Set(suite.tasks.map(task => task.name));
  const unknown = names.filter(name => !known.has(name));
  if (unknown.length > 0) {
    throw new SuiteError([
      `--tasks: no task named ${unknown.map(n => `"${n}"`).join(', ')} in ${suite.dir}; the tasks are ${[...known].join(', ')}`
    ]);
  }
  const wanted = new Set(names);
  return suite.tasks.filter(task => wanted.has(task.name));
}
