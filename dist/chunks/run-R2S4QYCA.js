import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  apiKeyFor,
  changedFiles,
  localGit,
  localInstructions,
  localRunCommand
} from "./chunk-XDDJ5MQM.js";
import "./chunk-BPK7KC6Y.js";
import "./chunk-H6C3COZ7.js";
import "./chunk-YFVB34AV.js";
import "./chunk-Y7ZH4I5D.js";
import "./chunk-QSJTJI7B.js";
import "./chunk-3BHDHFUC.js";
import "./chunk-XTZKV72A.js";
import "./chunk-LMCTYMUF.js";
import "./chunk-PIKDBYOK.js";
import "./chunk-PKT7YCIY.js";
import "./chunk-2GDFMM4B.js";
import "./chunk-QV4DZ7X2.js";
import "./chunk-V57OO2RP.js";
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
