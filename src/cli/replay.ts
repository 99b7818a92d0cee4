import { EXIT, type CliIo } from './io.js';

export async function replayCommand(_args: string[], io: CliIo): Promise<number> {
  io.stderr('kubrick replay: not available yet (issue 8)\n');
  return EXIT.usage;
}
