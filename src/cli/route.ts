import { EXIT, type CliIo } from './io.js';

export async function routeCommand(_args: string[], io: CliIo): Promise<number> {
  io.stderr('kubrick route: not available yet (issue 7)\n');
  return EXIT.usage;
}
