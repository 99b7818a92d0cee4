/**
 * The CI-fix scenarios' repository: the sample repository with `add` fixed, so the default branch is
 * green and a failure comes from the change a test makes (`double` triples), with the job logs a
 * workflow run on it leaves.
 */
import { failingTestLog, jobLog } from '../test-support/job-logs.js';
import { SAMPLE_FILES } from './sample-repo.js';

export const GREEN_FILES: Record<string, string> = {
  ...SAMPLE_FILES,
  'src/math.js': SAMPLE_FILES['src/math.js']!.replace('return a - b;', 'return a + b;')
};

/** `double` that triples: test.js fails with this assertion. */
export const BROKEN_DOUBLE = GREEN_FILES['src/math.js']!.replace('return x * 2;', 'return x * 3;');

export const ASSERTION = [
  'node:assert:90',
  '  throw new AssertionError(obj);',
  '  ^',
  '',
  'AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:',
  '',
  '12 !== 8',
  '',
  '    at file:///home/runner/work/widgets/widgets/test.js:5:8'
];

/** Text only the passing job's log holds: it must never reach the model. */
export const PASSING_LOG_MARKER = 'lint-passed-7f3a9c';

/** The jobs of a CI run where `test` failed on the assertion and `lint` passed. */
export function failedCiJobs() {
  return [
    {
      name: 'test',
      conclusion: 'failure' as const,
      steps: [{ name: 'Run actions/checkout@v4' }, { name: 'Run npm test', conclusion: 'failure' as const }],
      log: failingTestLog(ASSERTION)
    },
    {
      name: 'lint',
      conclusion: 'success' as const,
      steps: [{ name: 'Run npm run lint' }],
      log: jobLog([{ title: 'Run npm run lint', output: [PASSING_LOG_MARKER, 'no problems'] }])
    }
  ];
}

/** A model that fixes `double` and says so. */
export const FIX_DOUBLE = {
  edit: {
    name: 'edit_file',
    arguments: { path: 'src/math.js', old_string: 'return x * 3;', new_string: 'return x * 2;' }
  },
  summary: '`double` multiplied by 3; it multiplies by 2 again, and `npm test` passes.'
};
