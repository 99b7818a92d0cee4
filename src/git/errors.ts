/** A git command that failed, described so a maintainer reading the final comment knows what broke. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly details: {
      /** The command as run, secrets redacted (e.g. "git push --porcelain origin abc:refs/heads/x"). */
      command?: string;
      exitCode?: number;
      /** Git's own explanation, secrets redacted and trimmed. */
      stderr?: string;
    } = {}
  ) {
    super(message);
    this.name = 'GitError';
  }
}

/** Keeps the useful tail of git's stderr: the last lines carry the `fatal:` reason. */
export function summarizeStderr(stderr: string, maxLines = 6): string {
  const lines = stderr
    .split('\n')
    .map(l => l.trimEnd())
    .filter(l => l.length > 0);
  return lines.slice(-maxLines).join('\n');
}
