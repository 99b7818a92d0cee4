import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  EXIT
} from "./chunk-H6C3COZ7.js";
import "./chunk-3E3X5MMN.js";

// src/cli/policy.ts
async function policyCommand(_args, io) {
  return io.stderr(`kubrick policy: not available yet (issue 4)
`), EXIT.usage;
}
export {
  policyCommand
};
