import { describe, expect, test } from '@jest/globals';
import { buildCommandEnv, refusedPassthrough } from '../../src/sandbox/command-env.js';

const parentEnv = {
  PATH: '/evil/bin',
  HOME: '/home/runner',
  GITHUB_TOKEN: 'ghs_canary',
  INPUT_API_KEY: 'sk-canary',
  OPENAI_API_KEY: 'sk-canary2',
  NODE_OPTIONS: '--require /tmp/x.js',
  BASH_ENV: '/tmp/x.sh',
  LD_PRELOAD: '/tmp/x.so',
  GIT_SSH_COMMAND: 'curl evil',
  npm_config_script_shell: '/tmp/sh',
  NPM_CONFIG_USERCONFIG: '/tmp/npmrc',
  DB_PASSWORD: 'hunter2',
  ACTIONS_RUNTIME_TOKEN: 'x',
  JAVA_HOME: '/usr/lib/jvm/17',
  GOFLAGS: '-mod=mod'
};

describe('buildCommandEnv', () => {
  const build = (passthrough: string[]) => buildCommandEnv({ passthrough, parentEnv });

  test('contains only the fixed neutral names when nothing is passed through (PATH, HOME, TMPDIR are the sandbox’s)', () => {
    expect(build([])).toEqual({
      LANG: 'C.UTF-8',
      CI: 'true',
      TERM: 'dumb'
    });
  });

  test('passes listed harmless names, never secrets or start-up hooks even when listed', () => {
    const env = build(Object.keys(parentEnv));
    expect(env.JAVA_HOME).toBe('/usr/lib/jvm/17');
    expect(env.GOFLAGS).toBe('-mod=mod');
    for (const name of [
      'GITHUB_TOKEN',
      'INPUT_API_KEY',
      'OPENAI_API_KEY',
      'NODE_OPTIONS',
      'BASH_ENV',
      'LD_PRELOAD',
      'GIT_SSH_COMMAND',
      'npm_config_script_shell',
      'NPM_CONFIG_USERCONFIG',
      'DB_PASSWORD',
      'ACTIONS_RUNTIME_TOKEN'
    ]) {
      expect(env[name]).toBeUndefined();
    }
    // Listed or not, the runner's PATH and HOME never pass: the sandbox sets its own.
    expect(env.PATH).toBeUndefined();
    expect(env.HOME).toBeUndefined();
    expect(env.CI).toBe('true');
    expect(JSON.stringify(env)).not.toContain('canary');
  });

  test('says why a name is refused', () => {
    expect(refusedPassthrough('ENV')).toBe('shell start-up code');
    expect(refusedPassthrough('dyld_insert_libraries')).toBe('library preloading');
    expect(refusedPassthrough('RUSTFLAGS')).toBeUndefined();
  });
});
