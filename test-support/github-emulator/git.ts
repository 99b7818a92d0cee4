/**
 * Git plumbing against the bare repository that plays `origin`. Every call runs with an isolated
 * configuration so the machine's global git settings (identity, hooks, url rewrites) cannot leak in.
 */
import { execFile } from 'node:child_process';

/**
 * Environment for running git in tests as on a fresh runner: no system config, `home` as HOME (so the
 * global config is `home/.gitconfig`, absent or written by the test), no prompts, and none of the caller's
 * GIT_* variables (a test launched from a git hook inherits GIT_DIR). The machine's identity cannot leak.
 */
export function isolatedGitEnv(home: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    if (!key.startsWith('GIT_') && key !== 'XDG_CONFIG_HOME' && key !== 'EMAIL') env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: `${home}/.config`,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: ''
  };
}

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs git and resolves with its output and exit code (never rejects on a non-zero exit). */
export function runGit(
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; input?: string; encoding?: 'utf8' | 'buffer' }
): Promise<GitResult & { raw: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd: opts.cwd, env: opts.env, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        if (error && code === -1) {
          reject(new Error(`git ${args.join(' ')} could not run: ${error.message}`));
          return;
        }
        resolve({ stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8'), code, raw: stdout });
      }
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

/** Read-side and ref-side operations on the bare `origin`. */
export class BareRepo {
  constructor(
    readonly path: string,
    private readonly env: NodeJS.ProcessEnv
  ) {}

  async git(args: string[], input?: string): Promise<GitResult & { raw: Buffer }> {
    return runGit(args, { cwd: this.path, env: this.env, input });
  }

  /** Like `git`, but a non-zero exit is an emulator bug or a broken fixture, so it throws with stderr. */
  async must(args: string[]): Promise<string> {
    const result = await this.git(args);
    if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed in ${this.path}: ${result.stderr}`);
    return result.stdout;
  }

  /** The commit a ref or sha names, or null when it names none. */
  async resolveCommit(rev: string): Promise<string | null> {
    const result = await this.git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
    return result.code === 0 ? result.stdout.trim() : null;
  }

  async branchSha(branch: string): Promise<string | null> {
    return this.resolveCommit(`refs/heads/${branch}`);
  }

  async updateRef(ref: string, sha: string): Promise<void> {
    await this.must(['update-ref', ref, sha]);
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    const result = await this.git(['merge-base', a, b]);
    return result.code === 0 ? result.stdout.trim() : null;
  }

  /** Commits reachable from head but not from base, oldest first. */
  async commitsBetween(base: string, head: string): Promise<string[]> {
    const out = await this.must(['rev-list', '--reverse', `${base}..${head}`]);
    return out.split('\n').filter(Boolean);
  }

  /** Unified diff as GitHub shows a PR: from the merge base to head (three dots). */
  async prDiff(base: string, head: string, fullIndex = false): Promise<string> {
    const args = ['-c', 'core.quotePath=false', 'diff', '--no-color', '--no-ext-diff', '-M'];
    if (fullIndex) args.push('--full-index');
    return this.must([...args, `${base}...${head}`]);
  }

  async formatPatch(base: string, head: string): Promise<string> {
    return this.must(['format-patch', '--stdout', '--no-color', `${base}..${head}`]);
  }

  /** `blob`, `tree`, or null when the path does not exist at that commit. */
  async objectType(commit: string, path: string): Promise<{ type: 'blob' | 'tree'; sha: string } | null> {
    const spec = path === '' ? `${commit}^{tree}` : `${commit}:${path}`;
    const result = await this.git(['cat-file', '--batch-check=%(objecttype) %(objectname)'], `${spec}\n`);
    const [type, sha] = result.stdout.trim().split(' ');
    if ((type === 'blob' || type === 'tree') && sha) return { type, sha };
    return null;
  }

  async readBlob(sha: string): Promise<Buffer> {
    const result = await this.git(['cat-file', 'blob', sha]);
    if (result.code !== 0) throw new Error(`blob ${sha} is missing: ${result.stderr}`);
    return result.raw;
  }

  async listTree(
    commit: string,
    path: string
  ): Promise<Array<{ type: 'blob' | 'tree' | 'commit'; sha: string; size: number; name: string }>> {
    const treeish = path === '' ? commit : `${commit}:${path}`;
    const out = await this.must(['ls-tree', '-l', '-z', treeish]);
    return out
      .split('\0')
      .filter(Boolean)
      .map(line => {
        const [meta = '', name = ''] = line.split('\t');
        const [, type = 'blob', sha = '', size = '0'] = meta.split(/ +/);
        return {
          type: type as 'blob' | 'tree' | 'commit',
          sha,
          size: size === '-' ? 0 : Number(size),
          name
        };
      });
  }

  async commitInfo(sha: string): Promise<{
    tree: string;
    parents: string[];
    authorName: string;
    authorEmail: string;
    authorDate: string;
    committerName: string;
    committerEmail: string;
    committerDate: string;
    message: string;
  }> {
    const out = await this.must([
      'show',
      '-s',
      '--format=%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B',
      sha
    ]);
    const [tree = '', parents = '', an = '', ae = '', ad = '', cn = '', ce = '', cd = '', ...message] =
      out.split('\0');
    return {
      tree,
      parents: parents.split(' ').filter(Boolean),
      authorName: an,
      authorEmail: ae,
      authorDate: toGitHubDate(ad),
      committerName: cn,
      committerEmail: ce,
      committerDate: toGitHubDate(cd),
      message: message.join('\0').replace(/\n+$/, '')
    };
  }
}

/** GitHub writes timestamps in UTC without milliseconds (2024-01-02T03:04:05Z). */
export function toGitHubDate(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
