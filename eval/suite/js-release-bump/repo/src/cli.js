#!/usr/bin/env node
import { VERSION } from './version.js';

if (process.argv.includes('--version')) {
  console.log(VERSION);
} else {
  console.log(`uploader ${VERSION}: usage: uploader FILE...`);
}
