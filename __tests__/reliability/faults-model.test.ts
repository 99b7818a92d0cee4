/**
 * Fault injection on the model side: the bundled action as a process against the GitHub emulator and
 * a scripted model that misbehaves (rate limits, 5xx, hangs, cut streams, bad tool calls, context
 * errors, no finish, endless repeats, a dead server). Each scenario asserts the conclusion, what the
 * final comment tells the maintainer, and that changed files reached the remote.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { SAMPLE_FILES } from '../../__fixtures__/sample-repo.js';
import type { Turn } from '../../test-support/scripted-model/server.js';
import {
  call,
  createFaultWorld,
  expectAllOutputs,
  expectNoTranscriptCommitted,
  expectNoUnhandled,
  finalComment,
  finishTurn,
  fixRequest,
  issueBranchName,
  remoteFile,
  remoteTree,
  runFix,
  writeTurn,
  type FaultWorld
} from './helpers.js';

let world: FaultWorld;

beforeAll(async () => {
  world = await createFaultWorld(SAMPLE_FILES);
});
afterAll(async () => {
  await world?.close();
});
// A scenario that ends early must not leave turns or faults for the next one.
afterEach(() => {
  world.steps.length = 0;
  world.gh.clearFaults();
});

/** The tool results the model was sent in request `index` of the model's log (negative: from the end). */
function toolResultsSent(index: number): string[] {
  const body = world.model.requests.at(index)?.body as { messages?: { role: string; content: unknown }[] };
  return (body.messages ?? []).filter(m => m.role === 'tool').map(m => String(m.content));
}

describe('the model server fails for a while, then answers', () => {
  it('waits as a 429 Retry-After asks, then finishes the run', async () => {
    const request = await fixRequest(world, 'Rate limited model');
    world.steps.push(
      { fault: { status: 429, retryAfter: 2 } },
      writeTurn('notes/rate-limit.md', 'done\n'),
      finishTurn('Wrote the note.')
    );
    const requestsBefore = world.requestTimes.length;
    const run = await runFix(world, request);

    expectAllOutputs(run, 'success');
    const [limited, retried] = world.requestTimes.slice(requestsBefore);
    // Retry-After: 2 was honoured (not the 0.5 s back-off it would otherwise use).
    expect(retried! - limited!).toBeGreaterThanOrEqual(1900);
    expect(remoteFile(world, run.outputs.branch!, 'notes/rate-limit.md')).toBe('done\n');
    const report = finalComment(world, request.issueNumber).body;
    expect(report).toContain('Kubrick finished');
    expect(world.gh.state.pulls.filter(p => p.head.ref === run.outputs.branch)).toHaveLength(1);
  });

  it('rides out a burst of 500, 502 and 503 answers', async () => {
    const request = await fixRequest(world, 'Flaky model server');
    world.steps.push(
      { fault: { status: 500 } },
      { fault: { status: 502 } },
      { fault: { status: 503 } },
      writeTurn('notes/burst.md', 'survived\n'),
      finishTurn('Wrote the note after the burst.')
    );
    const requestsBefore = world.model.requests.length;
    const run = await runFix(world, request);

    expectAllOutputs(run, 'success');
    expect(world.model.requests.length - requestsBefore).toBe(5);
    expect(remoteFile(world, run.outputs.branch!, 'notes/burst.md')).toBe('survived\n');
    expect(finalComment(world, request.issueNumber).body).toContain('Kubrick finished');
  });

  it('retries a request that hangs past the per-request timeout', async () => {
    const request = await fixRequest(world, 'Hanging model server');
    // total_timeout 9 s gives each request 3 s to start answering; this one would take 20 s.
    world.steps.push(
      { ...writeTurn('notes/never.md', 'from the hung request\n'), fault: { delayMs: 20_000 } },
      writeTurn('notes/hang.md', 'answered on the retry\n'),
      finishTurn('Wrote the note.')
    );
    const run = await runFix(world, request, { total_timeout: '9' });

    expectAllOutputs(run, 'success');
    const branch = run.outputs.branch!;
    expect(remoteFile(world, branch, 'notes/hang.md')).toBe('answered on the retry\n');
    // The answer that came too late was never used.
    expect(remoteTree(world, branch)).not.toContain('notes/never.md');
    expect(run.durationMs).toBeLessThan(20_000);
    expect(finalComment(world, request.issueNumber).body).toContain('Kubrick finished');
  });
});

