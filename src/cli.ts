// The `kubrick` command: local runs, policy checks, trigger routing, the demo and transcript replay.
import { main } from './cli/main.js';

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  stdin: process.stdin,
  cwd: process.cwd()
});
