import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { TextDecoder } from 'node:util';
import * as z from 'zod';
import { defineTool, errorResult } from './args.js';
import { listWorkspaceFiles, scopePathspecs, type FileScope } from './file-listing.js';
import { GitUnavailableError, isGitWorkTree, runGit, type GitWorkspace } from './git.js';
import { DEFAULT_RESULT_CAP } from './truncate.js';
import type { Tool, ToolContext, ToolResult } from './types.js';
import type { Workspace } from './workspace.js';
import { errorMessage } from '../error-message.js';

const schema = z.strictObject({
  pattern: z
    .string()
    .min(1)
    .describe('Extended regular expression (POSIX ERE, as in `grep -E`; \\d is accepted), case-sensitive.'),
  path: z
    .string()
    .min(1)
    .optional()
    .describe('File or directory to search, relative to the repository root. Default: all.'),
  glob: z
    .string()
    .min(1)
    .optional()
    .describe('Only search files matching this glob, relative to path, e.g. "*.ts" or "src/**/*.py".')
});

/** Past this many matching lines the search stops: the model must narrow it anyway. */
export const SEARCH_HARD_LIMIT = 10_000;
const MAX_SHOWN = 150;
const MAX_MATCH_CHARS = 250;

export interface Match {
  path: string;
  line: number;
  text: string;
}

/** Counts every match up to the hard limit but keeps only the first ones. */
class MatchCollector {
  readonly shown: Match[] = [];
  matches = 0;
  files = 0;
  limitHit = false;
  private lastPath: string | null = null;
  private used = 0;

  constructor(private readonly charBudget: number) {}

  /** Returns false once the hard limit is reached. */
  add(path: string, line: number, text: string): boolean {
    this.matches++;
    if (path !== this.lastPath) {
      this.files++;
      this.lastPath = path;
    }
    if (this.shown.length < MAX_SHOWN && this.used < this.charBudget) {
      const cut = text.length > MAX_MATCH_CHARS ? `${text.slice(0, MAX_MATCH_CHARS)} ...` : text;
      const rendered = { path, line, text: cut.replace(/\r$/, '') };
      const cost = path.length + cut.length + 10;
      if (this.used + cost <= this.charBudget) {
        this.shown.push(rendered);
        this.used += cost;
      } else {
        this.used = this.charBudget; // keep output in file order: once one is skipped, show no more
      }
    }
    if (this.matches >= SEARCH_HARD_LIMIT) {
      this.limitHit = true;
      return false;
    }
    return true;
  }
}

export const searchFilesTool: Tool = defineTool({
  name: 'search_files',
  description:
    'Search file contents with a regular expression (git grep -E over tracked and untracked files, .gitignore respected, ' +
    'binary files skipped). Returns "path:line: text" lines, capped, with the total count of matches and files.',
  schema,
  readOnly: true,
  run: search
});

async function search(args: z.infer<typeof schema>, ctx: ToolContext): Promise<ToolResult> {
  const target = await ctx.workspace.resolveForRead(args.path ?? '.');
  const isFile = (await stat(target.absolute)).isFile();
  const scope: FileScope = isFile
    ? { directory: target.relative }
    : { directory: target.relative, pattern: args.glob };
  const collector = new MatchCollector((ctx.maxResultChars ?? DEFAULT_RESULT_CAP) - 600);

  let source: 'git' | 'scan' = 'scan';
  if (await isGitWorkTree(ctx.workspace)) {
    try {
      const failure = await gitGrep(
        ctx.workspace,
        args.pattern,
        scopePathspecs(scope),
        collector,
        ctx.signal
      );
      if (failure) return failure;
      source = 'git';
    } catch (error) {
      if (!(error instanceof GitUnavailableError)) throw error;
    }
  }
  if (source === 'scan') {
    let regex: RegExp;
    try {
      regex = new RegExp(args.pattern);
    } catch (error) {
      return invalidPattern(args.pattern, errorMessage(error));
    }
    await scanFiles(ctx.workspace, scope, regex, collector, ctx.signal);
  }
  return render(args, target.relative, isFile, collector, source);
}

/** Null on success (matches are in the collector); an error result when git rejected the pattern. */
async function gitGrep(
  workspace: GitWorkspace,
  pattern: string,
  pathspecs: string[],
  collector: MatchCollector,
  signal: AbortSignal
): Promise<ToolResult | null> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const consume = (text: string): boolean => {
    pending += text;
    let start = 0;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
      // -z output: path NUL line-number NUL text
      const pathEnd = pending.indexOf('\0', start);
      const numberEnd = pending.indexOf('\0', pathEnd + 1);
      const keepGoing =
        pathEnd < 0 || pathEnd > end || numberEnd < 0 || numberEnd > end
          ? true // not a match line (never expected with -z -n); skip it
          : collector.add(
              pending.slice(start, pathEnd),
              Number(pending.slice(pathEnd + 1, numberEnd)),
              pending.slice(numberEnd + 1, end)
            );
      start = end + 1;
      if (!keepGoing) return false;
    }
    pending = pending.slice(start);
    return true;
  };
  const result = await runGit(
    workspace,
    [
      'grep',
      '-n',
      '-I',
      '-E',
      '-z',
      '--untracked',
      '--no-color',
      '-e',
      toPosixEre(pattern),
      '--',
      ...pathspecs
    ],
    { signal, onStdout: chunk => consume(decoder.write(chunk)) }
  );
  if (!result.stopped) consume(decoder.end() + (pending.length > 0 && !pending.endsWith('\n') ? '\n' : ''));
  if (result.stopped || result.exitCode === 0 || result.exitCode === 1) return null;
  const message = result.stderr.replace(/^fatal: /, '');
  if (/regular expression|regex|unmatched|invalid|brace|parenthes|repetition/i.test(message)) {
    return invalidPattern(pattern, message);
  }
  return errorResult(`search_files failed: git grep exited with ${result.exitCode}: ${message}`, {
    error: 'git_grep_failed',
    exit_code: result.exitCode
  });
}

