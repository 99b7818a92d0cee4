/**
 * No isolation: the command runs directly, with the scrubbed environment it was given, the PATH
 * of this sandbox, and a fresh, empty HOME and TMPDIR of its own that are removed afterwards.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecRequest, ExecResult, Sandbox } from './types.js';
import { runProcess } from './process.js';

export class NoSandbox implements Sandbox {
  readonly kind = 'none' as const;

  constructor(
    readonly description: string,
    /** A command's PATH: the runner's directories (absolute, outside the workspace), Node's, the system's. */
    private readonly commandPath: string[],
    /** Without a network namespace nothing stops the network. */
    readonly networkAllowed = true
  ) {}

  async run(request: ExecRequest): Promise<ExecResult> {
    // Nothing carries over from one command to the next, and nothing of the runner's HOME is seen.
    const scratch = await mkdtemp(join(tmpdir(), 'kubrick-cmd-'));
    try {
      const home = join(scratch, 'home');
      const tmp = join(scratch, 'tmp');
      await mkdir(home, { mode: 0o700 });
      await mkdir(tmp, { mode: 0o700 });
      return await runProcess({
        ...request,
        env: { ...request.env, PATH: this.commandPath.join(':'), HOME: home, TMPDIR: tmp }
      });
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {}
}
