import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listWorkspaceFiles } from '../tools/file-listing.js';
import type { Workspace } from '../tools/workspace.js';

export interface RepoOverview {
  /** Top of the file tree: first-level entries with file counts. */
  tree: string;
  readmeHead: string;
  testCommand: string | null;
}

/** The files the list_files tool would show (git's view, or a walk outside a work tree); none on error. */
async function listFiles(workspace: Workspace): Promise<string[]> {
  try {
    return (await listWorkspaceFiles(workspace, { directory: '.' })).files;
  } catch {
    return [];
  }
}

function summarizeTree(files: string[]): string {
  const top = new Map<string, number>();
  for (const file of files) {
    const slash = file.indexOf('/');
    const key = slash === -1 ? file : `${file.slice(0, slash)}/`;
    top.set(key, (top.get(key) ?? 0) + 1);
  }
  const entries = [...top.entries()].sort(([a], [b]) => a.localeCompare(b));
  const shown = entries.slice(0, 60).map(([name, n]) => (name.endsWith('/') ? `${name} (${n} files)` : name));
  if (entries.length > shown.length) shown.push(`… and ${entries.length - shown.length} more entries`);
  return shown.join('\n');
}

async function readHead(path: string, lines: number): Promise<string> {
  try {
    const text = await readFile(path, 'utf8');
    return text.split('\n').slice(0, lines).join('\n').slice(0, 3000);
  } catch {
    return '';
  }
}

/** Guesses how the project runs its tests, so the model does not have to explore for it. */
async function detectTestCommand(root: string, files: Set<string>): Promise<string | null> {
  if (files.has('package.json')) {
    try {
      const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
        scripts?: Record<string, string>;
      };
      if (pkg.scripts?.test) return 'npm test';
    } catch {
      // A broken package.json is for the model to find, not for the overview to report.
    }
  }
  if (files.has('Cargo.toml')) return 'cargo test';
  if (files.has('go.mod')) return 'go test ./...';
  if (files.has('pyproject.toml') || files.has('pytest.ini') || files.has('setup.py')) return 'pytest';
  if (files.has('Makefile')) return 'make test';
  return null;
}

export async function repoOverview(workspace: Workspace): Promise<RepoOverview> {
  const root = workspace.root;
  const files = await listFiles(workspace);
  const set = new Set(files);
  const readme = files.find(f => /^readme(\.md|\.rst|\.txt)?$/i.test(f));
  return {
    tree: summarizeTree(files),
    readmeHead: readme ? await readHead(join(root, readme), 30) : '',
    testCommand: await detectTestCommand(root, set)
  };
}
