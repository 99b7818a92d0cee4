import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  EXIT
} from "./chunk-H6C3COZ7.js";
import "./chunk-3E3X5MMN.js";

// src/cli/replay.ts
async function replayCommand(_args, io) {
  return io.stderr(`kubrick replay: not available yet (issue 8)
`), EXIT.usage;
}
export {
  replayCommand
};
