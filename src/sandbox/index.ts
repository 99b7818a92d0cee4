export type { ExecRequest, ExecResult, Sandbox, SandboxMode } from './types.js';
export { createSandbox, type CreateSandboxOptions } from './create.js';
export { SandboxUnavailableError } from './errors.js';
export { buildCommandEnv } from './command-env.js';
export { runProcess } from './process.js';
