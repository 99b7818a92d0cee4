import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  apiKeyFor,
  changedFiles,
  localGit,
  localInstructions,
  localRunCommand
} from "./chunk-YXZZROBW.js";
import "./chunk-LKLZLTTT.js";
import "./chunk-H6C3COZ7.js";
import "./chunk-J4KUIEG5.js";
import "./chunk-6WENUGAH.js";
import "./chunk-VBCSLYBZ.js";
import "./chunk-MEXGLWBU.js";
import "./chunk-COFS5CHV.js";
import "./chunk-BRVQXLGQ.js";
import "./chunk-LMCTYMUF.js";
import "./chunk-PIKDBYOK.js";
import "./chunk-FXUUPOIS.js";
import "./chunk-XGNDQK3A.js";
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
