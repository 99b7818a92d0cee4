// Types of scripts/licenses.mjs for the TypeScript tests that call it.
import type { Metafile } from 'esbuild';

export interface PackageLicence {
  name: string;
  version: string;
  /** The licence package.json declares (SPDX where it gives one). */
  licence: string;
  /** Each licence or notice file (path inside the package) with its text. */
  texts: { file: string; text: string }[];
}

export function bundledPackageDirs(metafile: Metafile): string[];
export function describePackage(root: string, packageDir: string): PackageLicence;
export function licensesText(root: string, metafile: Metafile): string;
