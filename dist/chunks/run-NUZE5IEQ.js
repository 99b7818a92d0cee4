import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  apiKeyFor,
  changedFiles,
  runCommand
} from "./chunk-CIDJARNH.js";
import "./chunk-LB73NGK7.js";
import "./chunk-D47TTXUJ.js";
import "./chunk-H6C3COZ7.js";
import "./chunk-VHAHPCZP.js";
import "./chunk-GUHWF6ZN.js";
import "./chunk-XUDOS7BA.js";
import "./chunk-O5AFVZ6G.js";
import "./chunk-OIJDBABZ.js";
import "./chunk-XL737L73.js";
import "./chunk-QLYFVEQJ.js";
import "./chunk-MT3GVHK4.js";
import "./chunk-3E3X5MMN.js";
export {
  apiKeyFor,
  changedFiles,
  runCommand
};