describe('the model sends something unusable', () => {
  it('retries a stream cut in the middle of a tool call and never runs the half call', async () => {
    const request = await fixRequest(world, 'Cut stream');
    world.steps.push(
      // The role chunk, the tool call's header, a third of its arguments, then the connection drops.
      { ...writeTurn('notes/half.md', 'half a call\n'), fault: { cutStreamAfterChunks: 3 } },
      // All of the arguments, but the connection drops before the chunk that ends the answer.
      {
        ...writeTurn('notes/unconfirmed.md', 'complete but unconfirmed\n'),
        fault: { cutStreamAfterChunks: 5 }
      },
      writeTurn('notes/whole.md', 'a whole call\n'),
      finishTurn('Wrote the note.')
    );
    const run = await runFix(world, request);

    expectAllOutputs(run, 'success');
    const tree = remoteTree(world, run.outputs.branch!);
    expect(tree).toContain('notes/whole.md');
    expect(tree).not.toContain('notes/half.md');
    expect(tree).not.toContain('notes/unconfirmed.md');
    expect(run.outputs.tool_calls).toBe('2');
    const report = finalComment(world, request.issueNumber).body;
    expect(report).toContain('Kubrick finished');
    expect(report).not.toContain('notes/half.md');
  });

  it('returns malformed arguments and unknown tools to the model, and the run goes on', async () => {
    const request = await fixRequest(world, 'Sloppy tool calls');
    world.steps.push(
      {
        toolCalls: [
          call('write_file', '{"path": "notes/bad.md", "content": "no closing brace'),
          call('delete_repository', { confirm: true })
        ]
      },
      writeTurn('notes/good.md', 'fixed my call\n'),
      finishTurn('Wrote the note.')
    );
    const run = await runFix(world, request);

    expectAllOutputs(run, 'success');
    // The model was told what was wrong with each call in its next request…
    const results = toolResultsSent(-2);
    expect(results.some(r => /arguments of your write_file call could not be used/.test(r))).toBe(true);
    expect(results.some(r => /no tool named "delete_repository"/.test(r))).toBe(true);
    // …and nothing of the broken call happened.
    const tree = remoteTree(world, run.outputs.branch!);
    expect(tree).toContain('notes/good.md');
    expect(tree).not.toContain('notes/bad.md');
    expect(finalComment(world, request.issueNumber).body).toContain('Kubrick finished');
  });

  it('fails with a context-length error and names context_window', async () => {
    const request = await fixRequest(world, 'Context too long');
    world.steps.push(writeTurn('notes/context.md', 'before the long prompt\n'), {
      fault: {
        status: 400,
        body: JSON.stringify({
          error: {
            message:
              "This model's maximum context length is 8192 tokens. However, your messages resulted in 9120 tokens.",
            type: 'invalid_request_error',
            code: 'context_length_exceeded'
          }
        })
      }
    });
    const requestsBefore = world.model.requests.length;
    const run = await runFix(world, request);

    expectAllOutputs(run, 'failure');
    // Not retried: the same request would be just as long.
    expect(world.model.requests.length - requestsBefore).toBe(2);
    const report = finalComment(world, request.issueNumber).body;
    expect(report).toContain('Kubrick failed');
    expect(report).toContain('too long for the model');
    expect(report).toContain('context_window');
    // The file written before the failure was pushed, and the report says where.
    const branch = issueBranchName(request);
    expect(remoteFile(world, branch, 'notes/context.md')).toBe('before the long prompt\n');
    expect(report).toContain(branch);
  });
});

