import { errorMessage } from '../error-message.js';
import type { Message, ToolCall } from '../llm/types.js';
import type { Finding } from '../tools/finish.js';
import { truncateMiddle } from '../tools/truncate.js';
import type { FollowUpDecision, Tool, ToolContext, ToolResult } from '../tools/types.js';
import type { Meter } from './budgets.js';
import { failed, type Ending } from './ending.js';
import { StuckDetector, type StuckVerdict } from './stuck.js';
import type { Transcript } from './transcript.js';

/** What the model handed in with `finish` (or, failing that, its last answer without tools). */
export interface FinishReport {
  summary: string;
  findings: Finding[];
  /** A review's decisions on earlier findings whose lines changed. */
  followUps?: FollowUpDecision[];
  /** False when the run ended on a second answer without tools. */
  calledFinish: boolean;
}

/** A turn's tool calls, done: results in call order, and what they mean for the run. */
export interface CallsDone {
  results: Message[];
  /** Set when `finish` succeeded. */
  finish: FinishReport | null;
  /** Set when the model repeated a call until it was stopped. */
  stopped: Ending | null;
}

export interface ToolCallOptions {
  /** The tools of the mode (the registry decides; anything else is refused). */
  tools: Tool[];
  /** Every tool that exists, to tell "not offered in this mode" from "unknown". */
  allToolNames: string[];
  /** Answers a call of a tool that is not offered when it knows why (an MCP tool the policy refuses). */
  refuseUnoffered?: ((name: string) => ToolResult | null) | undefined;
  context: ToolContext;
  maxToolCalls: number;
  /** Tool result cap in characters (head 70 % / tail 30 % kept). */
  resultCap: number;
  /**
   * Applied to every result the model reads (a tool's, a refusal, an argument error) before it is
   * cut to size, so a cut cannot leave half a secret: the session masks known secrets with it.
   */
  mask?: ((text: string) => string) | undefined;
  meter: Meter;
  transcript: Transcript;
  /** Told of each call once its result is in. */
  onResult: (call: ToolCall, result: ToolResult) => void;
}

/** One call's result message, and the finish report when it was a successful `finish`. */
interface CallOutcome {
  message: Message;
  finish: FinishReport | null;
}

const OUT_OF_TIME = 'Error: not executed: the run ran out of time (total_timeout).';

const REPEAT_NUDGE = (name: string) =>
  `\n\nNote: you have now made this exact ${name} call three times in a row; repeating it will not give a different result. Try something else. A fourth identical call ends the run.`;

function errorMessageFor(call: ToolCall, content: string, mask: (text: string) => string): Message {
  return {
    role: 'tool',
    toolCallId: call.id,
    name: call.name || 'unknown',
    content: mask(content),
    isError: true
  };
}

const unmasked = (text: string) => text;

/** What was made of the model's `finish` call: its data is the tool's own checked echo. */
function finishReport(result: ToolResult): FinishReport {
  const data = result.data ?? {};
  return {
    summary: typeof data.summary === 'string' ? data.summary : '',
    findings: Array.isArray(data.findings) ? (data.findings as Finding[]) : [],
    followUps: Array.isArray(data.followUps) ? (data.followUps as FollowUpDecision[]) : [],
    calledFinish: true
  };
}

/** Runs the tool calls of each turn: offered tools only, capped results, repeated calls stopped. */
export class ToolCallRunner {
  private readonly offered: Map<string, Tool>;
  private readonly stuck = new StuckDetector();
  private readonly mask: (text: string) => string;

  constructor(private readonly options: ToolCallOptions) {
    this.offered = new Map(options.tools.map(tool => [tool.name, tool]));
    this.mask = options.mask ?? unmasked;
  }

