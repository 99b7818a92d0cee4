/**
 * The tools on the large repository, each beside the plain command it wraps: search_files vs the
 * same `git grep`, list_files vs the same `git ls-files`, read_file of a 5 MB file vs reading it.
 * The baselines use the flags the tools use (search_files also searches untracked files, list_files
 * also lists them), so the ratio is the tool's own cost. Tool and baseline runs alternate, so load
 * from other processes on the machine falls on both.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { listFilesTool } from '../src/tools/list-files.js';
import { readFileTool } from '../src/tools/read-file.js';
import { searchFilesTool } from '../src/tools/search-files.js';
import type { Tool, ToolContext } from '../src/tools/types.js';
import { Workspace } from '../src/tools/workspace.js';
import { LARGE_FILE, SEARCH_PATTERN, type LargeRepo } from './large-repo.js';
import { row, summarize, type Row } from './stats.js';

/** Runs git like the tools do (same -c options, no GIT_* from outside) and drains its output. */
function timeGit(root: string, args: string[]): Promise<{ ms: number; bytes: number }> {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('GIT_')) env[name] = value;
  env.GIT_OPTIONAL_LOCKS = '0';
  env.LC_ALL = 'C.UTF-8';
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-c', 'core.fsmonitor=false', '-c', `safe.directory=${root}`, ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'inherit']
    });
    let bytes = 0;
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.on('error', reject);
    child.on('close', code =>
      code === 0
        ? resolve({ ms: performance.now() - started, bytes })
        : reject(new Error(`git ${args[0]} exited ${code}`))
    );
  });
}

async function timeTool(
  tool: Tool,
  args: Record<string, unknown>,
  ctx: ToolContext
): Promise<{ ms: number; data: Record<string, unknown> }> {
  const started = performance.now();
  const result = await tool.run(args, ctx);
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`${tool.name} failed in the bench: ${result.content.slice(0, 300)}`);
  return { ms, data: result.data ?? {} };
}

export async function benchTools(repo: LargeRepo, runs: number): Promise<Row[]> {
  const workspace = await Workspace.open({
    root: repo.root,
    maxFileSizeBytes: 10 * 1024 * 1024,
    protectedPaths: ['.git/**'],
    env: process.env
  });
  const ctx: ToolContext = { workspace, mode: 'fix', signal: new AbortController().signal };
  const files = `${repo.files.toLocaleString('en-US')} files`;

  const grepArgs = ['grep', '-n', '-I', '-E', '-z', '--untracked', '--no-color', '-e', SEARCH_PATTERN];
  const lsArgs = ['ls-files', '--cached', '--others', '--exclude-standard', '--deduplicate', '-z'];
  const search: number[] = [];
  const grep: number[] = [];
  const list: number[] = [];
  const ls: number[] = [];
  const read: number[] = [];
  const plainRead: number[] = [];
  // One untimed round first: the page cache and the tools' one-time `git rev-parse` are not what we measure.
  for (let i = -1; i < runs; i++) {
    const s = await timeTool(searchFilesTool, { pattern: SEARCH_PATTERN }, ctx);
    if (s.data.matches !== repo.expectedMatches) {
      throw new Error(
        `search_files found ${String(s.data.matches)} matches, expected ${repo.expectedMatches}`
      );
    }
    const g = await timeGit(repo.root, grepArgs);
    const l = await timeTool(listFilesTool, {}, ctx);
    if (typeof l.data.total !== 'number' || l.data.total < repo.files) {
      throw new Error(`list_files listed ${String(l.data.total)} files, expected at least ${repo.files}`);
    }
    const f = await timeGit(repo.root, lsArgs);
    const r = await timeTool(readFileTool, { path: LARGE_FILE }, ctx);
    const startedPlain = performance.now();
    (await readFile(`${repo.root}/${LARGE_FILE}`)).toString('utf8');
    const p = performance.now() - startedPlain;
    if (i < 0) continue;
    search.push(s.ms);
    grep.push(g.ms);
    list.push(l.ms);
    ls.push(f.ms);
    read.push(r.ms);
    plainRead.push(p);
  }
  const ratioTarget = (limit: number) => ({ text: `<= ${limit}x baseline`, test: (r: number) => r <= limit });
  return [
    row(`search_files (${files}, ${repo.expectedMatches} matches)`, 'ms', summarize(search), {
      baseline: summarize(grep),
      baselineName: `git ${grepArgs.join(' ')}`,
      target: ratioTarget(1.5),
      targetOn: 'ratio'
    }),
    row(`list_files (${files})`, 'ms', summarize(list), {
      baseline: summarize(ls),
      baselineName: `git ${lsArgs.join(' ')}`,
      target: ratioTarget(1.2),
      targetOn: 'ratio'
    }),
    row('read_file of a 5 MB file', 'ms', summarize(read), {
      baseline: summarize(plainRead),
      baselineName: 'fs.readFile + UTF-8 decode'
    })
  ];
}
