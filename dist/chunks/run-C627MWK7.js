import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  EXIT
} from "./chunk-H6C3COZ7.js";
import "./chunk-3E3X5MMN.js";

// src/cli/run.ts
async function runCommand(_args, io) {
  return io.stderr(`kubrick run: not available yet (issue 6)
`), EXIT.usage;
}
export {
  runCommand
};
