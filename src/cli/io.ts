import type { Readable } from 'node:stream';

/** What a subcommand may touch; tests pass buffers instead of the process streams. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: Readable;
  cwd: string;
  /** Set when stderr is a terminal (live progress lines fit its width); absent in pipes and tests. */
  terminal?: { columns: number };
  /** Set when stdout is a terminal (the demo colours its story only then). */
  stdoutIsTerminal?: boolean;
}

/** Exit codes shared by every subcommand. */
export const EXIT = { ok: 0, failure: 1, usage: 2, budget: 3 } as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
