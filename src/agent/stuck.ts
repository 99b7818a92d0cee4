import type { ToolCall } from '../llm/types.js';

/** What to do about a call given how often it was just repeated. */
export type StuckVerdict = 'ok' | 'nudge' | 'stop';

/** A canonical form of a call, so `{"a":1,"b":2}` and `{"b":2,"a":1}` count as the same call. */
function signature(call: ToolCall): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value as object)
          .sort()
          .map(k => [k, canonical((value as Record<string, unknown>)[k])])
      );
    }
    return value;
  };
  return `${call.name}\u0000${call.arguments ? JSON.stringify(canonical(call.arguments)) : call.rawArguments}`;
}

/**
 * Detects a model that repeats the same call (same tool, same arguments) in a row: the third gets a
 * nudge, the fourth ends the run. Any different call resets the count.
 */
export class StuckDetector {
  private last = '';
  private repeats = 0;

  observe(call: ToolCall): StuckVerdict {
    const sig = signature(call);
    this.repeats = sig === this.last ? this.repeats + 1 : 1;
    this.last = sig;
    if (this.repeats >= 4) return 'stop';
    if (this.repeats === 3) return 'nudge';
    return 'ok';
  }
}
