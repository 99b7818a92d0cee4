/**
 * --compare-peers: what a peer action pays on every run before its agent starts, `npm install` of
 * its CLI package into an empty directory (this one needs the network; it only runs when asked).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FIRST_MODEL_REQUEST_ROW } from './action-runs.js';
import { row, summarize, unavailable, type Row } from './stats.js';

export const PEER_PACKAGES = ['@anthropic-ai/claude-code', '@google/gemini-cli'];

function npmInstall(dir: string, pkg: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', dir, pkg], {
      stdio: ['ignore', 'ignore', 'pipe']
    });
    let stderr = '';
    child.stderr.on('data', chunk => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', code =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`npm install ${pkg}: exit ${code}: ${stderr.slice(-500)}`))
    );
  });
}

/**
 * What the peers' install is compared with: Kubrick's spawn → first model request, the time before
 * its agent starts, as the peer rows' baseline name says (not the first GitHub request, which comes
 * much earlier).
 */
export function peerBaseline(rows: Row[]): number | null {
  return rows.find(r => r.name === FIRST_MODEL_REQUEST_ROW)?.value ?? null;
}

export async function benchPeers(runs: number, coldStartMs: number | null): Promise<Row[]> {
  const rows: Row[] = [];
  for (const pkg of PEER_PACKAGES) {
    const name = `peer: npm install ${pkg} (per run)`;
    const samples: number[] = [];
    try {
      for (let i = 0; i < runs; i++) {
        // A fresh directory and cache each time, as on a fresh runner.
        const dir = mkdtempSync(join(tmpdir(), 'kubrick-bench-peer-'));
        try {
          process.env.npm_config_cache = join(dir, '.npm-cache');
          samples.push(await npmInstall(dir, pkg));
        } finally {
          delete process.env.npm_config_cache;
          rmSync(dir, { recursive: true, force: true });
        }
      }
      rows.push(
        row(name, 'ms', summarize(samples), {
          baseline: coldStartMs,
          baselineName: 'kubrick cold start to first model request'
        })
      );
    } catch (error) {
      rows.push(unavailable(name, 'ms', (error as Error).message));
    }
  }
  return rows;
}
