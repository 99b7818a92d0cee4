import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  apiKeyFor,
  changedFiles,
  runCommand
} from "./chunk-6YURVNHX.js";
import "./chunk-JZGOYRBT.js";
import "./chunk-S6SZ4CSG.js";
import "./chunk-H6C3COZ7.js";
import "./chunk-72PE7MWT.js";
import "./chunk-QZMP3USF.js";
import "./chunk-XUDOS7BA.js";
import "./chunk-ST3VOCUF.js";
import "./chunk-DQ3Z3NYK.js";
import "./chunk-XL737L73.js";
import "./chunk-MQLK7AJM.js";
import "./chunk-MT3GVHK4.js";
import "./chunk-3E3X5MMN.js";
export {
  apiKeyFor,
  changedFiles,
  runCommand
};
