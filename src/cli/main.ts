import { VERSION } from '../version.js';
import { EXIT, type CliIo, UsageError } from './io.js';
import { errorMessage } from '../error-message.js';

export type Subcommand = (args: string[], io: CliIo) => Promise<number>;

/**
 * Each subcommand lives in its own module and is loaded only when used, so `kubrick policy check`
 * does not pay for the model SDKs at start-up.
 */
const SUBCOMMANDS: Record<string, { summary: string; load: () => Promise<Subcommand> }> = {
  run: {
    summary: 'run the agent on a local checkout',
    load: async () => (await import('./run.js')).localRunCommand
  },
  eval: {
    summary: 'measure a model and a policy on a task suite: solved rate, cost and time',
    load: async () => (await import('./eval.js')).evalCommand
  },
  policy: {
    summary: 'policy check: would this command run under a policy file?',
    load: async () => (await import('./policy.js')).policyCommand
  },
  route: {
    summary: 'show what the action would do for an event payload',
    load: async () => (await import('./route.js')).routeCommand
  },
  demo: {
    summary: 'play the demo story against a local GitHub emulator and scripted model',
    load: async () => (await import('./demo.js')).demoCommand
  },
  replay: {
    summary: 'print a recorded transcript as a readable timeline',
    load: async () => (await import('./replay.js')).replayCommand
  }
};

export function helpText(): string {
  const width = Math.max(...Object.keys(SUBCOMMANDS).map(name => name.length));
  const lines = Object.entries(SUBCOMMANDS).map(([name, sub]) => `  ${name.padEnd(width)}  ${sub.summary}`);
  return [
    `kubrick ${VERSION}: a bounded, policy-gated coding agent for GitHub Actions`,
    '',
    'Usage: kubrick <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  --help     show this help (or `kubrick <command> --help`)',
    '  --version  print the version',
    ''
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    (first === undefined ? io.stderr : io.stdout)(helpText());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const sub = SUBCOMMANDS[first];
  if (!sub) {
    io.stderr(`kubrick: unknown command "${first}"\n\n${helpText()}`);
    return EXIT.usage;
  }
  try {
    return await (
      await sub.load()
    )(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`kubrick ${first}: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`kubrick ${first}: ${errorMessage(error)}\n`);
    return EXIT.failure;
  }
}
