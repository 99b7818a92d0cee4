import type { CompletionResponse, LlmClient, Message, ToolSpec } from '../llm/types.js';
import type { CommandReport } from '../tools/run-command.js';
import type { Budgets, Meter } from './budgets.js';
import type { ContextManager } from './context.js';
import { budgetSpent, failed, SUCCESS, type Ending } from './ending.js';
import { statusLine, systemPrompt, type PromptContext } from './prompts.js';
import type { FinishReport, ToolCallRunner } from './tool-calls.js';
import type { Transcript } from './transcript.js';

/** Progress for live comments and the CLI; one event per model turn and per tool call. */
export type AgentEvent =
  | { type: 'turn'; iteration: number; text: string; toolCalls: number }
  | {
      type: 'tool';
      iteration: number;
      name: string;
      ok: boolean;
      detail: string;
      /** For `run_command`: denied by the policy (rule and reason), or run (how it exited). */
      command?: CommandReport;
    }
  | { type: 'context'; action: string };

/** What one run's turns share. */
export interface TurnSetup {
  llm: LlmClient;
  prompt: PromptContext;
  specs: ToolSpec[];
  budgets: Budgets;
  meter: Meter;
  context: ContextManager;
  calls: ToolCallRunner;
  transcript: Transcript;
  /** Aborted when total_timeout fires. */
  signal: AbortSignal;
  deadline: number;
  now: () => number;
  maxOutputTokens: number;
  emit: (event: AgentEvent) => void;
}

const NUDGE_TEXT_ONLY =
  'You answered without calling a tool. Continue with the tools, or call `finish` with your summary if the work is done.';
const NUDGE_CUT_OFF = 'Your reply was cut off at the output limit. Continue, with shorter steps.';

/**
 * Runs a run's turns one at a time, keeping the conversation between them. The requests are laid
 * out for providers' prompt caches: the system prompt is made once, the conversation only grows at
 * its end (until it has to be compacted), and the facts of one call (turn, time left) are appended
 * to that call's newest message, which later calls repeat unchanged.
 */
export class TurnRunner {
  private readonly system: string;
  /** The conversation, task message first. */
  private history: Message[];
  private nudgedForText = false;
  /** What the model finished with, once it did. */
  finished: FinishReport | null = null;

  constructor(private readonly setup: TurnSetup) {
    const { budgets } = setup;
    this.system = systemPrompt(setup.prompt, {
      maxIterations: budgets.maxIterations,
      totalSeconds: budgets.totalTimeoutMs / 1000,
      maxToolCalls: budgets.maxToolCalls
    });
    this.history = [setup.context.taskMessage()];
  }

  /** One iteration: a model call, then its tool calls. Returns how the run ends, or null to go on. */
  async turn(iteration: number): Promise<Ending | null> {
    const { meter, budgets, signal } = this.setup;
    const spent = meter.exhausted(budgets);
    if (spent) return budgetSpent(spent);
    if (signal.aborted) return budgetSpent('total_timeout');

    const response = await this.ask(iteration);
    if (response === 'overflow') return budgetSpent('context_window');
    if (response.toolCalls.length === 0) return this.answeredWithoutTools(response);
    this.nudgedForText = false;

    const done = await this.setup.calls.runTurn(response.toolCalls);
    this.history.push(...done.results);
    this.finished = done.finish ?? this.finished;
    this.recordBudget(iteration);
    // A finish that came in time wins over the clock; a stopped repeat ends the run even after one.
    if (!this.finished && signal.aborted) return budgetSpent('total_timeout');
    if (done.stopped) return done.stopped;
    if (this.finished) return SUCCESS;
    const after = meter.exhausted(budgets);
    return after ? budgetSpent(after) : null;
  }

  /** Fits the conversation into the context window and asks the model for its next step. */
  private async ask(iteration: number): Promise<CompletionResponse | 'overflow'> {
    const { llm, budgets, context, transcript, meter, deadline, now } = this.setup;
    const fitted = await context.fit(this.system, this.history);
    if (fitted.action !== 'none') {
      transcript.record({ type: 'context', action: fitted.action });
      this.setup.emit({ type: 'context', action: fitted.action });
    }
    if (fitted.action === 'overflow') return 'overflow';
    this.history = fitted.messages;
    this.addStatus(
      statusLine({ iteration, maxIterations: budgets.maxIterations, secondsLeft: (deadline - now()) / 1000 })
    );

    meter.iterations = iteration;
    const response = await llm.complete({
      system: this.system,
      messages: this.history,
      tools: this.setup.specs,
      maxOutputTokens: this.setup.maxOutputTokens,
      signal: this.setup.signal,
      deadline
    });
    meter.addUsage(response.usage);
    transcript.record({
      type: 'turn',
      iteration,
      text: response.text,
      toolCalls: response.toolCalls.map(c => ({ id: c.id, name: c.name, arguments: c.rawArguments })),
      usage: response.usage,
      finishReason: response.finishReason,
      attempts: response.attempts
    });
    this.setup.emit({ type: 'turn', iteration, text: response.text, toolCalls: response.toolCalls.length });
    this.history.push({ role: 'assistant', content: response.text, toolCalls: response.toolCalls });
    return response;
  }

  /** Appends this call's facts to the newest message (the task, a tool result or a nudge). */
  private addStatus(status: string): void {
    const last = this.history.length - 1;
    const newest = this.history[last];
    if (!newest || newest.role === 'assistant') return;
    this.history[last] = { ...newest, content: `${newest.content}\n\n${status}` };
  }

  /**
   * The first answer without tools gets a nudge; a second in a row means the model considers itself
   * done, and its text is the summary.
   */
  private answeredWithoutTools(response: CompletionResponse): Ending | null {
    if (this.nudgedForText) {
      const summary = response.text.trim();
      this.finished = { summary, findings: [], calledFinish: false };
      return summary ? SUCCESS : failed('the model stopped answering (empty replies)');
    }
    this.nudgedForText = true;
    this.history.push({
      role: 'user',
      content: response.finishReason === 'length' ? NUDGE_CUT_OFF : NUDGE_TEXT_ONLY
    });
    return null;
  }

  private recordBudget(iteration: number): void {
    const { meter, deadline, now } = this.setup;
    this.setup.transcript.record({
      type: 'budget',
      iteration,
      tokensIn: meter.tokensIn,
      tokensOut: meter.tokensOut,
      tokensCached: meter.tokensCached,
      costUsd: meter.costUsd,
      secondsLeft: Math.max(0, (deadline - now()) / 1000)
    });
  }
}
