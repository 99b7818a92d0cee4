#!/usr/bin/env node
// The `kubrick` command: local runs, evals, policy checks, trigger routing, the demo and transcript replay.
import { main } from './cli/main.js';

// `kubrick replay t.jsonl | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// The action always runs on the runner's Node 24; a local `kubrick` may meet an older Node, which
// would fail later with an obscure TypeError (Set methods, among others, are missing).
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 24) {
  process.stderr.write(`kubrick needs Node.js 24 or newer; this is Node.js ${process.versions.node}.\n`);
  process.exit(2);
}

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  stdin: process.stdin,
  cwd: process.cwd(),
  ...(process.stderr.isTTY ? { terminal: { columns: process.stderr.columns || 80 } } : {}),
  ...(process.stdout.isTTY ? { stdoutIsTerminal: true } : {})
});
