/** Shared by the llm tests: a client pointed at a scripted model, with a fake clock when asked. */
import { createLlmClient, type LlmOptions } from '../../src/llm/create.js';
import {
  LlmError,
  type CompletionRequest,
  type LlmClient,
  type ProviderName,
  type ToolSpec
} from '../../src/llm/types.js';

export const TOOLS: ToolSpec[] = [
  {
    name: 'read_file',
    description: 'Read a file',
    parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] }
  },
  {
    name: 'write_file',
    description: 'Write a file',
    parameters: {
      type: 'object',
      properties: { path: { type: 'string' }, content: { type: 'string' } },
      required: ['path', 'content']
    }
  }
];

export function request(overrides: Partial<CompletionRequest> = {}): CompletionRequest {
  return {
    system: 'You are a careful coding agent.',
    messages: [{ role: 'user', content: 'Fix the failing test.' }],
    tools: TOOLS,
    maxOutputTokens: 512,
    ...overrides
  };
}

/** A clock that only moves when the client sleeps, so retry timing is exact and instant. */
export class FakeClock {
  time = 1_000_000;
  readonly waits: number[] = [];
  now = (): number => this.time;
  sleep = async (ms: number): Promise<void> => {
    this.waits.push(ms);
    this.time += ms;
  };
}

export function client(provider: ProviderName, url: string, overrides: Partial<LlmOptions> = {}): LlmClient {
  return createLlmClient({
    provider,
    model: 'scripted-model',
    baseUrl: url,
    apiKey: 'test-key',
    toolProtocol: 'auto',
    promptFormat: 'chatml',
    ...overrides
  });
}

/** The LlmError a completion fails with; anything else (or success) fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<LlmError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LlmError) return error;
    throw error;
  }
  throw new Error('expected the completion to fail');
}