  /**
   * Runs a turn's calls in the order given, except `finish`, which runs after the others (as its
   * description promises). Leading read-only calls, before any write, run together. Results keep the
   * order of the calls; calls past max_tool_calls or after a stopped repeat get an error result.
   */
  async runTurn(calls: ToolCall[]): Promise<CallsDone> {
    const { maxToolCalls } = this.options;
    const allowed = calls.slice(0, maxToolCalls);
    const verdicts = allowed.map(call => this.stuck.observe(call));
    const stopAt = verdicts.indexOf('stop');
    const ran = await this.runInOrder(stopAt === -1 ? allowed : allowed.slice(0, stopAt), verdicts);
    const results = ran.map(r => r.message);
    const finish = ran.findLast(r => r.finish)?.finish ?? null;
    if (stopAt !== -1) {
      const call = allowed[stopAt]!;
      const notRun = 'Error: not executed: the run was stopped because the same call was repeated.';
      results.push(...calls.slice(stopAt).map(c => errorMessageFor(c, notRun, this.mask)));
      const stopped = failed(
        `the model repeated the same call (${call.name} ${call.rawArguments.slice(0, 200)}) four times in a row and was stopped`
      );
      return { results, finish, stopped };
    }
    const overLimit = `Error: not executed: at most ${maxToolCalls} tool calls run per turn (max_tool_calls). Make this call again in your next turn if you still need it.`;
    results.push(...calls.slice(allowed.length).map(c => errorMessageFor(c, overLimit, this.mask)));
    return { results, finish, stopped: null };
  }

  /** The calls' outcomes in call order; `finish` last, leading read-only calls together. */
  private async runInOrder(calls: ToolCall[], verdicts: StuckVerdict[]): Promise<CallOutcome[]> {
    const indexed = calls.map((call, index) => ({ call, index }));
    const order = [
      ...indexed.filter(c => c.call.name !== 'finish'),
      ...indexed.filter(c => c.call.name === 'finish')
    ];
    const run = (c: { call: ToolCall; index: number }) => this.runCall(c.call, verdicts[c.index] === 'nudge');
    let lead = 0;
    while (lead < order.length && this.runsConcurrently(order[lead]!.call)) lead++;
    const byIndex = new Map<number, CallOutcome>();
    const reads = await Promise.all(order.slice(0, lead).map(run));
    order.slice(0, lead).forEach((c, k) => byIndex.set(c.index, reads[k]!));
    for (const c of order.slice(lead)) {
      byIndex.set(
        c.index,
        this.options.context.signal.aborted
          ? { message: errorMessageFor(c.call, OUT_OF_TIME, this.mask), finish: null }
          : await run(c)
      );
    }
    return indexed.map(c => byIndex.get(c.index)!);
  }

  private runsConcurrently(call: ToolCall): boolean {
    return call.name !== 'finish' && this.offered.get(call.name)?.readOnly === true;
  }

  private async runCall(call: ToolCall, nudge: boolean): Promise<CallOutcome> {
    const { transcript, meter, resultCap } = this.options;
    transcript.record({ type: 'tool_call', id: call.id, name: call.name, arguments: call.rawArguments });
    const tool = this.offered.get(call.name);
    // Masked before the cut, so a cut cannot leave half a secret; whoever produced the text.
    const produced = await this.resultOf(call, tool);
    const result = { ...produced, content: this.mask(produced.content) };
    meter.toolCalls += 1;
    const content =
      truncateMiddle(result.content, resultCap) + (nudge ? this.mask(REPEAT_NUDGE(call.name)) : '');
    transcript.record({
      type: 'tool_result',
      id: call.id,
      name: call.name,
      ok: result.ok,
      content,
      data: result.data ?? null,
      changedFiles: result.changedFiles ?? []
    });
    this.options.onResult(call, result);
    return {
      message: { role: 'tool', toolCallId: call.id, name: call.name, content, isError: !result.ok },
      finish: tool?.name === 'finish' && result.ok ? finishReport(result) : null
    };
  }

  private async resultOf(call: ToolCall, tool: Tool | undefined): Promise<ToolResult> {
    if (call.argumentsError) {
      return {
        ok: false,
        content: `Error: the arguments of your ${call.name || 'tool'} call could not be used: ${call.argumentsError}. Send the arguments as one JSON object.`
      };
    }
    if (!tool) {
      const refusal = this.options.refuseUnoffered?.(call.name);
      if (refusal) return refusal;
      const available = [...this.offered.keys()].join(', ');
      return {
        ok: false,
        content: this.options.allToolNames.includes(call.name)
          ? `Error: the tool ${call.name} is not available in ${this.options.context.mode} mode; it was not executed. Available tools: ${available}.`
          : `Error: there is no tool named "${call.name}". Available tools: ${available}.`
      };
    }
    try {
      return await tool.run(call.arguments ?? {}, this.options.context);
    } catch (error) {
      return { ok: false, content: `Error: ${call.name} failed: ${errorMessage(error)}` };
    }
  }
}
