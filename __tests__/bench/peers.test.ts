import { describe, expect, it } from '@jest/globals';
import { peerBaseline } from '../../bench/peers.js';
import { row, summarize } from '../../bench/stats.js';

describe('--compare-peers', () => {
  it("divides the peers' install time by Kubrick's spawn → first model request, as the rows say", () => {
    const rows = [
      row('cold start: spawn → first GitHub API request', 'ms', summarize([273])),
      row('cold start: spawn → first model request', 'ms', summarize([752])),
      row('cold start: spawn → exit, one-turn fix run', 'ms', summarize([2500]))
    ];
    expect(peerBaseline(rows)).toBe(752);
    expect(peerBaseline(rows.slice(0, 1))).toBeNull();
  });
});
