/** Chooses and builds the sandbox for this run from the `sandbox` input (auto | namespaces | none). */
import { dirname } from 'node:path';
import type { Sandbox, SandboxMode } from './types.js';
import { probeOnce, type ProbeResult } from './probe.js';
import { planSandbox } from './plan.js';
import { NamespaceSandbox } from './namespaces.js';
import { NoSandbox } from './none.js';
import { SandboxUnavailableError } from './errors.js';

export interface CreateSandboxOptions {
  mode: SandboxMode;
  allowNetwork: boolean;
  workspace: string;
  /** `sandbox_paths`: absolute paths bound back read-only. */
  extraPaths: string[];
  /** For HOME and RUNNER_TEMP (the directories hidden); defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** How namespaces can be set up here; defaults to a real probe, run once per process. */
  probe?: () => Promise<ProbeResult>;
  /** dirname(process.execPath) unless a test says otherwise. */
  nodeBinDir?: string;
}

export const NONE_BY_SETTING =
  'none: isolation was turned off by the `sandbox: none` setting; commands ran with a scrubbed environment ' +
  'but could read the runner’s files and use the network';

export async function createSandbox(opts: CreateSandboxOptions): Promise<Sandbox> {
  if (opts.mode === 'none') return new NoSandbox(NONE_BY_SETTING);
  try {
    const probe = await (opts.probe ?? probeOnce)();
    if (!probe.ok) throw new SandboxUnavailableError(`namespaces are not available here: ${probe.reason}`);
    const plan = planSandbox({
      workspace: opts.workspace,
      extraPaths: opts.extraPaths,
      allowNetwork: opts.allowNetwork,
      env: opts.env ?? process.env,
      nodeBinDir: opts.nodeBinDir ?? dirname(process.execPath)
    });
    const sandbox = new NamespaceSandbox({ ...probe, plan, allowNetwork: opts.allowNetwork });
    await sandbox.start();
    return sandbox;
  } catch (error) {
    if (!(error instanceof SandboxUnavailableError)) throw error;
    if (opts.mode === 'namespaces') {
      throw new SandboxUnavailableError(
        `sandbox: namespaces was requested but ${error.message.replace(/^namespaces are not available here: /, 'cannot be set up: ')}. ` +
          'Run on a Linux runner with util-linux and either unprivileged user namespaces or passwordless sudo, ' +
          'or set `sandbox: auto` to run without isolation.'
      );
    }
    return new NoSandbox(
      `none: commands ran WITHOUT isolation because the namespace sandbox could not be set up (${error.message}); ` +
        'they could read the runner’s files and use the network'
    );
  }
}
