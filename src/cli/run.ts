import { EXIT, type CliIo } from './io.js';

export async function runCommand(_args: string[], io: CliIo): Promise<number> {
  io.stderr('kubrick run: not available yet (issue 6)\n');
  return EXIT.usage;
}
