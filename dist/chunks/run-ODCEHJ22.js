import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  apiKeyFor,
  localInstructions,
  localRunCommand,
  sessionChanges,
  trustedLocalGit
} from "./chunk-PSXFWY5D.js";
import "./chunk-YKIS4CWJ.js";
import "./chunk-H6C3COZ7.js";
import "./chunk-J4KUIEG5.js";
import "./chunk-QSHTLRY7.js";
import "./chunk-VBCSLYBZ.js";
import "./chunk-QLPD7WVL.js";
import "./chunk-BRVQXLGQ.js";
import "./chunk-DJHR2ASC.js";
import "./chunk-COFS5CHV.js";
import "./chunk-LMCTYMUF.js";
import "./chunk-PIKDBYOK.js";
import "./chunk-H4MY3GRQ.js";
import "./chunk-4IT6WIMZ.js";
import "./chunk-QV4DZ7X2.js";
import "./chunk-JYDXIRY6.js";
import "./chunk-NYFBYEPR.js";
import "./chunk-MT3GVHK4.js";
import "./chunk-FJ64FDQQ.js";
import "./chunk-3E3X5MMN.js";
export {
  apiKeyFor,
  localInstructions,
  localRunCommand,
  sessionChanges,
  trustedLocalGit
};
