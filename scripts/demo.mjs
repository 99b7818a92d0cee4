// `npm run demo`: plays demo/story.ts, which runs the real bundled action (dist/index.js) against the
// GitHub emulator and the scripted model on 127.0.0.1.
//
// Why bundle the story here, on the fly, rather than ship it as `kubrick demo` in dist/: the story is
// made of the test support (emulator, scripted model, runner harness, fixtures), which is TypeScript,
// reads a devDependency (@octokit/webhooks-examples) at run time and has no place in the action's
// distribution. esbuild turns it into one temporary .mjs in well under a second; the file is removed
// as soon as it is loaded. `kubrick demo` (src/cli/demo.ts) runs this script from a source checkout.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// dist/ is committed; a checkout without it (or after a clean) gets it built first.
if (!existsSync(join(root, 'dist', 'index.js'))) {
  process.stdout.write('dist/index.js is missing: building it with npm run bundle…\n');
  const bundled = spawnSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], {
    cwd: root,
    stdio: 'inherit'
  });
  if (bundled.status !== 0) process.exit(bundled.status ?? 1);
}

const buildDir = mkdtempSync(join(tmpdir(), 'kubrick-demo-build-'));
const removeBuild = () => rmSync(buildDir, { recursive: true, force: true });
const stopWhileBuilding = signal => {
  removeBuild();
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
process.on('SIGINT', stopWhileBuilding);
process.on('SIGTERM', stopWhileBuilding);

// The bundle lives in a temporary directory, but the test support finds the repository (dist/index.js)
// and node_modules (@octokit/webhooks-examples) from import.meta.url: point it at its source location.
const sourceUrl = pathToFileURL(join(root, 'test-support', 'action-runner.ts')).href;
let story;
try {
  const outfile = join(buildDir, 'story.mjs');
  await build({
    entryPoints: [join(root, 'demo', 'story.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    sourcemap: 'inline',
    define: { 'import.meta.url': JSON.stringify(sourceUrl) },
    // CommonJS dependencies call require(); ESM output needs a real one in scope.
    banner: {
      js: `import { createRequire as __demoCreateRequire } from 'node:module';\nconst require = __demoCreateRequire(${JSON.stringify(sourceUrl)});`
    },
    logLevel: 'warning'
  });
  process.setSourceMapsEnabled(true);
  story = await import(pathToFileURL(outfile).href);
} finally {
  // esbuild keeps a service process for further builds; the demo needs none.
  await stop();
  removeBuild();
  process.off('SIGINT', stopWhileBuilding);
  process.off('SIGTERM', stopWhileBuilding);
}

// `npm run demo -- --real` passes its arguments here; colour is decided from the terminal and NO_COLOR.
process.exitCode = await story.runDemo({
  env: process.env,
  args: process.argv.slice(2),
  isTTY: process.stdout.isTTY === true,
  write: text => process.stdout.write(text)
});
