import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built-in suite ships as files in the repository (eval/suite), not in the bundle. From this
 * module (src/eval in a checkout, dist/ or dist/chunks in the bundle), walk up to the directory
 * that holds it. Null when Kubrick runs without its repository around it.
 */
export function findBuiltinSuite(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const suite = join(dir, 'eval', 'suite');
    if (existsSync(join(suite, 'policy.yml')) && existsSync(join(dir, 'package.json'))) return suite;
    if (dirname(dir) === dir) return null;
  }
}
