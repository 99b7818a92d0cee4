#!/usr/bin/env node
import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  EXIT,
  UsageError
} from "./chunks/chunk-H6C3COZ7.js";
import {
  VERSION
} from "./chunks/chunk-KHDHNSJS.js";
import {
  errorMessage
} from "./chunks/chunk-FJ64FDQQ.js";
import "./chunks/chunk-3E3X5MMN.js";

// src/cli/main.ts
var SUBCOMMANDS = {
  run: {
    summary: "run the agent on a local checkout",
    load: async () => (await import("./chunks/run-ODCEHJ22.js")).localRunCommand
  },
  eval: {
    summary: "measure a model and a policy on a task suite: solved rate, cost and time",
    load: async () => (await import("./chunks/eval-VDLYWECX.js")).evalCommand
  },
  policy: {
    summary: "policy check: would this command run under a policy file?",
    load: async () => (await import("./chunks/policy-ZQC7VP3V.js")).policyCommand
  },
  route: {
    summary: "show what the action would do for an event payload",
    load: async () => (await import("./chunks/route-OVB6A3VH.js")).routeCommand
  },
  demo: {
    summary: "play the demo story against a local GitHub emulator and scripted model",
    load: async () => (await import("./chunks/demo-D4H3UVKD.js")).demoCommand
  },
  replay: {
    summary: "print a recorded transcript as a readable timeline",
    load: async () => (await import("./chunks/replay-QIHZPFGW.js")).replayCommand
  }
};
function helpText() {
  let width = Math.max(...Object.keys(SUBCOMMANDS).map((name) => name.length)), lines = Object.entries(SUBCOMMANDS).map(([name, sub]) => `  ${name.padEnd(width)}  ${sub.summary}`);
  return [
    `kubrick ${VERSION}: a bounded, policy-gated coding agent for GitHub Actions`,
    "",
    "Usage: kubrick <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Options:",
    "  --help     show this help (or `kubrick <command> --help`)",
    "  --version  print the version",
    ""
  ].join(`
`);
}
async function main(argv, io) {
  let [first, ...rest] = argv;
  if (first === void 0 || first === "--help" || first === "-h" || first === "help")
    return (first === void 0 ? io.stderr : io.stdout)(helpText()), first === void 0 ? EXIT.usage : EXIT.ok;
  if (first === "--version" || first === "-V")
    return io.stdout(`${VERSION}
`), EXIT.ok;
  let sub = SUBCOMMANDS[first];
  if (!sub)
    return io.stderr(`kubrick: unknown command "${first}"

${helpText()}`), EXIT.usage;
  try {
    return await (await sub.load())(rest, io);
  } catch (error) {
    return error instanceof UsageError ? (io.stderr(`kubrick ${first}: ${error.message}
`), EXIT.usage) : (io.stderr(`kubrick ${first}: ${errorMessage(error)}
`), EXIT.failure);
  }
}

// src/cli.ts
process.stdout.on("error", (error) => {
  throw error.code === "EPIPE" && process.exit(0), error;
});
var nodeMajor = Number(process.versions.node.split(".")[0]);
nodeMajor < 24 && (process.stderr.write(`kubrick needs Node.js 24 or newer; this is Node.js ${process.versions.node}.
`), process.exit(2));
process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  cwd: process.cwd(),
  ...process.stderr.isTTY ? { terminal: { columns: process.stderr.columns || 80 } } : {},
  ...process.stdout.isTTY ? { stdoutIsTerminal: !0 } : {}
});
