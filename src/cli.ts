// The `kubrick` command: local runs, policy checks, trigger routing, the demo and transcript replay.
import { main } from './cli/main.js';

// `kubrick replay t.jsonl | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  stdin: process.stdin,
  cwd: process.cwd()
});
