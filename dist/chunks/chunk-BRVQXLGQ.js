import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);

// src/report/workflow-commands.ts
function escapeCommandData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function addMaskCommands(values, minLength) {
  let commands = /* @__PURE__ */ new Set();
  for (let value of values) {
    commands.add(`::add-mask::${escapeCommandData(value)}`);
    let lines = value.split(/\r\n|\r|\n/);
    if (lines.length !== 1)
      for (let line of lines.map((l) => l.trim()))
        line.length >= minLength && commands.add(`::add-mask::${escapeCommandData(line)}`);
  }
  return [...commands];
}
function neutralizeWorkflowCommands(text) {
  return text.replace(
    /^([^\S\n]*)(::|##\[)/gm,
    (_m, space, start) => start === "::" ? `${space}:\u200B:` : `${space}#\u200B#[`
  );
}
function workflowLog(write) {
  return {
    log: write,
    fail: (message) => write(`::error::${escapeCommandData(message)}`),
    warn: (message) => write(`::warning::${escapeCommandData(message)}`)
  };
}

export {
  escapeCommandData,
  addMaskCommands,
  neutralizeWorkflowCommands,
  workflowLog
};
