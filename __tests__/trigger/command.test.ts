import { describe, expect, it } from '@jest/globals';
import { parseCommand } from '../../src/trigger/command.js';

const parse = (body: string) => parseCommand(body, '/kubrick');

describe('parseCommand', () => {
  it.each([
    ['/kubrick fix the date test', 'fix', 'the date test'],
    ['/kubrick the date test', 'fix', 'the date test'],
    ['/kubrick review focus on errors', 'review', 'focus on errors'],
    ['/kubrick ask why?', 'ask', 'why?'],
    ['/kubrick plan a refactor', 'plan', 'a refactor'],
    ['/kubrick approve', 'approve', ''],
    ['/kubrick Review', 'review', ''],
    ['/kubrick fixing stuff', 'fix', 'fixing stuff'],
    ['   /kubrick\tfix tabs', 'fix', 'tabs'],
    ['/kubrick', 'fix', '']
  ])('%j → %s %j', (body, verb, text) => {
    expect(parse(body)).toMatchObject({ verb, text });
  });

  it('takes the rest of the line and all following lines as text', () => {
    expect(parse('Hello\n/kubrick fix one\ntwo\n\nthree\n')).toEqual({
      verb: 'fix',
      explicitVerb: true,
      text: 'one\ntwo\n\nthree'
    });
  });

  it('treats CRLF like LF', () => {
    expect(parse('x\r\n/kubrick ask a\r\nb')).toEqual(parse('x\n/kubrick ask a\nb'));
  });

  it.each([
    '/kubricks fix',
    'say /kubrick fix',
    '/Kubrick fix',
    '> /kubrick fix',
    '```\n/kubrick fix\n```',
    ''
  ])('does not trigger on %j', body => {
    expect(parse(body)).toBeNull();
  });

  it('uses the first trigger line after a closed code fence', () => {
    expect(parse('```\n/kubrick fix a\n```\n/kubrick ask b')).toMatchObject({ verb: 'ask', text: 'b' });
  });
});
