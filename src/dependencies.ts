/** The collaborators a run needs; tests pass their own (emulators, scripted model, temp dirs). */
export interface Dependencies {
  env: NodeJS.ProcessEnv;
  /** Milliseconds since the epoch; injectable so budgets and throttles are testable. */
  now: () => number;
  /** Where workflow commands and logs go (the runner reads stdout). */
  stdout: (line: string) => void;
}

export function defaultDependencies(): Dependencies {
  return {
    env: process.env,
    now: () => Date.now(),
    stdout: line => process.stdout.write(`${line}\n`)
  };
}
