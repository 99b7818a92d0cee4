/** `mcp_servers` in `.github/kubrick.yml`: what is accepted, and every mistake named with its line. */
import { describe, expect, it } from '@jest/globals';
import { ConfigError, parseRepoConfig, readActionInputs, resolveSettings } from '../../src/config/load.js';
import { INPUT_NAMES } from '../../src/config/settings.js';

function load(text: string) {
  return resolveSettings({}, parseRepoConfig({ text, path: '.github/kubrick.yml' })).settings;
}

function problems(text: string): string[] {
  try {
    load(text);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the config loaded');
}

describe('mcp_servers', () => {
  it('reads stdio and Streamable HTTP servers, with literal and environment values', () => {
    const settings = load(
      [
        'max_iterations: 20',
        'mcp_servers:',
        '  docs:',
        '    command: npx',
        '    args: [-y, "@acme/docs-mcp@1.2.3", --port, 0]',
        '    env:',
        '      DOCS_INDEX: /opt/docs',
        '      DOCS_TOKEN: {from_env: DOCS_TOKEN}',
        '      PAGE_SIZE: 20',
        '  tickets:',
        '    url: https://tickets.example.com/mcp',
        '    headers:',
        '      Authorization: {from_env: TICKETS_AUTH}',
        '      X-Team: {from_input: tickets_team}'
      ].join('\n')
    );
    expect(settings.mcp_servers).toEqual({
      docs: {
        transport: 'stdio',
        command: 'npx',
        args: ['-y', '@acme/docs-mcp@1.2.3', '--port', '0'],
        env: {
          DOCS_INDEX: { literal: '/opt/docs' },
          DOCS_TOKEN: { fromEnv: 'DOCS_TOKEN' },
          PAGE_SIZE: { literal: '20' }
        }
      },
      tickets: {
        transport: 'http',
        url: 'https://tickets.example.com/mcp',
        headers: { Authorization: { fromEnv: 'TICKETS_AUTH' }, 'X-Team': { fromInput: 'tickets_team' } }
      }
    });
  });

  it('defaults to no servers, and is never an action input', () => {
    expect(load('max_iterations: 3').mcp_servers).toEqual({});
    expect(INPUT_NAMES).not.toContain('mcp_servers');
    expect(readActionInputs({ INPUT_MCP_SERVERS: '{"x":{"command":"sh"}}' })).toEqual({});
  });

  it('names each mistake with its line and what to write instead', () => {
    const found = problems(
      [
        'mcp_servers:', // 1
        '  Docs:', // 2
        '    command: npx', // 3
        '  a__b:', // 4
        '    command: x', // 5
        '  tickets:', // 6
        '    comand: npx', // 7
        '  web:', // 8
        '    url: ftp://example.com', // 9
        '  both:', // 10
        '    command: x', // 11
        '    url: https://example.com', // 12
        '  creds:', // 13
        '    url: https://user:pw@example.com/mcp', // 14
        '  thief:', // 15
        '    command: x', // 16
        '    env:', // 17
        '      T: {from_env: GITHUB_TOKEN}', // 18
        '      K: {from_env: INPUT_API_KEY}', // 19
        '      R: {from_env: ACTIONS_RUNTIME_TOKEN}', // 20
        '      I: {from_input: api_key}', // 21
        '      O: [1, 2]' // 22
      ].join('\n')
    );
    expect(found).toEqual([
      expect.stringMatching(/^\.github\/kubrick\.yml line 2: mcp_servers\.Docs: "Docs" is not a server name/),
      expect.stringMatching(/line 4: mcp_servers\.a__b: .*without "__"/),
      expect.stringMatching(
        /line 7: mcp_servers\.tickets\.comand: unknown key "comand" — did you mean "command"\?/
      ),
      expect.stringMatching(/line 9: mcp_servers\.web\.url: "ftp:\/\/example\.com" is not an http\(s\) URL/),
      expect.stringMatching(/line 10: mcp_servers\.both: has both command and url/),
      expect.stringMatching(/line 14: mcp_servers\.creds\.url: must not hold a user name or password/),
      expect.stringMatching(/line 18: mcp_servers\.thief\.env\.T\.from_env: GITHUB_TOKEN is refused/),
      expect.stringMatching(/line 19: mcp_servers\.thief\.env\.K\.from_env: INPUT_API_KEY is refused/),
      expect.stringMatching(
        /line 20: mcp_servers\.thief\.env\.R\.from_env: ACTIONS_RUNTIME_TOKEN is refused/
      ),
      expect.stringMatching(/line 21: mcp_servers\.thief\.env\.I\.from_input: api_key is refused/),
      expect.stringMatching(/line 22: mcp_servers\.thief\.env\.O: \[1,2\] is not a value/)
    ]);
  });

  it('wants a mapping with a command or a url', () => {
    expect(problems('mcp_servers: [docs]')).toEqual([
      '.github/kubrick.yml line 1: mcp_servers: must be a mapping from server names to servers'
    ]);
    expect(problems('mcp_servers:\n  docs:\n    args: [x]')).toEqual([
      expect.stringMatching(
        /line 2: mcp_servers\.docs: needs command \(a stdio server started by Kubrick\) or url/
      )
    ]);
  });
});
