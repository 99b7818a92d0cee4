import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, type CliIo } from './io.js';

const USAGE = `Usage: kubrick demo [--real] [--transcripts DIR]

Plays the demo story with the real bundled action (dist/index.js) against a local GitHub emulator and a
scripted model on 127.0.0.1: a fix on an issue, a review of the pull request it opens, and an ignored
request from someone without write access. Same as \`npm run demo\` in a clone of the repository.

  --real             use a real model instead: KUBRICK_API_KEY (or OPENAI_API_KEY), and KUBRICK_BASE_URL
                     and KUBRICK_MODEL for another server (also KUBRICK_DEMO_REAL=1); a key that is merely
                     set is never used without it
  --transcripts DIR  keep the runs' transcripts in DIR (default: a new temporary directory)
`;

/** The demo's own options, passed on to it; anything else is a usage error here. */
function demoArgs(args: string[]): string[] | null {
  const passed: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--real') passed.push(arg);
    else if (arg.startsWith('--transcripts=')) passed.push(arg);
    else if (arg === '--transcripts' && args[i + 1] !== undefined) passed.push(arg, args[++i]!);
    else return null;
  }
  return passed;
}

/**
 * The demo is made of the test support (GitHub emulator, scripted model, fixtures), which stays out of
 * dist/; it lives in a source checkout as scripts/demo.mjs. From dist/cli.js (or its chunk) in such a
 * checkout, walk up to the directory holding it.
 */
export function findDemoScript(from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const script = join(dir, 'scripts', 'demo.mjs');
    if (existsSync(script) && existsSync(join(dir, 'demo', 'story.ts'))) return script;
    if (dirname(dir) === dir) return null;
  }
}

export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const passed = demoArgs(args);
  if (passed === null) {
    io.stderr(`kubrick demo: takes no arguments other than --real and --transcripts DIR\n\n${USAGE}`);
    return EXIT.usage;
  }
  const script = findDemoScript(dirname(fileURLToPath(import.meta.url)));
  if (script === null || !existsSync(join(dirname(script), '..', 'node_modules', 'esbuild'))) {
    io.stderr(
      'kubrick demo: the demo needs a clone of the Kubrick Action repository with its dev dependencies:\n' +
        '  npm ci && npm run demo\n'
    );
    return EXIT.usage;
  }
  // The demo's output comes through a pipe here: it is told when this command writes to a terminal.
  const colour = io.stdoutIsTerminal === true && !io.env.NO_COLOR && io.env.FORCE_COLOR === undefined;
  const child = spawn(process.execPath, [script, ...passed], {
    cwd: join(dirname(script), '..'),
    env: colour ? { ...io.env, FORCE_COLOR: '1' } : io.env,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  child.stdout.on('data', chunk => io.stdout(String(chunk)));
  child.stderr.on('data', chunk => io.stderr(String(chunk)));
  // Ctrl-C reaches the demo too (same process group) and it cleans up; wait for it rather than die
  // first. A SIGTERM sent to this process alone is passed on.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  try {
    return await new Promise<number>(resolveExit => {
      child.on('error', error => {
        io.stderr(`kubrick demo: ${error.message}\n`);
        resolveExit(EXIT.failure);
      });
      child.on('close', (code, signal) =>
        resolveExit(code ?? (signal === 'SIGINT' ? 130 : signal ? 143 : EXIT.failure))
      );
    });
  } finally {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  }
}
