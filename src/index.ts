// Entry point of the action: the runner executes dist/index.js, which runs one Kubrick run.
import { run } from './main.js';
import { defaultDependencies } from './dependencies.js';

process.exitCode = await run(defaultDependencies(process.env));
