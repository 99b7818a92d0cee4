/** No isolation: the command runs directly, with the scrubbed environment it was given and nothing else. */
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

  run(request: ExecRequest): Promise<ExecResult> {
    return runProcess({ ...request, env: { ...request.env, PATH: this.commandPath.join(':') } });
  }

  async close(): Promise<void> {}
}
