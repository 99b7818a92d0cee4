import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  child_process,
  crypto,
  fs,
  os,
  path,
  stream,
  util
} from "./chunk-M55YUS6C.js";
import "./chunk-3E3X5MMN.js";
export {
  child_process,
  crypto,
  fs,
  os,
  path,
  stream,
  util
};
