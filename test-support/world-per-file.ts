/**
 * The usual shape of an end-to-end test file: one world (emulator, scripted model, repository) made
 * before its tests and closed after them, its runs driving run(deps) in process. Kept apart from
 * action-runner.ts, which the benchmarks and the demo import outside jest (they run the bundle).
 */
import { afterAll, beforeAll } from '@jest/globals';
import { SAMPLE_FILES } from '../__fixtures__/sample-repo.js';
import { createWorld, type World, type WorldOptions } from './action-runner.js';
import { inProcess } from './in-process.js';

/** The sample repository, a maintainer with write access and a contributor who may only read. */
export const SAMPLE_WORLD: WorldOptions = {
  files: SAMPLE_FILES,
  permissions: { maintainer: 'write', contributor: 'read' },
  runner: inProcess()
};

/** Registers the hooks; `use` receives the world once it exists. */
export function worldPerFile(options: WorldOptions, use: (world: World) => void): void {
  let created: World | undefined;
  beforeAll(async () => {
    created = await createWorld(options);
    use(created);
  });
  afterAll(async () => {
    await created?.close();
  });
}
