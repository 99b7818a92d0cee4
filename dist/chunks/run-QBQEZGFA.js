import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  apiKeyFor,
  changedFiles,
  localGit,
  localInstructions,
  localRunCommand
} from "./chunk-BVQYUHRA.js";
import "./chunk-VV4IALHC.js";
import "./chunk-H6C3COZ7.js";
import "./chunk-D5I5UNF3.js";
import "./chunk-UKDDK6I3.js";
import "./chunk-QSJTJI7B.js";
import "./chunk-MWGJFZ3G.js";
import "./chunk-BRVQXLGQ.js";
import "./chunk-LMCTYMUF.js";
import "./chunk-PIKDBYOK.js";
import "./chunk-FXUUPOIS.js";
import "./chunk-2GDFMM4B.js";
import "./chunk-QV4DZ7X2.js";
import "./chunk-NYFBYEPR.js";
import "./chunk-MT3GVHK4.js";
import "./chunk-FJ64FDQQ.js";
import "./chunk-3E3X5MMN.js";
export {
  apiKeyFor,
  changedFiles,
  localGit,
  localInstructions,
  localRunCommand
};
