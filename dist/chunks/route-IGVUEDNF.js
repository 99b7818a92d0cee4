import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  EXIT
} from "./chunk-H6C3COZ7.js";
import "./chunk-3E3X5MMN.js";

// src/cli/route.ts
async function routeCommand(_args, io) {
  return io.stderr(`kubrick route: not available yet (issue 7)
`), EXIT.usage;
}
export {
  routeCommand
};