/** git's ERE lacks `\d`; models use it constantly, so translate it (and `\D`) to bracket forms. */
export function toPosixEre(pattern: string): string {
  let out = '';
  let inBracket = false;
  for (let at = 0; at < pattern.length; at++) {
    const char = pattern[at] as string;
    if (char === '\\' && at + 1 < pattern.length) {
      const next = pattern[at + 1] as string;
      if (next === 'd') out += inBracket ? '0-9' : '[0-9]';
      else if (next === 'D' && !inBracket) out += '[^0-9]';
      else out += char + next;
      at++;
    } else {
      if (char === '[' && !inBracket) {
        inBracket = true;
        out += char;
        // A ']' right after '[' or '[^' is literal.
        if (pattern[at + 1] === '^') out += pattern[++at];
        if (pattern[at + 1] === ']') out += pattern[++at];
        continue;
      }
      if (char === ']' && inBracket) inBracket = false;
      out += char;
    }
  }
  return out;
}

function invalidPattern(pattern: string, reason: string): ToolResult {
  return errorResult(
    `Invalid regular expression /${pattern}/: ${reason}. search_files takes an extended regular expression (like grep -E); escape literal characters such as ( [ { . with a backslash.`,
    { error: 'invalid_pattern', reason }
  );
}

/** Without git: read each listed text file and test its lines. */
async function scanFiles(
  workspace: Workspace,
  scope: FileScope,
  regex: RegExp,
  collector: MatchCollector,
  signal: AbortSignal
): Promise<void> {
  const { files } = await listWorkspaceFiles(workspace, scope, signal);
  const decoder = new TextDecoder('utf-8');
  for (const file of files) {
    signal.throwIfAborted();
    const text = await readSearchableText(join(workspace.root, file), workspace.maxFileSizeBytes, decoder);
    if (text === null) continue;
    const lines = text.split('\n');
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index] as string;
      if (index === lines.length - 1 && line === '') break;
      if (regex.test(line) && !collector.add(file, index + 1, line)) return;
    }
  }
}

/** Null for anything git grep -I would skip too: binary, unreadable, oversized, a link. */
async function readSearchableText(
  absolute: string,
  maxBytes: number,
  decoder: TextDecoder
): Promise<string | null> {
  try {
    const handle = await open(absolute, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile() || info.size > maxBytes) return null;
      const bytes = await handle.readFile();
      return bytes.subarray(0, 8192).includes(0) ? null : decoder.decode(bytes);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

function render(
  args: z.infer<typeof schema>,
  target: string,
  isFile: boolean,
  collector: MatchCollector,
  source: 'git' | 'scan'
): ToolResult {
  const where = `${target === '.' ? '' : ` in ${target}${isFile ? '' : '/'}`}${args.glob && !isFile ? ` (files matching "${args.glob}")` : ''}`;
  const data = {
    pattern: args.pattern,
    path: target,
    glob: args.glob ?? null,
    matches: collector.matches,
    files: collector.files,
    shown: collector.shown.length,
    limit_hit: collector.limitHit,
    source,
    results: collector.shown
  };
  if (collector.matches === 0) {
    return { ok: true, content: `No matches for /${args.pattern}/${where}.`, data };
  }
  const count = collector.limitHit
    ? `More than ${SEARCH_HARD_LIMIT.toLocaleString('en-US')} matching lines (search stopped) in ${collector.files.toLocaleString('en-US')}+ files`
    : `${collector.matches.toLocaleString('en-US')} matching line${collector.matches === 1 ? '' : 's'} in ${collector.files.toLocaleString('en-US')} file${collector.files === 1 ? '' : 's'}`;
  const lines = [`${count} for /${args.pattern}/${where}:`];
  for (const match of collector.shown) lines.push(`${match.path}:${match.line}: ${match.text}`);
  if (collector.shown.length < collector.matches) {
    lines.push(
      `[Showing the first ${collector.shown.length} of ${collector.limitHit ? 'more than ' : ''}${collector.matches.toLocaleString('en-US')} matches. Narrow the search with path, glob or a more specific pattern.]`
    );
  }
  if (isFile && args.glob) lines.push(`[glob "${args.glob}" ignored: path is a single file.]`);
  if (source === 'scan')
    lines.push(
      '[Not a git repository: searched with a JavaScript regular expression; .gitignore was not applied.]'
    );
  return { ok: true, content: lines.join('\n'), data };
}
