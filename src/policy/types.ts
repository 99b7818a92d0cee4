import type { McpRules } from './mcp.js';
import type { RuleId } from './rules.js';

/** A loaded, validated, self-tested policy file. */
export interface Policy {
  version: 1;
  /** Each entry as the maintainer wrote it, and parsed into words (quote removal applied). */
  allow: PolicyEntry[];
  deny: PolicyEntry[];
  /** The `mcp:` section: MCP tools allowed and denied by `server.tool` pattern (absent: none allowed). */
  mcp?: McpRules;
  /** Where it came from, for messages ("policy .github/kubrick-policy.yml on main"). */
  source: string;
}

export interface PolicyEntry {
  text: string;
  words: string[];
}

export interface PolicyContext {
  /** Absolute, realpath'd workspace root: paths in commands are checked against it. */
  workspace: string;
  /** Workspace-relative paths/globs that commands may not write (e.g. .git/**, the policy file). */
  protectedPaths: string[];
}

export interface PolicyDecision {
  decision: 'allow' | 'deny';
  /** For deny: the stable id of the rule that refused it (docs/policy.md lists them all). */
  rule?: RuleId;
  /** One sentence a model or maintainer understands. */
  reason: string;
  /** The part of the command that caused a deny (a word, a simple command, a redirection). */
  offending?: string;
  /** Every simple command found, as argv after quote removal (for the transcript). */
  commands?: string[][];
  /** For allow: what is actually executed (see run-command). */
  execution?: { kind: 'argv'; argv: string[] } | { kind: 'script'; script: string };
}

export class PolicyError extends Error {
  constructor(
    message: string,
    readonly details: { key?: string; line?: number } = {}
  ) {
    super(message);
    this.name = 'PolicyError';
  }
}
