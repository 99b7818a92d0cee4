/** The `::add-mask::` lines the action starts with: what the runner needs to hide each secret. */
import { describe, expect, it } from '@jest/globals';
import { MIN_SECRET_LENGTH, Redactor } from '../../src/report/redact.js';
import { addMaskCommands } from '../../src/report/workflow-commands.js';

describe('addMaskCommands', () => {
  it("escapes each value as @actions/core's setSecret does", () => {
    expect(addMaskCommands(['sk-abc%0Adef', 'a::b::c-secret'], MIN_SECRET_LENGTH)).toEqual([
      '::add-mask::sk-abc%250Adef',
      '::add-mask::a::b::c-secret'
    ]);
  });

  it('masks a multi-line value whole and each of its lines, skipping lines too short to be secret', () => {
    expect(addMaskCommands(['line-one-secret\r\n==\nline-two-secret\n'], MIN_SECRET_LENGTH)).toEqual([
      '::add-mask::line-one-secret%0D%0A==%0Aline-two-secret%0A',
      '::add-mask::line-one-secret',
      '::add-mask::line-two-secret'
    ]);
  });

  it('writes each command once', () => {
    expect(addMaskCommands(['same-secret', 'same-secret'], MIN_SECRET_LENGTH)).toEqual([
      '::add-mask::same-secret'
    ]);
  });
});

describe('Redactor.secrets', () => {
  it('holds the secret-named variables and the inputs, trimmed, without values too short to count', () => {
    const redactor = Redactor.fromEnvironment({
      INPUT_GITHUB_TOKEN: ' ghs_token-value \n',
      INPUT_API_KEY: 'sk-key-value',
      DEPLOY_PASSWORD: 'hunter22',
      SHORT_TOKEN: 'abc',
      INPUT_MAX_TOKENS: '500000',
      PATH: '/usr/bin'
    });
    expect([...redactor.secrets].sort()).toEqual(['ghs_token-value', 'hunter22', 'sk-key-value']);
  });
});
