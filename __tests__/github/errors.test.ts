import { describe, expect, it } from '@jest/globals';
import { githubReasons, validationText } from '../../src/github/errors.js';

/** An Octokit RequestError as far as these helpers look at it. */
function refused(message: string, data: { message?: unknown; errors?: unknown }): Error {
  return Object.assign(new Error(message), { status: 422, response: { data } });
}

describe('what GitHub said', () => {
  const error = refused('Validation Failed - https://docs.github.com/rest', {
    message: 'Validation Failed',
    errors: [
      'plain reason',
      { resource: 'PullRequest', code: 'custom', message: ' A pull request already exists for o:b. ' },
      { resource: 'PullRequest', field: 'base', code: 'invalid' },
      { resource: 'Issue', code: '' }
    ]
  });

  it('lists the message and each reason, `field code` for an item without a message', () => {
    expect(githubReasons(error)).toEqual([
      'Validation Failed',
      'plain reason',
      'A pull request already exists for o:b.',
      'base invalid'
    ]);
    expect(githubReasons(refused('boom', {}))).toEqual([]);
    expect(githubReasons(new Error('no response'))).toEqual([]);
    expect(githubReasons(null)).toEqual([]);
  });

  it('puts the error’s own message first for matching a 422', () => {
    expect(validationText(error)).toBe(
      'Validation Failed - https://docs.github.com/rest | Validation Failed | plain reason | A pull request already exists for o:b. | base invalid'
    );
    expect(validationText('text')).toBe('text');
  });
});
