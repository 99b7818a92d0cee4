import { constants as fsConstants } from 'node:fs';
import { lchown, lstat, mkdir, open, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { gitEnvironment } from './git.js';
import { compileGlob } from './glob.js';

/**
 * The jail every tool goes through. A path is accepted only when, after `realpath` (symbolic links
 * already in the repository included, chains too), it still lies inside the workspace root; writes
 * are further refused for protected paths and anything under a `.git` directory.
 */

export { DEFAULT_PROTECTED_PATHS } from '../policy/paths.js';

export interface ResolvedPath {
  /** Real absolute path (symbolic links resolved). */
  absolute: string;
  /** The same path relative to the workspace root, `/`-separated; `.` for the root itself. */
  relative: string;
}

export type WorkspaceErrorCode =
  | 'invalid_path'
  | 'outside_workspace'
  | 'protected'
  | 'not_found'
  | 'not_a_file'
  | 'too_large'
  | 'binary'
  | 'not_utf8'
  | 'io_error';

/** A refusal the model can act on: `message` says what was wrong and what to do instead. */
export class WorkspaceError extends Error {
  constructor(
    message: string,
    readonly code: WorkspaceErrorCode,
    readonly path: string
  ) {
    super(message);
    this.name = 'WorkspaceError';
  }
}

export interface WorkspaceOptions {
  root: string;
  maxFileSizeBytes: number;
  /** Workspace-relative globs tools may not write (matched case-insensitively). */
  protectedPaths: readonly string[];
  /** The run's environment: Kubrick's own git (listings, searches) runs with it, minus GIT_*. */
  env: NodeJS.ProcessEnv;
  /**
   * Whom the files and directories this workspace writes belong to, when commands run as another
   * user than Kubrick (the sandbox's commandOwner); `unowned` is told when one could not be given.
   */
  owner?: { uid: number; gid: number; unowned: () => void };
}

export interface TextFile extends ResolvedPath {
  text: string;
  bytes: number;
}

export interface WriteOutcome extends ResolvedPath {
  bytes: number;
  /** False when an existing file was overwritten. */
  created: boolean;
}

/** Git decides binary-ness from the first 8 000 bytes; we look a little further for the same NUL test. */
const BINARY_SNIFF_BYTES = 8192;
/** `.git` in any case, with Windows' ignored trailing dots/spaces, or as an 8.3 short name. */
const GIT_DIRECTORY_NAME = /^(?:\.git[. ]*|git~\d+)$/i;

export class Workspace {
  readonly maxFileSizeBytes: number;
  readonly protectedPaths: readonly string[];
  /** What Kubrick's own git runs with in this workspace (see tools/git.ts). */
  readonly gitEnv: NodeJS.ProcessEnv;
  private readonly realRoot: string;
  /** The root as given (resolved, not realpath'd), so absolute paths under a symlinked root still work. */
  private readonly givenRoot: string;
  private readonly protectedMatchers: Array<{ glob: string; matches: (path: string) => boolean }>;
  private readonly changed = new Set<string>();
  private readonly owner: WorkspaceOptions['owner'];

  private constructor(realRoot: string, givenRoot: string, options: WorkspaceOptions) {
    this.realRoot = realRoot;
    this.givenRoot = givenRoot;
    this.maxFileSizeBytes = options.maxFileSizeBytes;
    this.protectedPaths = [...options.protectedPaths];
    this.gitEnv = gitEnvironment(realRoot, options.env);
    this.owner = options.owner;
    this.protectedMatchers = this.protectedPaths.map(glob => ({
      glob,
      matches: compileGlob(toPosix(glob).replace(/^\.\//, ''), { caseInsensitive: true })
    }));
  }

  static async open(options: WorkspaceOptions): Promise<Workspace> {
    if (!(options.maxFileSizeBytes > 0)) {
      throw new Error(`maxFileSizeBytes must be a positive number of bytes, got ${options.maxFileSizeBytes}`);
    }
    const givenRoot = resolve(options.root);
    let realRoot: string;
    try {
      realRoot = await realpath(givenRoot);
    } catch {
      throw new Error(`Workspace root "${givenRoot}" does not exist or cannot be read.`);
    }
    if (!(await stat(realRoot)).isDirectory()) {
      throw new Error(`Workspace root "${givenRoot}" is not a directory.`);
    }
    return new Workspace(realRoot, givenRoot, options);
  }

  /** Real absolute path of the workspace root. */
  get root(): string {
    return this.realRoot;
  }

  /** Workspace-relative paths written by tools during this run, in the order first written. */
  changedFiles(): string[] {
    return [...this.changed];
  }

  /**
   * Lexical checks only (no filesystem access): a workspace-relative, `/`-separated path without
   * `..` escapes. For paths that need not exist, e.g. review findings on a deleted file.
   */
  normalize(path: string): string {
    return this.lexicalRelative(path);
  }

  /** The reason `relative` may not be written, or null when it may. */
  protectedReason(relativePath: string): string | null {
    const posix = toPosix(relativePath);
    if (posix.split('/').some(segment => GIT_DIRECTORY_NAME.test(segment))) {
      return `"${relativePath}" is inside a .git directory, which tools may never change.`;
    }
    const hit = this.protectedMatchers.find(matcher => matcher.matches(posix));
    return hit
      ? `"${relativePath}" is a protected path (matches "${hit.glob}"); tools may not change it. Make the change somewhere else or describe it in your summary.`
      : null;
  }

  async resolveForRead(path: string): Promise<ResolvedPath> {
    const lexical = this.lexicalRelative(path);
    refuseGitDirectoryRead(lexical, path);
    let real: string;
    try {
      real = await realpath(this.absoluteOf(lexical));
    } catch (error) {
      throw resolutionError(error, path);
    }
    const resolved = this.insideOrThrow(real, path);
    refuseGitDirectoryRead(resolved.relative, path);
    return resolved;
  }

  async resolveForWrite(path: string): Promise<ResolvedPath> {
    const lexical = this.lexicalRelative(path);
    if (lexical === '.') {
      throw new WorkspaceError(
        `"${path}" is the workspace root, not a file; give a file path.`,
        'invalid_path',
        path
      );
    }
    this.refuseProtected(lexical, path);
    // Resolve the longest existing ancestor; what does not exist yet cannot be a link.
    const missing: string[] = [];
    let current = this.absoluteOf(lexical);
    let real: string;
    for (;;) {
      try {
        real = await realpath(current);
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOTDIR') {
          throw new WorkspaceError(
            `Could not write "${path}": a parent of this path is a file, not a directory.`,
            'not_a_file',
            path
          );
        }
        if (code !== 'ENOENT') throw resolutionError(error, path);
        if (await isDanglingLink(current)) {
          throw new WorkspaceError(
            `"${path}" goes through a symbolic link whose target does not exist; writing through it could land outside the workspace, so it is refused.`,
            'outside_workspace',
            path
          );
        }
        missing.unshift(basename(current));
        current = dirname(current);
      }
    }
    const resolved = this.insideOrThrow(join(real, ...missing), path);
    if (resolved.relative === '.') {
      throw new WorkspaceError(`"${path}" resolves to the workspace root, not a file.`, 'invalid_path', path);
    }
    this.refuseProtected(resolved.relative, path);
    return resolved;
  }

  /** Reads a UTF-8 text file; refuses binary, oversized and non-UTF-8 files with a clear reason. */
  async readText(path: string): Promise<string> {
    return (await this.readTextFile(path)).text;
  }

  async readTextFile(path: string): Promise<TextFile> {
    const resolved = await this.resolveForRead(path);
    const bytes = await this.readBytes(resolved, path);
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
      throw new WorkspaceError(
        `"${path}" is a binary file (${formatSize(bytes.length)}); read_file only reads text.`,
        'binary',
        path
      );
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      const offset = firstInvalidUtf8Offset(bytes);
      const line = countNewlines(bytes.subarray(0, offset)) + 1;
      throw new WorkspaceError(
        `"${path}" is not valid UTF-8 (first bad byte at offset ${offset}, line ${line}); it is probably in another encoding such as Latin-1 or UTF-16 and cannot be read or edited as text.`,
        'not_utf8',
        path
      );
    }
    return { ...resolved, text, bytes: bytes.length };
  }

  /** Writes `content` as UTF-8, creating parent directories; records the path as changed. */
  async writeText(path: string, content: string): Promise<WriteOutcome> {
    const bytes = Buffer.byteLength(content, 'utf8');
    if (bytes > this.maxFileSizeBytes) {
      throw new WorkspaceError(
        `Content for "${path}" is ${formatSize(bytes)}, over the ${formatSize(this.maxFileSizeBytes)} file size limit (max_file_size_mb); nothing was written.`,
        'too_large',
        path
      );
    }
    const resolved = await this.resolveForWrite(path);
    const existing = await lstat(resolved.absolute).catch(() => null);
    if (existing?.isDirectory()) {
      throw new WorkspaceError(`"${path}" is a directory; give a file path.`, 'not_a_file', path);
    }
    try {
      const firstMade = await mkdir(dirname(resolved.absolute), { recursive: true });
      if (firstMade !== undefined) await this.giveToOwner(firstMade, dirname(resolved.absolute));
      // O_NOFOLLOW: a link swapped in after resolution must not redirect the write.
      const handle = await open(
        resolved.absolute,
        fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_TRUNC | fsConstants.O_NOFOLLOW,
        0o644
      );
      try {
        await handle.writeFile(content, 'utf8');
        if (this.owner) await handle.chown(this.owner.uid, this.owner.gid).catch(this.owner.unowned);
      } finally {
        await handle.close();
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOTDIR' || code === 'EEXIST'
          ? 'a parent of this path is a file, not a directory'
          : code === 'ELOOP'
            ? 'the path is a symbolic link'
            : code === 'EACCES' || code === 'EPERM'
              ? 'permission denied'
              : (code ?? String(error));
      throw new WorkspaceError(`Could not write "${path}": ${reason}.`, 'io_error', path);
    }
    this.changed.add(resolved.relative);
    return { ...resolved, bytes, created: existing === null };
  }

  /** Gives the directories from `first` down to `last` (which mkdir just made) to the owner. */
  private async giveToOwner(first: string, last: string): Promise<void> {
    const owner = this.owner;
    if (!owner) return;
    const made = [first];
    for (let dir = last; dir.length > first.length && dir.startsWith(`${first}/`); dir = dirname(dir)) {
      made.push(dir);
    }
    for (const dir of made) await lchown(dir, owner.uid, owner.gid).catch(owner.unowned);
  }

  private async readBytes(resolved: ResolvedPath, path: string): Promise<Buffer> {
    const info = await stat(resolved.absolute);
    if (info.isDirectory()) {
      throw new WorkspaceError(
        `"${path}" is a directory; use list_files to see what it contains.`,
        'not_a_file',
        path
      );
    }
    if (!info.isFile()) {
      throw new WorkspaceError(
        `"${path}" is not a regular file (device, socket or pipe); refused.`,
        'not_a_file',
        path
      );
    }
    this.refuseOversized(info.size, path);
    const handle = await open(resolved.absolute, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW);
    try {
      const bytes = await handle.readFile();
      this.refuseOversized(bytes.length, path); // it may have grown since stat
      return bytes;
    } finally {
      await handle.close();
    }
  }

  private refuseOversized(size: number, path: string): void {
    if (size > this.maxFileSizeBytes) {
      throw new WorkspaceError(
        `"${path}" is ${formatSize(size)}, over the ${formatSize(this.maxFileSizeBytes)} file size limit (max_file_size_mb); it cannot be read whole. Use search_files to find the lines you need.`,
        'too_large',
        path
      );
    }
  }

  private refuseProtected(relativePath: string, path: string): void {
    const reason = this.protectedReason(relativePath);
    if (reason) throw new WorkspaceError(reason, 'protected', path);
  }

  /** Workspace-relative, normalized, `/`-separated; refuses NUL bytes, empty paths and `..` escapes. */
  private lexicalRelative(path: string): string {
    if (typeof path !== 'string' || path.length === 0) {
      throw new WorkspaceError(
        'The path is empty; give a path relative to the repository root.',
        'invalid_path',
        ''
      );
    }
    if (path.includes('\0')) {
      throw new WorkspaceError(
        'The path contains a NUL byte, which no real file name has; refused.',
        'invalid_path',
        path
      );
    }
    let candidate = path;
    if (isAbsolute(path)) {
      const absolute = normalize(path);
      const base = [this.realRoot, this.givenRoot].find(root => isWithin(root, absolute));
      if (!base) throw outside(path);
      candidate = relative(base, absolute) || '.';
    }
    const normalized = toPosix(normalize(candidate)).replace(/\/+$/, '') || '.';
    if (normalized === '..' || normalized.startsWith('../') || isAbsolute(normalized)) throw outside(path);
    return normalized;
  }

  private absoluteOf(lexical: string): string {
    return lexical === '.' ? this.realRoot : join(this.realRoot, lexical);
  }

  private insideOrThrow(real: string, path: string): ResolvedPath {
    if (!isWithin(this.realRoot, real)) {
      throw new WorkspaceError(
        `"${path}" resolves through a symbolic link to a location outside the workspace; refused. Only files inside the repository can be used.`,
        'outside_workspace',
        path
      );
    }
    return { absolute: real, relative: toPosix(relative(this.realRoot, real)) || '.' };
  }
}

function outside(path: string): WorkspaceError {
  return new WorkspaceError(
    `"${path}" is outside the workspace; use a path relative to the repository root, such as "src/index.ts".`,
    'outside_workspace',
    path
  );
}

function refuseGitDirectoryRead(relativePath: string, path: string): void {
  if (relativePath.split('/').some(segment => GIT_DIRECTORY_NAME.test(segment))) {
    throw new WorkspaceError(
      `"${path}" is inside the .git directory, which tools do not read (it can hold credentials). Work with the files of the working tree.`,
      'protected',
      path
    );
  }
}

function resolutionError(error: unknown, path: string): WorkspaceError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new WorkspaceError(
      `"${path}" does not exist. Use list_files to see which files there are.`,
      'not_found',
      path
    );
  }
  if (code === 'ELOOP') {
    return new WorkspaceError(`"${path}" is a symbolic link loop; refused.`, 'outside_workspace', path);
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new WorkspaceError(`"${path}" cannot be accessed (permission denied).`, 'io_error', path);
  }
  return new WorkspaceError(`"${path}" could not be resolved: ${String(error)}`, 'io_error', path);
}

async function isDanglingLink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch {
    return false;
  }
}

function isWithin(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) if (byte === 0x0a) count++;
  return count;
}

/** Byte offset of the first byte that breaks UTF-8 (overlongs and surrogates included). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] as number;
    if (lead < 0x80) {
      at++;
      continue;
    }
    let length: number;
    let min: number;
    if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
    else return at;
    if (at + length > bytes.length) return at;
    let codePoint = lead & (0xff >> (length + 1));
    for (let next = 1; next < length; next++) {
      const continuation = bytes[at + next] as number;
      if ((continuation & 0xc0) !== 0x80) return at;
      codePoint = (codePoint << 6) | (continuation & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return at;
    at += length;
  }
  return bytes.length;
}
