import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  apiKeyFor,
  changedFiles,
  localGit,
  localInstructions,
  localRunCommand
} from "./chunk-67AQBDRI.js";
import "./chunk-3GGUVETI.js";
import "./chunk-2CDSWFXI.js";
import "./chunk-H6C3COZ7.js";
import "./chunk-AQFD7YZZ.js";
import "./chunk-TA5JUVMM.js";
import "./chunk-5MMKOTRB.js";
import "./chunk-ST3VOCUF.js";
import "./chunk-PTJS2BYF.js";
import "./chunk-XTZKV72A.js";
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
