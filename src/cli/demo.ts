import { EXIT, type CliIo } from './io.js';

export async function demoCommand(_args: string[], io: CliIo): Promise<number> {
  io.stderr('kubrick demo: not available yet (issue 8)\n');
  return EXIT.usage;
}
