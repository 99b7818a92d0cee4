import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { finishTool, reviewFinishTool } from '../../src/tools/finish.js';
import { findTool, toolSpecs, toolsForMode } from '../../src/tools/registry.js';
import type { Workspace } from '../../src/tools/workspace.js';
import { cleanupTempDirs, contextFor, makeRepo, openWorkspace } from './support.js';

afterAll(cleanupTempDirs);

let ws: Workspace;
beforeAll(async () => {
  ws = await openWorkspace(makeRepo({ 'src/a.ts': 'one\ntwo\nthree\n' }));
});

describe('finish', () => {
  it('echoes the summary; the loop ends the run on it', async () => {
    const result = await finishTool.run({ summary: 'Fixed the off-by-one in add().' }, contextFor(ws, 'fix'));
    expect(result).toEqual({
      ok: true,
      content: 'Finished: Fixed the off-by-one in add().',
      data: { summary: 'Fixed the off-by-one in add().' }
    });
  });

  it('validates review findings and returns them for the review', async () => {
    const finding = {
      path: './src/a.ts',
      line: 2,
      severity: 'high',
      body: 'Wrong operator.',
      suggestion: 'TWO'
    };
    const result = await reviewFinishTool.run(
      { summary: 'One problem.', findings: [finding] },
      contextFor(ws, 'review')
    );
    expect(result).toMatchObject({
      ok: true,
      content: 'Finished with 1 finding: One problem.',
      data: { summary: 'One problem.', findings: [{ ...finding, path: 'src/a.ts' }] }
    });
    const clean = await reviewFinishTool.run(
      { summary: 'Looks good.', findings: [] },
      contextFor(ws, 'review')
    );
    expect(clean.data).toEqual({ summary: 'Looks good.', findings: [] });
  });

  it('rejects findings with a bad severity, a line past the end, a path outside, or outside review mode', async () => {
    const review = contextFor(ws, 'review');
    const badSeverity = await reviewFinishTool.run(
      { summary: 's', findings: [{ path: 'src/a.ts', line: 1, severity: 'critical', body: 'b' }] },
      review
    );
    expect(badSeverity.content).toContain(
      `parameter 'findings.0.severity': Invalid option: expected one of "low"|"medium"|"high"`
    );
    const pastEnd = await reviewFinishTool.run(
      { summary: 's', findings: [{ path: 'src/a.ts', line: 9, severity: 'low', body: 'b' }] },
      review
    );
    expect(pastEnd.content).toBe(
      'findings[0] (src/a.ts:9): line 9 is past the end of the file, which has 3 lines. Fix it and call finish again.'
    );
    const outside = await reviewFinishTool.run(
      { summary: 's', findings: [{ path: '../x.ts', line: 1, severity: 'low', body: 'b' }] },
      review
    );
    expect(outside.content).toMatch(
      /^findings\[0\] \(\.\.\/x\.ts:1\): "\.\.\/x\.ts" is outside the workspace/
    );
    const deleted = await reviewFinishTool.run(
      { summary: 's', findings: [{ path: 'src/removed.ts', line: 4, severity: 'medium', body: 'b' }] },
      review
    );
    expect(deleted.ok).toBe(true);
    const wrongMode = await finishTool.run(
      { summary: 's', findings: [{ path: 'src/a.ts', line: 1, severity: 'low', body: 'b' }] },
      contextFor(ws, 'fix')
    );
    expect(wrongMode.content).toMatch(/findings only in review mode/);
    expect((await finishTool.run({ summary: '   ' }, contextFor(ws, 'fix'))).content).toContain(
      "parameter 'summary'"
    );
  });
});

describe('registry', () => {
  const names = (mode: Parameters<typeof toolsForMode>[0], commands = true) =>
    toolsForMode(mode, { commands }).map(tool => tool.name);

  it('offers every tool in fix mode and only read-only tools in review, ask and plan', () => {
    expect(names('fix')).toEqual([
      'read_file',
      'write_file',
      'edit_file',
      'list_files',
      'search_files',
      'run_command',
      'finish'
    ]);
    expect(names('fix', false)).not.toContain('run_command');
    for (const mode of ['review', 'ask', 'plan'] as const) {
      expect(names(mode)).toEqual(['read_file', 'list_files', 'search_files', 'finish']);
      expect(toolsForMode(mode).every(tool => tool.readOnly)).toBe(true);
    }
  });

  it("offers the pull request's diff in a review of a pull request only", () => {
    const withDiff = (mode: Parameters<typeof toolsForMode>[0]) =>
      toolsForMode(mode, { commands: true, pullRequestDiff: true }).map(tool => tool.name);
    expect(withDiff('review')).toEqual([
      'read_file',
      'list_files',
      'search_files',
      'pull_request_diff',
      'finish'
    ]);
    for (const mode of ['fix', 'ask', 'plan'] as const)
      expect(withDiff(mode)).not.toContain('pull_request_diff');
    expect(
      toolsForMode('review', { commands: false, pullRequestDiff: true }).every(tool => tool.readOnly)
    ).toBe(true);
  });

  it('describes the tools to the model with the contract parameter names', () => {
    const specs = toolSpecs(toolsForMode('fix', { commands: false }));
    const parameterNames = Object.fromEntries(
      specs.map(spec => [spec.name, Object.keys((spec.parameters as { properties: object }).properties)])
    );
    expect(parameterNames).toEqual({
      read_file: ['path', 'start_line', 'end_line'],
      write_file: ['path', 'content'],
      edit_file: ['path', 'old_string', 'new_string', 'replace_all'],
      list_files: ['pattern', 'directory'],
      search_files: ['pattern', 'path', 'glob'],
      finish: ['summary']
    });
    const reviewFinish = findTool(toolsForMode('review'), 'finish');
    expect(Object.keys((reviewFinish?.parameters as { properties: object }).properties)).toEqual([
      'summary',
      'findings',
      'follow_ups'
    ]);
    expect(findTool(toolsForMode('ask'), 'write_file')).toBeUndefined();
  });
});
