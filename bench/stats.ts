/** Rows of the benchmark table and the statistics every figure is reported with. */

export interface Row {
  name: string;
  /** Median of the runs (null when the measurement could not be made here; `note` says why). */
  value: number | null;
  unit: string;
  /** The same measurement of the thing we compare against (null when there is none). */
  baseline: number | null;
  /** What the baseline is, e.g. "node -e 0" or "git grep (same flags)". */
  baselineName: string | null;
  /** value / baseline. */
  ratio: number | null;
  min: number | null;
  max: number | null;
  runs: number;
  /** The target from the issue, in words ("<= 150 ms"), and whether the median meets it. */
  target: string | null;
  met: boolean | null;
  note?: string;
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarize');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** The q-quantile (0..1) by nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Target {
  text: string;
  /** True when the value meets the target. */
  test: (value: number) => boolean;
}

export const atMost = (limit: number, unit: string): Target => ({
  text: `<= ${limit} ${unit}`,
  test: value => value <= limit
});
export const atLeast = (limit: number, unit: string): Target => ({
  text: `>= ${limit.toLocaleString('en-US')} ${unit}`,
  test: value => value >= limit
});
export const below = (limit: number, unit: string): Target => ({
  text: `< ${limit} ${unit}`,
  test: value => value < limit
});

/** A row from samples and an optional baseline summary; the target is tested on `targetOn` (default: value). */
export function row(
  name: string,
  unit: string,
  samples: Summary,
  opts: {
    baseline?: Summary | number | null;
    baselineName?: string;
    target?: Target;
    targetOn?: 'value' | 'ratio';
    note?: string;
  } = {}
): Row {
  const baseline =
    opts.baseline === undefined || opts.baseline === null
      ? null
      : typeof opts.baseline === 'number'
        ? opts.baseline
        : opts.baseline.median;
  const ratio = baseline !== null && baseline !== 0 ? samples.median / baseline : null;
  const tested = opts.targetOn === 'ratio' ? ratio : samples.median;
  return {
    name,
    value: samples.median,
    unit,
    baseline,
    baselineName: baseline === null ? null : (opts.baselineName ?? null),
    ratio,
    min: samples.min,
    max: samples.max,
    runs: samples.runs,
    target: opts.target?.text ?? null,
    met: opts.target && tested !== null ? opts.target.test(tested) : null,
    ...(opts.note ? { note: opts.note } : {})
  };
}

/** A row for a figure that could not be measured on this machine. */
export function unavailable(name: string, unit: string, note: string, target?: Target): Row {
  return {
    name,
    value: null,
    unit,
    baseline: null,
    baselineName: null,
    ratio: null,
    min: null,
    max: null,
    runs: 0,
    target: target?.text ?? null,
    met: null,
    note
  };
}

/** Runs `fn` `runs` times in sequence and returns the samples it reports. */
export async function repeat(runs: number, fn: (index: number) => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await fn(i));
  return samples;
}
