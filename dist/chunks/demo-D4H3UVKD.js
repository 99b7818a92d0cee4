import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  EXIT
} from "./chunk-H6C3COZ7.js";
import "./chunk-3E3X5MMN.js";

// src/cli/demo.ts
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var USAGE = `Usage: kubrick demo [--real] [--transcripts DIR]

Plays the demo story with the real bundled action (dist/index.js) against a local GitHub emulator and a
scripted model on 127.0.0.1: a fix on an issue, a review of the pull request it opens, and an ignored
request from someone without write access. Same as \`npm run demo\` in a clone of the repository.

  --real             use a real model instead: KUBRICK_API_KEY (or OPENAI_API_KEY), and KUBRICK_BASE_URL
                     and KUBRICK_MODEL for another server (also KUBRICK_DEMO_REAL=1); a key that is merely
                     set is never used without it
  --transcripts DIR  keep the runs' transcripts in DIR (default: a new temporary directory)
`;
function demoArgs(args) {
  let passed = [];
  for (let i = 0; i < args.length; i++) {
    let arg = args[i];
    if (arg === "--real") passed.push(arg);
    else if (arg.startsWith("--transcripts=")) passed.push(arg);
    else if (arg === "--transcripts" && args[i + 1] !== void 0) passed.push(arg, args[++i]);
    else return null;
  }
  return passed;
}
function findDemoScript(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    let script = join(dir, "scripts", "demo.mjs");
    if (existsSync(script) && existsSync(join(dir, "demo", "story.ts"))) return script;
    if (dirname(dir) === dir) return null;
  }
}
async function demoCommand(args, io) {
  if (args.includes("--help") || args.includes("-h"))
    return io.stdout(USAGE), EXIT.ok;
  let passed = demoArgs(args);
  if (passed === null)
    return io.stderr(`kubrick demo: takes no arguments other than --real and --transcripts DIR

${USAGE}`), EXIT.usage;
  let script = findDemoScript(dirname(fileURLToPath(import.meta.url)));
  if (script === null || !existsSync(join(dirname(script), "..", "node_modules", "esbuild")))
    return io.stderr(
      `kubrick demo: the demo needs a clone of the Kubrick Action repository with its dev dependencies:
  npm ci && npm run demo
`
    ), EXIT.usage;
  let colour = io.stdoutIsTerminal === !0 && !io.env.NO_COLOR && io.env.FORCE_COLOR === void 0, child = spawn(process.execPath, [script, ...passed], {
    cwd: join(dirname(script), ".."),
    env: colour ? { ...io.env, FORCE_COLOR: "1" } : io.env,
    stdio: ["ignore", "pipe", "pipe"]
  });
  child.stdout.on("data", (chunk) => io.stdout(String(chunk))), child.stderr.on("data", (chunk) => io.stderr(String(chunk)));
  let forward = (signal) => child.kill(signal);
  process.on("SIGINT", forward), process.on("SIGTERM", forward);
  try {
    return await new Promise((resolveExit) => {
      child.on("error", (error) => {
        io.stderr(`kubrick demo: ${error.message}
`), resolveExit(EXIT.failure);
      }), child.on(
        "close",
        (code, signal) => resolveExit(code ?? (signal === "SIGINT" ? 130 : signal ? 143 : EXIT.failure))
      );
    });
  } finally {
    process.off("SIGINT", forward), process.off("SIGTERM", forward);
  }
}
export {
  demoCommand,
  findDemoScript
};