describe('the model server stays broken', () => {
  it('fails with "answered 500 five times", keeps the work, and does not blame the task', async () => {
    const task = 'rename the widget helpers';
    const request = await fixRequest(world, 'Model server down', `/kubrick fix ${task}`);
    world.steps.push(
      writeTurn('notes/partial.md', 'work before the outage\n'),
      ...Array.from({ length: 5 }, (): Turn => ({ fault: { status: 500 } }))
    );
    const run = await runFix(world, request);

    expectAllOutputs(run, 'failure');
    const report = finalComment(world, request.issueNumber).body;
    expect(report).toContain('Kubrick failed');
    expect(report).toMatch(/The run failed: The model server answered 500 five times/);
    // The reason names the server, not the request: the task appears only as the quoted request.
    const explanation = report.split('\n').find(l => l.startsWith('The run failed'))!;
    expect(explanation).not.toContain(task);
    expect(report.split(task)).toHaveLength(2);
    const branch = issueBranchName(request);
    expect(run.outputs.branch).toBe(branch);
    expect(remoteFile(world, branch, 'notes/partial.md')).toBe('work before the outage\n');
    expect(report).toContain('Work so far');
    expect(report).toContain(branch);
    expect(world.gh.state.pulls.filter(p => p.head.ref === branch)).toHaveLength(0);
    expect(run.stdout).toContain('::error::');
  });

  it('stops at max_iterations when the model never calls finish, and pushes the work where a fix would go', async () => {
    const request = await fixRequest(world, 'Endless exploring');
    world.steps.push(
      writeTurn('src/feature.js', 'export const feature = 1;\n'),
      { toolCalls: [call('read_file', { path: 'README.md' })] },
      { toolCalls: [call('list_files', {})] }
    );
    const run = await runFix(world, request, { max_iterations: '3' });

    expectAllOutputs(run, 'budget_exhausted');
    expect(run.outputs.iterations).toBe('3');
    const branch = issueBranchName(request);
    expect(run.outputs.branch).toBe(branch);
    expect(remoteFile(world, branch, 'src/feature.js')).toBe('export const feature = 1;\n');
    expectNoTranscriptCommitted(world, branch);
    const report = finalComment(world, request.issueNumber).body;
    expect(report).toContain('stopped at a budget');
    expect(report).toContain('max_iterations = 3');
    expect(report).toContain(`\`${branch}\``);
    expect(report).toContain('src/feature.js');
    // No PR for unfinished work.
    expect(world.gh.state.pulls.filter(p => p.head.ref === branch)).toHaveLength(0);
  });

  it('stops a model that repeats the same call forever', async () => {
    const request = await fixRequest(world, 'Stuck model');
    const same: Turn = { toolCalls: [call('read_file', { path: 'README.md' })] };
    world.steps.push(
      writeTurn('notes/stuck.md', 'before looping\n'),
      ...Array.from({ length: 8 }, () => same)
    );
    const requestsBefore = world.model.requests.length;
    const run = await runFix(world, request);

    expectAllOutputs(run, 'failure');
    // The 3rd repeat gets a nudge, the 4th ends the run: no request after it.
    expect(world.model.requests.length - requestsBefore).toBe(5);
    const report = finalComment(world, request.issueNumber).body;
    expect(report).toMatch(/repeated the same call \(read_file .*README\.md.*\) four times in a row/);
    expect(remoteFile(world, issueBranchName(request), 'notes/stuck.md')).toBe('before looping\n');
  });
});

describe('a dead model server ends the run within total_timeout', () => {
  it('gives up on a server that answers 503 with retry-after before total_timeout runs out', async () => {
    const request = await fixRequest(world, 'Dead model server');
    // Unbounded, five attempts 3 s apart would take 12 s.
    world.steps.push(...Array.from({ length: 5 }, (): Turn => ({ fault: { status: 503, retryAfter: 3 } })));
    const requestsBefore = world.requestTimes.length;
    const run = await runFix(world, request, { total_timeout: '5' });

    expectAllOutputs(run, 'failure');
    const times = world.requestTimes.slice(requestsBefore);
    expect(times.at(-1)! - times[0]!).toBeLessThan(5000);
    // Setup and the report add a few seconds; retrying all five times would add 12.
    expect(run.durationMs).toBeLessThan(5000 + 10_000);
    const report = finalComment(world, request.issueNumber).body;
    expect(report).toContain('answered 503');
    expect(report).toContain('total_timeout');
  });

  it('gives up on a server that refuses connections', async () => {
    const closedPort = await new Promise<number>(resolve => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const request = await fixRequest(world, 'Unreachable model server');
    const run = await runFix(world, request, {
      total_timeout: '5',
      base_url: `http://127.0.0.1:${closedPort}`
    });

    expectAllOutputs(run, 'failure');
    expect(run.durationMs).toBeLessThan(5000 + 10_000);
    const report = finalComment(world, request.issueNumber).body;
    expect(report).toContain('could not be reached (ECONNREFUSED)');
    expect(report).toContain('base_url');
    expectNoUnhandled(world);
  });
});
