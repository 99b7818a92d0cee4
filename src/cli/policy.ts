import { EXIT, type CliIo } from './io.js';

export async function policyCommand(_args: string[], io: CliIo): Promise<number> {
  io.stderr('kubrick policy: not available yet (issue 4)\n');
  return EXIT.usage;
}
