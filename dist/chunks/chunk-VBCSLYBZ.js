import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  decideMcp,
  parseMcpName,
  parseMcpPattern
} from "./chunk-PIKDBYOK.js";
import {
  array,
  lineOfKey,
  literal,
  require_dist,
  schemaKeysAt,
  strictObject,
  string,
  unknownKeyMessage
} from "./chunk-QV4DZ7X2.js";
import {
  errorMessage
} from "./chunk-FJ64FDQQ.js";
import {
  __toESM
} from "./chunk-3E3X5MMN.js";

// src/policy/paths.ts
import fs2 from "node:fs";
import path2 from "node:path";

// src/policy/fs-view.ts
import fs from "node:fs";
import path from "node:path";
var MAX_LINKS = 40, FsView = class {
  kinds = /* @__PURE__ */ new Map();
  links = /* @__PURE__ */ new Map();
  /** Symlinks and directories the script creates before a later command runs. */
  createdLinks = /* @__PURE__ */ new Map();
  createdDirs = /* @__PURE__ */ new Set();
  /** Names a command of the script may or may not have replaced (ln over an existing name): unknowable. */
  uncertain = /* @__PURE__ */ new Set();
  kind(absolute) {
    if (this.uncertain.has(absolute)) return "unknown";
    let created = this.createdLinks.has(absolute) ? "link" : this.createdDirs.has(absolute) ? "dir" : void 0;
    if (created) return created;
    let kind = this.kinds.get(absolute);
    return kind || (kind = lstatKind(absolute), this.kinds.set(absolute, kind), kind);
  }
  readlink(absolute) {
    let created = this.createdLinks.get(absolute);
    if (created !== void 0) return created;
    let target = this.links.get(absolute);
    if (target === void 0) {
      try {
        target = fs.readlinkSync(absolute);
      } catch {
        return;
      }
      this.links.set(absolute, target);
    }
    return target;
  }
  /** Names in a real directory plus the ones the script created there; undefined when unreadable. */
  list(directory) {
    let names = [];
    try {
      names = fs.readdirSync(directory);
    } catch (error) {
      let code = error.code;
      if (code !== "ENOENT" && code !== "ENOTDIR") return;
    }
    for (let created of [...this.createdLinks.keys(), ...this.createdDirs])
      path.dirname(created) === directory && names.push(path.basename(created));
    return [...new Set(names)];
  }
  /**
   * A link the script creates. Over a name that already exists the command may fail or replace
   * it, so later commands can rely on neither: paths through that name become unresolvable.
   */
  addLink(absolute, target) {
    this.kind(absolute) !== "missing" ? this.uncertain.add(absolute) : this.createdLinks.set(absolute, target);
  }
  addDirectory(absolute) {
    this.kind(absolute) === "missing" && this.createdDirs.add(absolute);
  }
  /**
   * Resolves `input` from the real directory `cwd`. `followLast` is false for operations on the
   * name itself (rm, ln's link name, lstat); writes and reads through a link follow it.
   */
  resolve(cwd, input, followLast = !0) {
    let todo = components(input), current = input.startsWith("/") ? "/" : cwd, missing2 = !1, hops = 0;
    for (; todo.length > 0; ) {
      let name = todo.shift();
      if (name === "..") {
        current = path.posix.dirname(current);
        continue;
      }
      let next = current === "/" ? `/${name}` : `${current}/${name}`;
      if (missing2) {
        current = next;
        continue;
      }
      let kind = this.kind(next);
      if (kind === "unknown") return { ok: !1, why: "unknown", at: next };
      if (kind === "missing") {
        missing2 = !0, current = next;
        continue;
      }
      if (kind === "link" && (todo.length > 0 || followLast)) {
        if (++hops > MAX_LINKS) return { ok: !1, why: "loop", at: next };
        let target = this.readlink(next);
        if (target === void 0) return { ok: !1, why: "unknown", at: next };
        todo.unshift(...components(target)), target.startsWith("/") && (current = "/");
        continue;
      }
      current = next;
    }
    return { ok: !0, path: current, missing: missing2 };
  }
};
function components(input) {
  return input.split("/").filter((part) => part !== "" && part !== ".");
}
function lstatKind(target) {
  try {
    let stat = fs.lstatSync(target, { throwIfNoEntry: !1 });
    return stat ? stat.isSymbolicLink() ? "link" : stat.isDirectory() ? "dir" : "file" : "missing";
  } catch (error) {
    let code = error.code;
    return code === "ENAMETOOLONG" || code === "ENOTDIR" || code === "ENOENT" ? "missing" : "unknown";
  }
}

// src/policy/rules.ts
var RULES = {
  "no-policy": { summary: "no policy file exists, so no command may run", example: "ls" },
  "empty-command": { summary: "the command is empty", example: " " },
  "command-too-long": {
    summary: "the command is longer than 100 000 characters",
    example: "ls aaaa\u2026(100 000 more)"
  },
  "nul-byte": { summary: "the command contains a NUL byte", example: "ls\0" },
  "parse-error": { summary: "the command is not complete shell syntax", example: 'echo "unterminated' },
  "hidden-character": {
    summary: "invisible or control characters (zero-width, bidi, non-breaking space, CR)",
    example: "echo 'a\u200Bb'"
  },
  "non-ascii": {
    summary: "non-ASCII in a command name, an option or an unquoted word (look-alike letters)",
    example: "\uFF4C\uFF53"
  },
  background: { summary: "running a command in the background with &", example: "ls &" },
  "time-keyword": { summary: "the time keyword", example: "time ls" },
  "control-structure": {
    summary: "if, for, while, until, case, select, [[ ]], (( )), coproc",
    example: "for f in a; do ls; done"
  },
  "function-definition": { summary: "defining a shell function", example: "f() { ls; }" },
  assignment: { summary: "variable assignments, before a command or alone", example: "FOO=1 ls" },
  "redirect-without-command": { summary: "a redirection with no command", example: "> out.txt" },
  "redirect-pattern": {
    summary: "a redirection target that is a file pattern or a brace expansion",
    example: "echo x > *.txt"
  },
  "redirect-fd-variable": { summary: "a {fd}> redirection that assigns a variable", example: "ls {fd}> x" },
  "heredoc-unclosed": { summary: "a here-document without its closing line", example: `cat <<EOF
x` },
  "heredoc-expansion": {
    summary: "an unquoted here-document body with $ or a backtick",
    example: `cat <<EOF
$HOME
EOF`
  },
  "command-substitution": {
    summary: "command or process substitution: $(\u2026), `\u2026`, <(\u2026)",
    example: "ls $(id)"
  },
  "variable-expansion": { summary: "any $ expansion: $HOME, ${X}, $1, $((\u2026))", example: "ls $HOME" },
  "quoting-expansion": { summary: `$'\u2026' and $"\u2026" quoting`, example: "ls $'\\x2f'" },
  tilde: { summary: "~ or ~user, which expand to a home directory", example: "ls ~" },
  "extended-glob": { summary: "extended globs such as @(a|b)", example: "ls @(a|b)" },
  "brace-too-large": { summary: "a brace expansion with more than 1024 results", example: "ls {1..5000}" },
  "glob-command-name": { summary: "a command name that is a file pattern", example: "l? -la" },
  "glob-dotdot": {
    summary: 'a pattern that can match "." or "..", or ".." after a pattern',
    example: "ls .*"
  },
  "glob-protected-write": {
    summary: "a pattern written to that could match a protected path (directly or through a link)",
    example: "tee */.git/config"
  },
  "glob-option": {
    summary: "a pattern at the start of an argument that matches a file named like an option",
    example: "ls *"
  },
  "program-wrapper": {
    summary: "eval, exec, env, sudo, xargs, timeout, \u2026 run a command hidden from the allowlist",
    example: "env ls"
  },
  "shell-state": {
    summary: "set, export, declare, read, trap, alias, \u2026 change state that later commands inherit",
    example: "set -e"
  },
  "process-control": { summary: "kill, wait, jobs, \u2026 act on other processes", example: "kill 1" },
  "builtin-subscript": {
    summary: "test/[ -v with an array subscript, or a builtin number that bash evaluates as arithmetic",
    example: "test -v 'a[$(id)]'"
  },
  "prefix-not-allowed": { summary: "no allow entry is a prefix of the command", example: "curl x" },
  "prefix-denied": { summary: "a deny entry is a prefix of the command", example: "git push origin main" },
  "path-outside": {
    summary: "a path that resolves outside the workspace (symlinks followed as the kernel does)",
    example: "cat /etc/passwd"
  },
  "path-proc": { summary: "a path under /proc", example: "cat /proc/self/environ" },
  "path-device": { summary: "a device path other than /dev/null", example: "cat /dev/sda" },
  "path-protected-write": {
    summary: "writing, moving or deleting a protected path (.git, .github/workflows, the policy, the config)",
    example: "echo x > .git/config"
  },
  "path-unresolvable": {
    summary: "a path whose symlinks cannot be resolved (loops, unreadable directories)",
    example: "cat loops/loop/x"
  },
  "workspace-root": {
    summary: "deleting, moving or changing the workspace root or a directory above it",
    example: "rm -r ."
  },
  "cd-target": { summary: "cd needs exactly one directory inside the workspace", example: "cd" },
  "too-many-directories": {
    summary: "a script that changes directory too often to check",
    example: "cd src; cd scripts; cd patches; cd evil"
  },
  "symlink-target": {
    summary: "a link whose target resolves outside the workspace or into a protected path",
    example: "ln -s /etc e"
  },
  "option-unknown": {
    summary: "an option the program grammar does not know (fail closed), or an ambiguous abbreviation",
    example: "cat --bogus x"
  },
  "option-value-missing": { summary: "an option that needs a value has none", example: "sort x -o" },
  "archive-unlisted": {
    summary: "an extraction whose targets cannot be listed first (compressed by an unsupported tool, stdin, missing)",
    example: "tar -xf missing.tar"
  },
  "archive-link": {
    summary: "an archive or patch that creates a symlink or hard link leading outside or into a protected path",
    example: "tar -xf links.tar"
  },
  "content-write": {
    summary: "an extraction, patch or recursive copy that writes a protected path or outside the workspace",
    example: "tar -xf evil.tar"
  },
  "content-too-large": {
    summary: "a pattern, directory or archive with too many entries to check",
    example: "cat many/*"
  },
  "interpreter-inline": {
    summary: "inline code (sh -c, python -c, node -e) when the interpreter is not allowed by its bare name",
    example: "python -c 'import os'"
  },
  "git-config-override": {
    summary: "git -c / --config-env: configuration such as core.pager runs commands",
    example: "git -c core.pager=sh diff"
  },
  "git-repository-override": {
    summary: "git -C, --git-dir, --work-tree, --bare, or git run outside the workspace root",
    example: "git -C /tmp status"
  },
  "git-exec-path": {
    summary: "git --exec-path=DIR changes where git finds its programs",
    example: "git --exec-path=. status"
  },
  "git-output": { summary: "git --output writes to any file", example: "git diff --output=/tmp/x" },
  "git-external-program": {
    summary: "git options that run a program: --ext-diff, --upload-pack, --receive-pack, --exec, grep -O",
    example: "git grep -Osh foo"
  },
  "git-runs-commands": {
    summary: "difftool, mergetool, filter-branch, submodule foreach, bisect run, rebase --exec, --template",
    example: "git rebase -x id main"
  },
  "git-config-write": { summary: "git config that writes a setting", example: "git config alias.x !sh" },
  "git-push-force": {
    summary: "git push --force, --mirror, --delete, +ref, :ref",
    example: "git push origin +main"
  },
  "git-subcommand-unknown": {
    summary: "a git subcommand without a grammar (aliases included)",
    example: "git frobnicate"
  },
  "npm-config": {
    summary: "npm options that choose the shell, node options, config files, editor or location",
    example: "npm test --script-shell=sh"
  },
  "npm-scripts-enabled": {
    summary: "npm flags that turn install scripts back on",
    example: "npm ci --ignore-scripts=false"
  },
  "npm-runs-commands": {
    summary: "npm exec -c, npx -c, explore, edit, config set",
    example: "npm explore x"
  },
  "find-exec": { summary: "find -exec, -execdir, -ok, -okdir", example: "find . -exec sh {} ;" },
  "find-delete": { summary: "find -delete", example: "find . -delete" },
  "program-option-exec": {
    summary: "an option whose value is a program to run (rg --pre, sort --compress-program, tar --to-command, \u2026)",
    example: "rg --pre=sh foo"
  },
  "tar-absolute-names": {
    summary: "tar -P / --absolute-names, --transform on extraction",
    example: "tar -xPf a.tar"
  },
  "sed-exec": { summary: "sed e command or s///e flag", example: "sed '1e id' a.txt" },
  "sed-file": { summary: "sed r, R, w, W commands and s///w", example: "sed 'w out' a.txt" },
  "sed-script-file": {
    summary: "a sed -f script that cannot be read and checked",
    example: "sed -f missing.sed a.txt"
  },
  "sed-in-place-suffix": { summary: "a sed -i suffix holding / or *", example: "sed -i'x/*' s/a/b/ a.txt" },
  "sed-unparsed": { summary: "a sed script the checker cannot follow", example: "sed 'k' a.txt" },
  "awk-exec": {
    summary: "awk system(), pipes to or from commands, |&",
    example: `awk 'BEGIN { system("id") }'`
  },
  "awk-file": {
    summary: "awk getline from a file, output redirection to a file",
    example: `awk '{ print > "x" }' a.txt`
  },
  "awk-environ": {
    summary: "awk ENVIRON, PROCINFO, SYMTAB, FUNCTAB",
    example: `awk 'BEGIN { print ENVIRON["HOME"] }'`
  },
  "awk-argv": {
    summary: "awk ARGV or ARGC (the program chooses its own input files)",
    example: `awk 'BEGIN { ARGV[1] = "/etc/passwd" } { print }' a.txt`
  },
  "awk-indirect": {
    summary: "awk @ syntax: indirect calls, @load, @include",
    example: "awk 'BEGIN { @f() }'"
  },
  "awk-continuation": {
    summary: "a backslash line continuation in an awk program",
    example: `awk 'BEGIN { x\\
}'`
  },
  "awk-extension": {
    summary: "awk -l/--load, -i/--include, -E/--exec, -D/--debug",
    example: "awk -l ext 1"
  },
  "awk-program-file": {
    summary: "an awk -f program file that cannot be read and checked",
    example: "awk -f missing.awk a.txt"
  },
  "jq-module": {
    summary: "a jq import/include whose module path is absolute, uses .. or sets a search path",
    example: `jq 'import "../../x" as x; .' a.json`
  },
  "printf-assign": { summary: "printf -v assigns a shell variable", example: "printf -v PATH x" }
}, RULE_IDS = Object.keys(RULES);
function denial(rule, reason, offending) {
  return { rule, reason, offending };
}

// src/policy/paths.ts
var ALWAYS_PROTECTED = [".git/**", ".github/workflows/**"];
function protectedPathsFor(policyPath, configPath) {
  let extra = [policyPath, configPath].map((p) => path2.posix.normalize(p.replace(/^\.?\/+/, "")));
  return [.../* @__PURE__ */ new Set([...ALWAYS_PROTECTED, ...extra])];
}
var DEFAULT_PROTECTED_PATHS = protectedPathsFor(
  ".github/kubrick-policy.yml",
  ".github/kubrick.yml"
), READABLE_OUTSIDE = /* @__PURE__ */ new Set(["/dev/null", "/dev/zero", "/dev/urandom", "/dev/random", "/dev/stdin"]), WRITABLE_OUTSIDE = /* @__PURE__ */ new Set(["/dev/null", "/dev/stdout", "/dev/stderr"]), MAX_GLOB_MATCHES = 2e3, MAX_TREE_WALK = 5e4;
function isInside(candidate, root) {
  return candidate === root || candidate.startsWith(root.endsWith("/") ? root : `${root}/`);
}
var rootCache = /* @__PURE__ */ new Map();
function protectedRoot(pattern) {
  let root = rootCache.get(pattern);
  return root || (root = pattern.replace(/\/\*\*$/, "").split("/").filter((p) => p !== "" && p !== ".").map((p) => p.toLowerCase()), rootCache.set(pattern, root)), root;
}
function protectedHit(relative, protectedPaths) {
  let parts = relative.split("/").filter((p) => p !== "" && p !== ".").map((p) => p.toLowerCase());
  if (parts.includes(".git")) return ".git/**";
  for (let pattern of protectedPaths) {
    let root = protectedRoot(pattern);
    if (root.length <= parts.length && root.every((name, index) => parts[index] === name)) return pattern;
  }
}
function containsProtected(relative, protectedPaths) {
  let parts = relative.split("/").filter((p) => p !== "" && p !== ".").map((p) => p.toLowerCase());
  for (let pattern of protectedPaths) {
    let root = protectedRoot(pattern);
    if (parts.length <= root.length && parts.every((name, index) => root[index] === name)) return pattern;
  }
}
function realpathOfLongestExisting(absolute) {
  let resolved = new FsView().resolve("/", absolute);
  return resolved.ok ? resolved.path : absolute;
}
var PathJudge = class {
  constructor(ctx) {
    this.ctx = ctx;
    this.workspace = ctx.workspace, this.protectedPaths = ctx.protectedPaths;
  }
  ctx;
  fs = new FsView();
  workspace;
  protectedPaths;
  /** A write earlier in the script created a name starting with "-", which a later glob could expand to. */
  createdDashName = !1;
  /**
   * An earlier command of the script rewrote the working tree from git's objects (checkout, reset,
   * stash, merge, …), which can turn any name into a symlink: paths after it cannot be judged.
   */
  opaqueAfter;
  relative(absolute) {
    return path2.relative(this.workspace, absolute);
  }
  /** Judges a literal path string from every directory the command may run in. */
  path(raw, access, cwds, offending = raw) {
    if (raw !== "") {
      if (this.opaqueAfter !== void 0) return this.opaque(raw, offending);
      if (access !== "read" && path2.posix.basename(raw).startsWith("-") && (this.createdDashName = !0), raw.startsWith("/")) {
        let lexical = path2.posix.normalize(raw);
        if (access === "read" && READABLE_OUTSIDE.has(lexical) || access !== "read" && WRITABLE_OUTSIDE.has(lexical)) return;
      }
      for (let cwd of raw.startsWith("/") ? [this.workspace] : cwds) {
        let found = this.judgeFrom(cwd, raw, access, offending);
        if (found) return found;
      }
    }
  }
  judgeFrom(cwd, raw, access, offending) {
    let followLast = access === "read" || access === "write" || /\/\.?$/.test(raw), named = this.fs.resolve(cwd, raw, followLast);
    if (!named.ok)
      return denial(
        "path-unresolvable",
        `"${raw}" goes through symbolic links that cannot be resolved (${named.why === "loop" ? "a loop" : "an unreadable directory"} at ${this.display(named.at)})`,
        offending
      );
    let outside = this.outside(named.path, raw, access, offending);
    if (outside !== "inside") return outside;
    if (access === "read") return;
    let targets = [named.path];
    if (!followLast) {
      let followed = this.fs.resolve(cwd, raw, !0);
      followed.ok && isInside(followed.path, this.workspace) && access === "write-name" && targets.push(followed.path);
    }
    for (let target of targets) {
      let relative = this.relative(target);
      if ((access === "write-tree" || access === "write-name") && relative === "")
        return denial(
          "workspace-root",
          `"${raw}" is the workspace root, which commands may not remove, move or change as a whole`,
          offending
        );
      let hit = protectedHit(relative, this.ctx.protectedPaths);
      if (hit)
        return denial(
          "path-protected-write",
          `"${raw}" resolves to ${relative === "" ? "the workspace root" : `"${relative}"`}, under the protected path "${hit}", which commands may read but not change`,
          offending
        );
      if (access === "write-tree") {
        let holder = containsProtected(relative, this.ctx.protectedPaths);
        if (holder)
          return denial(
            "path-protected-write",
            `"${raw}" holds the protected path "${holder}", so removing, moving or changing it as a whole is not allowed`,
            offending
          );
      }
    }
  }
  opaque(raw, offending) {
    return denial(
      "path-unresolvable",
      `"${raw}" comes after \`${this.opaqueAfter ?? "git"}\` in the same script, which can replace any file with a symbolic link; run it as its own command first`,
      offending
    );
  }
  /** 'inside', or the denial for a resolved path outside the workspace. */
  outside(resolved, raw, access, offending) {
    if (resolved === "/proc" || resolved.startsWith("/proc/") || /^\/proc(\/|$)/.test(path2.posix.normalize(raw)))
      return denial(
        "path-proc",
        `"${raw}" is under /proc, which exposes process secrets and is never allowed`,
        offending
      );
    if (isInside(resolved, this.workspace)) return "inside";
    if (access === "read" && READABLE_OUTSIDE.has(resolved) || access !== "read" && WRITABLE_OUTSIDE.has(resolved)) return;
    if (resolved === "/dev" || resolved.startsWith("/dev/"))
      return denial("path-device", `"${raw}" is a device path; only /dev/null is allowed`, offending);
    let how = raw.startsWith("/") && resolved === path2.posix.normalize(raw) ? "" : ` (it resolves to ${resolved}, following symbolic links as the kernel does)`;
    return denial(
      "path-outside",
      `"${raw}" leaves the workspace${how}; use paths inside the workspace root`,
      offending
    );
  }
  display(absolute) {
    return isInside(absolute, this.workspace) ? this.relative(absolute) || "." : absolute;
  }
  /** Judges one shell field: a literal path, or a glob against what it matches now and what it could match. */
  field(field, access, cwds, offending) {
    if (!field.glob) return this.path(field.value, access, cwds, offending);
    if (this.opaqueAfter !== void 0) return this.opaque(field.value, offending);
    let segments = field.segments, sawGlob = !1;
    for (let segment2 of segments)
      if (segment2.kind === "glob") {
        if (sawGlob = !0, segment2.leadingDot && (segment2.regex.test("..") || segment2.regex.test(".")))
          return denial(
            "glob-dotdot",
            `the pattern "${field.value}" can match "." or ".."; name the files explicitly`,
            offending
          );
      } else if (sawGlob && segment2.text === "..")
        return denial(
          "glob-dotdot",
          `"${field.value}" has ".." after a pattern and may leave the workspace; write the path without ".."`,
          offending
        );
    let firstGlob = segments.findIndex((s) => s.kind === "glob"), prefix = segments.slice(0, firstGlob).map((s) => s.kind === "literal" ? s.text : "").join("/"), rest = segments.slice(firstGlob), absolute = field.value.startsWith("/");
    for (let cwd of absolute ? ["/"] : cwds) {
      let base = this.fs.resolve(cwd, absolute ? prefix || "/" : prefix || ".", !0);
      if (!base.ok) return this.path(prefix, access, [cwd], offending);
      if (access !== "read") {
        let hit = this.patternHitsProtected(base.path, rest);
        if (hit)
          return denial(
            "glob-protected-write",
            `the pattern "${field.value}" could match the protected path "${hit}" (directly or through a link), which commands may not change`,
            offending
          );
      }
      let matches = this.expand(base.path, rest);
      if (matches === "too-many")
        return denial(
          "content-too-large",
          `the pattern "${field.value}" matches more than ${MAX_GLOB_MATCHES} paths; narrow it`,
          offending
        );
      let candidates = matches.length > 0 ? matches : [path2.posix.join(base.path, field.value.slice(prefix.length))];
      if (matches.length === 0) {
        let outside = this.outside(base.path, field.value, access, offending);
        if (outside !== "inside" && outside !== void 0) return outside;
        continue;
      }
      for (let match of candidates) {
        let found = this.path(match, access, [cwd], offending);
        if (found)
          return {
            ...found,
            reason: `the pattern "${field.value}" matches "${this.display(match)}": ${found.reason}`
          };
      }
    }
  }
  /**
   * Whether a pattern rooted at `base` could name a protected path: from the workspace root, or at
   * any depth after a glob segment (which could match a link back to the root, such as `self -> .`).
   */
  patternHitsProtected(base, rest) {
    let segments = [...isInside(base, this.workspace) ? this.relative(base).split("/").filter((p) => p !== "").map((text2) => ({ kind: "literal", text: text2 })) : [], ...rest].filter(
      (s) => !(s.kind === "literal" && (s.text === "" || s.text === "."))
    );
    for (let k = 0; k < segments.length; k++) {
      if (segmentMatches(segments[k], ".git")) return ".git/**";
      let afterGlob = segments.slice(0, k).some((s) => s.kind === "glob");
      if (!(k > 0 && !afterGlob))
        for (let pattern of this.ctx.protectedPaths) {
          let root = protectedRoot(pattern);
          if (root.length > 0 && root.every((name, index) => segmentMatches(segments[k + index], name)))
            return pattern;
        }
    }
  }
  /** What bash would expand a glob field to now, from `cwd`: existing paths only, as the words it passes. */
  globMatches(field, cwd) {
    let segments = field.segments, firstGlob = segments.findIndex((s) => s.kind === "glob");
    if (firstGlob < 0) return [];
    let prefix = segments.slice(0, firstGlob).map((s) => s.kind === "literal" ? s.text : "").join("/"), absolute = field.value.startsWith("/"), base = this.fs.resolve(cwd, absolute ? prefix || "/" : prefix || ".", !0);
    if (!base.ok) return [];
    let found = this.expand(base.path, segments.slice(firstGlob));
    if (found === "too-many") return [];
    let trailingSlash = segments[segments.length - 1]?.kind === "literal" && segments.length > 1 && segments[segments.length - 1].text === "";
    return found.filter((match) => {
      let resolved = this.fs.resolve("/", match, !0);
      return resolved.ok && !resolved.missing && (!trailingSlash || this.fs.kind(resolved.path) === "dir");
    }).map((match) => absolute ? match : path2.relative(base.path, match)).map((match) => prefix === "" || absolute ? match : `${prefix}/${match}`);
  }
  /** Every path the glob segments match under `base` now (including links the script created). */
  expand(base, rest) {
    let current = [base];
    for (let segment2 of rest) {
      let next = [];
      for (let directory of current) {
        if (segment2.kind === "literal") {
          next.push(segment2.text === "" ? directory : path2.posix.join(directory, segment2.text));
          continue;
        }
        let real = this.fs.resolve("/", directory, !0), names = real.ok ? this.fs.list(real.path) ?? [] : [];
        for (let name of names)
          name.startsWith(".") && !segment2.leadingDot || segment2.regex.test(name) && next.push(path2.posix.join(directory, name));
        if (next.length > MAX_GLOB_MATCHES) return "too-many";
      }
      current = next;
    }
    return current;
  }
  /**
   * For programs that follow symbolic links while they recurse (grep -R, rg -L, find -L, diff -r,
   * du -L, cp -rL, tar -h): every link under the tree must lead inside the workspace, or the
   * program reads outside through it. Links that stay inside are not descended (their targets are
   * walked where they are).
   */
  treeLinksOut(raw, cwds, offending) {
    for (let cwd of cwds) {
      let root = this.real(raw, cwd);
      if (!root || !isInside(root, this.workspace)) continue;
      let queue = [root], count = 0;
      for (; queue.length > 0; ) {
        let directory = queue.shift(), entries;
        try {
          entries = fs2.readdirSync(directory, { withFileTypes: !0 });
        } catch {
          continue;
        }
        for (let entry of entries) {
          if (++count > MAX_TREE_WALK)
            return denial(
              "content-too-large",
              `"${raw}" holds more than ${MAX_TREE_WALK} entries to check for links leading out; use the form that does not follow links (grep -r, find without -L) or name a smaller directory`,
              offending
            );
          let child = `${directory}/${entry.name}`;
          if (entry.isDirectory()) queue.push(child);
          else if (entry.isSymbolicLink()) {
            let target = this.fs.resolve("/", child, !0);
            if (!target.ok)
              return denial(
                "path-unresolvable",
                `"${this.display(child)}" is a link that cannot be resolved`,
                offending
              );
            if (!isInside(target.path, this.workspace) && !READABLE_OUTSIDE.has(target.path))
              return denial(
                "path-outside",
                `following links under "${raw}" reaches "${this.display(child)}", which leads to ${target.path}, outside the workspace`,
                offending
              );
          }
        }
      }
    }
  }
  /** Whether a path exists now (or was created by the script). */
  exists(raw, cwd) {
    let resolved = this.fs.resolve(cwd, raw, !0);
    return resolved.ok && !resolved.missing;
  }
  isDirectory(raw, cwd) {
    let resolved = this.fs.resolve(cwd, raw, !0);
    return resolved.ok && !resolved.missing && this.fs.kind(resolved.path) === "dir";
  }
  /** The real absolute path, or undefined when it cannot be resolved. */
  real(raw, cwd, followLast = !0) {
    let resolved = this.fs.resolve(cwd, raw, followLast);
    return resolved.ok ? resolved.path : void 0;
  }
  /** Reads a small workspace file (a sed or awk script, a patch) or undefined. */
  readText(raw, cwd, limit = 1e6) {
    let real = this.real(raw, cwd);
    if (!(!real || !isInside(real, this.workspace)))
      try {
        let stat = fs2.statSync(real);
        return !stat.isFile() || stat.size > limit ? void 0 : fs2.readFileSync(real, "utf8");
      } catch {
        return;
      }
  }
};
function segmentMatches(segment2, name) {
  return segment2 ? segment2.kind === "literal" ? segment2.text.toLowerCase() === name : name.startsWith(".") && !segment2.leadingDot ? !1 : segment2.regex.test(name) || new RegExp(segment2.regex.source, "is").test(name) : !1;
}

// src/policy/decide.ts
import path7 from "node:path";

// node_modules/unbash/dist/ansi-c.js
function isOctal(code) {
  return code >= 48 && code <= 55;
}
function isHex(code) {
  return code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102;
}
function codePoint(value, fallback) {
  try {
    return String.fromCodePoint(value);
  } catch {
    return fallback;
  }
}
var utf8 = new TextDecoder("utf-8", { ignoreBOM: !0 });
function decodeBytes(bytes) {
  return utf8.decode(new Uint8Array(bytes));
}
function readByteEscape(source, pos, limit) {
  if (source.charCodeAt(pos) !== 92 || pos + 2 > limit)
    return;
  let escaped = source.charCodeAt(pos + 1), digitsStart = pos + 2, end = digitsStart;
  if (escaped === 120) {
    for (; end < limit && end - digitsStart < 2 && isHex(source.charCodeAt(end)); )
      end++;
    return end === digitsStart ? void 0 : { value: Number.parseInt(source.slice(digitsStart, end), 16), end };
  }
  if (isOctal(escaped)) {
    for (; end < limit && end - digitsStart < 2 && isOctal(source.charCodeAt(end)); )
      end++;
    return { value: Number.parseInt(source.slice(pos + 1, end), 8) & 255, end };
  }
}
function decodeAnsiCQuoted(source, start, limit) {
  let pos = start, value = "", bytes = [], nul = -1;
  for (; pos < limit && source.charCodeAt(pos) !== 39; ) {
    let escapeStart = pos, byte = readByteEscape(source, pos, limit);
    if (byte && byte.value >= 128) {
      bytes.push(byte.value), pos = byte.end;
      continue;
    }
    if (bytes.length > 0 && (value += decodeBytes(bytes), bytes = []), byte) {
      byte.value === 0 && nul === -1 && (nul = value.length), value += String.fromCharCode(byte.value), pos = byte.end;
      continue;
    }
    if (source.charCodeAt(pos) !== 92 || pos + 1 >= limit) {
      let runStart = pos;
      for (; pos < limit; ) {
        let code = source.charCodeAt(pos);
        if (code === 39 || code === 92 && pos + 1 < limit)
          break;
        pos++;
      }
      value += source.slice(runStart, pos);
      continue;
    }
    pos++;
    let escaped = source[pos++];
    switch (escaped) {
      case "a":
        value += "\x07";
        break;
      case "b":
        value += "\b";
        break;
      case "e":
      case "E":
        value += "\x1B";
        break;
      case "f":
        value += "\f";
        break;
      case "n":
        value += `
`;
        break;
      case "r":
        value += "\r";
        break;
      case "t":
        value += "	";
        break;
      case "v":
        value += "\v";
        break;
      case "\\":
        value += "\\";
        break;
      case "'":
        value += "'";
        break;
      case '"':
        value += '"';
        break;
      case "?":
        value += "?";
        break;
      case `
`:
        break;
      case "c": {
        let code = pos < limit ? source.charCodeAt(pos) : 39;
        if (code === 39) {
          value += source.slice(escapeStart, pos);
          break;
        }
        if (pos++, code === 92) {
          let pair = pos < limit && source.charCodeAt(pos) === 92;
          pair && pos++, value += "", !pair && pos < limit && (value += source[pos], pos++);
          break;
        }
        let control = code === 63 ? 127 : code & 31;
        control === 0 && code < 128 && nul === -1 && (nul = value.length), value += String.fromCharCode(control);
        break;
      }
      case "u":
      case "U": {
        let digitsStart = pos, maxDigits = escaped === "u" ? 4 : 8;
        for (; pos < limit && pos - digitsStart < maxDigits && isHex(source.charCodeAt(pos)); )
          pos++;
        if (pos === digitsStart) {
          value += `\\${escaped}`;
          break;
        }
        let raw = source.slice(escapeStart, pos), point = Number.parseInt(source.slice(digitsStart, pos), 16);
        point === 0 && nul === -1 && (nul = value.length), value += codePoint(point, raw);
        break;
      }
      default:
        value += `\\${escaped}`;
        break;
    }
  }
  bytes.length > 0 && (value += decodeBytes(bytes)), nul !== -1 && (value = value.slice(0, nul));
  let closed = pos < limit;
  return closed && pos++, { value, end: pos, closed };
}

// node_modules/unbash/dist/expansion.js
var ScriptExpansionImpl = class _ScriptExpansionImpl {
  static _resolveScript;
  type;
  pos;
  end;
  text;
  #window;
  #script = void 0;
  constructor(type, pos, end, text2, window) {
    this.type = type, this.pos = pos, this.end = end, this.text = text2, this.#window = window;
  }
  get script() {
    let window = this.#window;
    if (window !== void 0) {
      let script = _ScriptExpansionImpl._resolveScript(window.source, window.start, window.end, window.depth, window.parenBoundary, window.context);
      window.context === void 0 && (script.source = window.source), this.script = script;
    }
    return this.#script;
  }
  set script(script) {
    this.#script = script, this.#window = void 0;
  }
  toJSON() {
    return { type: this.type, pos: this.pos, end: this.end, text: this.text, script: this.script };
  }
}, ProcessSubstitutionImpl = class extends ScriptExpansionImpl {
  operator;
  constructor(pos, end, text2, operator, window) {
    super("ProcessSubstitution", pos, end, text2, window), this.operator = operator;
  }
  toJSON() {
    return {
      type: this.type,
      pos: this.pos,
      end: this.end,
      text: this.text,
      operator: this.operator,
      script: this.script
    };
  }
}, ArithmeticExpansionImpl = class _ArithmeticExpansionImpl {
  static _resolveExpression;
  type = "ArithmeticExpansion";
  pos;
  end;
  text;
  #window;
  #expression = void 0;
  constructor(pos, end, text2, window) {
    this.pos = pos, this.end = end, this.text = text2, this.#window = window;
  }
  get expression() {
    let window = this.#window;
    return window !== void 0 && (this.expression = _ArithmeticExpansionImpl._resolveExpression(window.body, window.offset, window.source, window.depth, window.context, window.depth + 1)), this.#expression;
  }
  set expression(expression) {
    this.#expression = expression, this.#window = void 0;
  }
  toJSON() {
    return { type: this.type, pos: this.pos, end: this.end, text: this.text, expression: this.expression };
  }
};

// node_modules/unbash/dist/word-value.js
function dequoteValue(parts) {
  let s = "";
  for (let c of parts)
    s += c.type === "Literal" ? c.value : c.text;
  return s;
}
function unescapeBareValue(text2) {
  let first = text2.indexOf("\\");
  if (first === -1)
    return text2;
  let s = "", start = 0;
  for (let i = first; i < text2.length; i++)
    if (text2.charCodeAt(i) === 92) {
      if (s += text2.slice(start, i), i++, i >= text2.length) {
        s += "\\", start = i;
        break;
      }
      text2.charCodeAt(i) !== 10 && (s += text2[i]), start = i + 1;
    }
  return s + text2.slice(start);
}
function continuedExpansionValue(text2) {
  let pos = 1;
  for (; text2[pos] === "\\" && text2[pos + 1] === `
`; )
    pos += 2;
  return pos === 1 || text2[pos] !== "(" ? text2 : text2[0] + text2.slice(pos);
}
function wordPartsValue(parts) {
  let value = "";
  for (let part of parts)
    switch (part.type) {
      case "Literal":
      case "Glob":
      case "SingleQuoted":
      case "AnsiCQuoted":
        value += part.value;
        break;
      case "DoubleQuoted":
      case "LocaleString":
        value += dequoteValue(part.parts);
        break;
      case "CommandExpansion":
        value += part.text[0] === "$" ? continuedExpansionValue(part.text) : part.text;
        break;
      case "ExtendedGlob":
        value += continuedExpansionValue(part.text);
        break;
      default:
        value += part.text;
        break;
    }
  return value;
}

// node_modules/unbash/dist/word.js
var WordImpl = class {
  type = "Word";
  text;
  pos;
  end;
  #source;
  #resolver;
  #depth;
  #parts;
  #value = null;
  constructor(text2, pos, end, source, resolver, depth = 0) {
    this.text = text2, this.pos = pos, this.end = end, this.#source = source, this.#resolver = resolver, this.#depth = depth, this.#parts = resolver === void 0 ? void 0 : null;
  }
  get value() {
    if (this.#value === null) {
      let parts = this.#source === void 0 && this.#parts === null ? void 0 : this.parts;
      this.#value = parts ? wordPartsValue(parts) : unescapeBareValue(this.text);
    }
    return this.#value;
  }
  get parts() {
    return this.#parts === null && (this.#parts = this.#resolver?.(this.#source ?? "", this, this.#depth) ?? void 0), this.#parts;
  }
  set parts(v) {
    this.#parts = v ?? void 0;
  }
  toJSON() {
    return { type: this.type, text: this.text, pos: this.pos, end: this.end, parts: this.parts, value: this.value };
  }
};

// node_modules/unbash/dist/substitution-context.js
function createSubstitutionContext(parent) {
  return { boundaries: parent === void 0 ? void 0 : substitutionBoundaries(parent), wordParts: void 0, embeddedParts: void 0, arrayParts: void 0 };
}
function substitutionBoundaries(context) {
  return context.boundaries ?? (context.boundaries = /* @__PURE__ */ new Map());
}

// node_modules/unbash/dist/chars.js
function skipLineContinuations(source, pos, end) {
  for (; pos + 1 < end && source.charCodeAt(pos) === 92 && source.charCodeAt(pos + 1) === 10; )
    pos += 2;
  return pos;
}

// node_modules/unbash/dist/glob.js
function hasGlobCharacters(text2) {
  return /[*?[]/.test(text2);
}
var bracketSyntax = new Uint8Array(128);
bracketSyntax[33] = 1;
bracketSyntax[94] = 1;
bracketSyntax[91] = 1;
bracketSyntax[93] = 1;
bracketSyntax[58] = 1;
bracketSyntax[46] = 1;
bracketSyntax[61] = 1;
bracketSyntax[45] = 1;
bracketSyntax[92] = 1;
function bracketEnds(source, start, end, parts, offset) {
  let close = end - 1;
  for (; close > start && source.charCodeAt(close) !== 93; )
    close--;
  if (close === start)
    return null;
  let positions = [], kinds = [], members = [], partIndex = 0, symbols = !1;
  for (let pos = start; pos < end; pos++) {
    for (; parts && partIndex < parts.length && parts[partIndex].end <= pos + offset; )
      partIndex++;
    let part = parts?.[partIndex], tokenPos = pos, kind = 0;
    if (part && part.pos <= pos + offset && part.type !== "Literal")
      pos = part.end - offset - 1;
    else {
      if (kind = source.charCodeAt(pos), kind === 92 && pos + 1 < end && source.charCodeAt(pos + 1) === 10) {
        pos++;
        continue;
      }
      (kind >= 128 || !bracketSyntax[kind]) && (kind = 0);
    }
    let last = kinds.length - 1;
    if (kind === 0 && last >= 0 && kinds[last] === 0) {
      members[last]++;
      continue;
    }
    last >= 0 && kinds[last] === 91 && (kind === 58 || kind === 61 || kind === 46) && (symbols = !0), positions.push(tokenPos), kinds.push(kind), members.push(1);
  }
  let count = kinds.length, symbolEnd;
  if (symbols) {
    symbolEnd = new Int32Array(count).fill(-1);
    let close2 = -1, colon = -1, eq = -1, dot = -1;
    for (let i = count - 1; i >= 0; i--) {
      let kind = kinds[i + 2];
      if (kind === 93 ? close2 = i + 2 : kinds[i + 3] === 93 && (kind === 58 ? colon = i + 2 : kind === 61 ? eq = i + 2 : kind === 46 && (dot = i + 2)), kinds[i] !== 91)
        continue;
      let type = kinds[i + 1], found = type === 58 ? colon : type === 61 ? eq : type === 46 ? dot : -1;
      found !== -1 && (type === 46 || close2 === -1 || close2 > found) && (symbolEnd[i] = found + 2);
    }
  }
  let subBracket = (open) => symbolEnd === void 0 ? -1 : symbolEnd[open], endFrom = new Int32Array(count + 2).fill(-1), resume = (next, range) => {
    if (next >= count)
      return -1;
    if (range && kinds[next] === 45 && next + 1 < count && kinds[next + 1] !== 93) {
      let last = next + 1;
      if (kinds[last] === 92) {
        if (last + 1 >= count)
          return -1;
        last++;
      }
      let after = last + 1;
      if (kinds[last] === 91 && kinds[last + 1] === 46) {
        let symbol = subBracket(last);
        symbol !== -1 && (after = symbol);
      } else if (kinds[last] === 0 && members[last] > 1)
        return endFrom[last];
      return after >= count ? -1 : kinds[after] === 93 ? after + 1 : endFrom[after];
    }
    return kinds[next] === 93 ? next + 1 : endFrom[next];
  };
  for (let t = count - 1; t >= 0; t--) {
    let kind = kinds[t], after = t + 1, range = !0;
    if (kind === 92) {
      if (t + 1 >= count)
        continue;
      after = t + 2;
    } else if (kind === 91) {
      let type = kinds[t + 1];
      if (type === 58 || type === 61 || type === 46) {
        let symbol = subBracket(t);
        symbol !== -1 && (after = symbol, range = type === 46);
      }
    }
    endFrom[t] = resume(after, range);
  }
  let ends = /* @__PURE__ */ new Map();
  for (let t = 0; t < count; t++) {
    if (kinds[t] !== 91)
      continue;
    let first = t + 1;
    if ((kinds[first] === 33 || kinds[first] === 94) && first++, first >= count)
      continue;
    let close2 = kinds[first] === 93 ? resume(first + 1, !0) : endFrom[first];
    close2 !== -1 && ends.set(positions[t], positions[close2 - 1] + 1);
  }
  return ends;
}
function appendRange(source, start, end, parts, index, offset, result) {
  for (; start < end; ) {
    for (; parts && index < parts.length && parts[index].end <= start + offset; )
      index++;
    let part = parts?.[index];
    if (part && part.pos === start + offset && part.end <= end + offset) {
      result.push(part), start = part.end - offset, index++;
      continue;
    }
    let stop = part ? Math.min(end, (part.pos > start + offset ? part.pos : part.end) - offset) : end, text2 = source.slice(start, stop);
    result.push({ type: "Literal", pos: start + offset, end: stop + offset, text: text2, value: unescapeBareValue(text2) }), start = stop;
  }
  return index;
}
function parseGlobParts(source, start, end, parts, offset = 0) {
  let result, brackets, partIndex = 0, emittedIndex = 0, literalStart = start;
  for (let pos = start; pos < end; pos++) {
    for (; parts && partIndex < parts.length && parts[partIndex].end <= pos + offset; )
      partIndex++;
    let part = parts?.[partIndex];
    if (part && part.pos <= pos + offset && part.type !== "Literal") {
      pos = part.end - offset - 1;
      continue;
    }
    let character = source.charCodeAt(pos);
    if (character === 92) {
      pos++;
      continue;
    }
    let globEnd;
    if (character === 42 || character === 63) {
      let limit = part ? Math.min(end, part.end - offset) : end, next = skipLineContinuations(source, pos + 1, limit);
      if (next < limit && source.charCodeAt(next) === 40)
        continue;
      if (globEnd = pos + 1, character === 42)
        for (; globEnd < limit && source.charCodeAt(globEnd) === 42; ) {
          let next2 = skipLineContinuations(source, globEnd + 1, limit);
          if (next2 < limit && source.charCodeAt(next2) === 40)
            break;
          globEnd++;
        }
    } else if (character === 91) {
      brackets === void 0 && (brackets = bracketEnds(source, pos, end, parts, offset));
      let close = brackets?.get(pos);
      if (close === void 0)
        continue;
      globEnd = close;
    } else
      continue;
    result || (result = []), emittedIndex = appendRange(source, literalStart, pos, parts, emittedIndex, offset, result);
    let text2 = source.slice(pos, globEnd), glob;
    if (character === 91) {
      let interior = [];
      emittedIndex = appendRange(source, pos + 1, globEnd - 1, parts, emittedIndex, offset, interior), glob = {
        type: "Glob",
        kind: "bracket",
        pos: pos + offset,
        end: globEnd + offset,
        text: text2,
        value: "[" + wordPartsValue(interior) + "]",
        parts: interior
      };
    } else
      glob = {
        type: "Glob",
        kind: character === 42 ? "star" : "question",
        pos: pos + offset,
        end: globEnd + offset,
        text: text2,
        value: text2,
        parts: void 0
      };
    result.push(glob), literalStart = globEnd, pos = globEnd - 1;
  }
  return result ? (appendRange(source, literalStart, end, parts, emittedIndex, offset, result), result) : parts ?? void 0;
}

// node_modules/unbash/dist/lexer.js
var Token = {
  Word: 0,
  Assignment: 1,
  Semi: 2,
  Newline: 3,
  Pipe: 4,
  And: 5,
  Or: 6,
  Amp: 7,
  LParen: 8,
  RParen: 9,
  LBrace: 10,
  RBrace: 11,
  Bang: 12,
  If: 13,
  Then: 14,
  Else: 15,
  Elif: 16,
  Fi: 17,
  Do: 18,
  Done: 19,
  For: 20,
  While: 21,
  Until: 22,
  In: 23,
  Case: 24,
  Esac: 25,
  Function: 26,
  DoubleSemi: 27,
  SemiAmp: 28,
  DoubleSemiAmp: 29,
  Select: 30,
  DblLBracket: 31,
  DblRBracket: 32,
  EOF: 33,
  ArithCmd: 34,
  Coproc: 35,
  Redirect: 36
}, TokenValue = class {
  token = Token.EOF;
  // Materialized token value, or null for word tokens whose value has not been
  // requested yet (computed from [pos, end) on demand via the owning lexer).
  _value = "";
  _owner;
  pos = 0;
  end = 0;
  fileDescriptor = void 0;
  variableName = void 0;
  descriptorEnd = 0;
  delimiterQuoted = !1;
  content = void 0;
  targetPos = 0;
  targetEnd = 0;
  assignmentOperatorPos = -1;
  // True when `value` is exactly the raw source span [pos, end) — lets consumers
  // reuse the string instead of slicing the source again.
  raw = !1;
  // True when a word contains no quoting, escaped characters, or expansions.
  // Backslash-newline continuations preserve keyword eligibility.
  keywordEligible = !1;
  constructor(owner = null) {
    this._owner = owner;
  }
  get value() {
    return this._value ?? (this._value = this._owner === null ? "" : this._owner._tokenValue(this.pos, this.end, this.raw));
  }
  set value(v) {
    this._value = v;
  }
  reset() {
    this.token = Token.EOF, this._value = "", this.pos = 0, this.end = 0, this.fileDescriptor = void 0, this.variableName = void 0, this.descriptorEnd = 0, this.delimiterQuoted = !1, this.content = void 0, this.targetPos = 0, this.targetEnd = 0, this.assignmentOperatorPos = -1, this.raw = !1, this.keywordEligible = !1;
  }
  copyFrom(other) {
    this.token = other.token, this._value = other._value, this.pos = other.pos, this.end = other.end, this.fileDescriptor = other.fileDescriptor, this.variableName = other.variableName, this.descriptorEnd = other.descriptorEnd, this.delimiterQuoted = other.delimiterQuoted, this.content = other.content, this.targetPos = other.targetPos, this.targetEnd = other.targetEnd, this.assignmentOperatorPos = other.assignmentOperatorPos, this.raw = other.raw, this.keywordEligible = other.keywordEligible;
  }
}, RESERVED_WORDS = /* @__PURE__ */ new Map([
  ["if", Token.If],
  ["then", Token.Then],
  ["else", Token.Else],
  ["elif", Token.Elif],
  ["fi", Token.Fi],
  ["do", Token.Do],
  ["done", Token.Done],
  ["for", Token.For],
  ["while", Token.While],
  ["until", Token.Until],
  ["in", Token.In],
  ["case", Token.Case],
  ["esac", Token.Esac],
  ["function", Token.Function],
  ["select", Token.Select],
  ["coproc", Token.Coproc],
  ["!", Token.Bang],
  ["{", Token.LBrace],
  ["}", Token.RBrace]
]);
var charType = new Uint8Array(128);
charType[124] = 1;
charType[38] = 1;
charType[59] = 1;
charType[40] = 1;
charType[41] = 1;
charType[60] = 1;
charType[62] = 1;
charType[32] = 1;
charType[9] = 1;
charType[10] = 1;
charType[92] = 2;
charType[39] = 2;
charType[34] = 2;
charType[36] = 2;
charType[96] = 2;
charType[123] = 2;
function skipBlanks(source, pos, end) {
  for (; pos < end; ) {
    let ch = source.charCodeAt(pos);
    if (ch === 32 || ch === 9)
      pos++;
    else if (ch === 92 && pos + 1 < end && source.charCodeAt(pos + 1) === 10)
      pos += 2;
    else
      break;
  }
  return pos;
}
var arithmeticWordDelimiter = new Uint8Array(128);
for (let ch of [
  9,
  10,
  32,
  33,
  37,
  38,
  40,
  41,
  42,
  43,
  44,
  45,
  47,
  58,
  60,
  61,
  62,
  63,
  94,
  124
])
  arithmeticWordDelimiter[ch] = 1;
function hasEmbeddedWordStructure(source, start, end) {
  for (let pos = start; pos < end; pos++) {
    let ch = source.charCodeAt(pos);
    if (ch === 92 || ch === 39 || ch === 34 || ch === 36 || ch === 96 || (ch === 60 || ch === 62) && pos + 1 < end && source.charCodeAt(pos + 1) === 40)
      return !0;
  }
  return !1;
}
function findUnnested(s, target, pairTernaries = !1, findNestedEnd) {
  let depth = 0, ternaryDepth = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c === 92) {
      i++;
      continue;
    }
    if (c === 123) {
      depth++;
      continue;
    }
    if (c === 125) {
      depth > 0 && depth--;
      continue;
    }
    if (c === 39) {
      for (i++; i < s.length && s.charCodeAt(i) !== 39; )
        i++;
      continue;
    }
    if (c === 34) {
      for (i++; i < s.length; ) {
        let quoted = s.charCodeAt(i);
        if (quoted === 34)
          break;
        if (quoted === 92) {
          i += 2;
          continue;
        }
        let nestedEnd2 = findNestedEnd?.(i, !0) ?? i;
        if (nestedEnd2 > i) {
          i = nestedEnd2;
          continue;
        }
        i++;
      }
      continue;
    }
    let nestedEnd = findNestedEnd?.(i, !1) ?? i;
    if (nestedEnd > i) {
      i = nestedEnd - 1;
      continue;
    }
    if (pairTernaries && depth === 0) {
      if (c === 63) {
        ternaryDepth++;
        continue;
      }
      if (c === 58 && ternaryDepth > 0) {
        ternaryDepth--;
        continue;
      }
    }
    if (c === target && depth === 0)
      return i;
  }
  return -1;
}
var isIdChar = new Uint8Array(128);
for (let i = 97; i <= 122; i++)
  isIdChar[i] = 3;
for (let i = 65; i <= 90; i++)
  isIdChar[i] = 3;
for (let i = 48; i <= 57; i++)
  isIdChar[i] = 2;
isIdChar[95] = 3;
var extglobPrefix = new Uint8Array(128);
extglobPrefix[63] = 1;
extglobPrefix[64] = 1;
extglobPrefix[42] = 1;
extglobPrefix[43] = 1;
extglobPrefix[33] = 1;
extglobPrefix[61] = 1;
function isExtglobOpen(prefix) {
  return prefix < 128 && prefix !== 61 && extglobPrefix[prefix] === 1;
}
var extglobOp = {
  63: "?",
  64: "@",
  42: "*",
  43: "+",
  33: "!"
};
function isDQChild(p) {
  let t = p.type;
  return t === "Literal" || t === "SimpleExpansion" || t === "ParameterExpansion" || t === "CommandExpansion" || t === "ArithmeticExpansion";
}
function isAllDigitsRange(src, start, end) {
  for (let i = start; i < end; i++) {
    let c = src.charCodeAt(i);
    if (c < 48 || c > 57)
      return !1;
  }
  return end > start;
}
var ASSIGNMENT_INVALID = -1, ASSIGNMENT_NAME_START = 0, ASSIGNMENT_NAME = 1, ASSIGNMENT_AFTER_INDEX = 2, ASSIGNMENT_AFTER_PLUS = 3, ASSIGNMENT_INDEX_BASE = 4;
function joinWordParts(head, tail) {
  let last = head[head.length - 1], first = tail[0], start = 0;
  last?.type === "Literal" && first?.type === "Literal" && last.end === first.pos && (head[head.length - 1] = {
    type: "Literal",
    pos: last.pos,
    end: first.end,
    text: last.text + first.text,
    value: last.value + first.value
  }, start = 1);
  for (let i = start; i < tail.length; i++)
    head.push(tail[i]);
  return head;
}
function isMatchedAssignment(state) {
  return state < ASSIGNMENT_INVALID;
}
function assignmentOperatorPos(state) {
  return -state - 2;
}
function scanAssignmentPrefix(src, start, end, initialState) {
  let state = initialState;
  for (let i = start; i < end && state >= 0; i++) {
    let c = src.charCodeAt(i);
    if (state >= ASSIGNMENT_INDEX_BASE)
      c === 91 ? state++ : c === 93 && --state === ASSIGNMENT_INDEX_BASE && (state = ASSIGNMENT_AFTER_INDEX);
    else if (state === ASSIGNMENT_NAME_START)
      state = c < 128 && isIdChar[c] & 1 ? ASSIGNMENT_NAME : ASSIGNMENT_INVALID;
    else if (state === ASSIGNMENT_NAME) {
      if (c < 128 && isIdChar[c] & 2)
        continue;
      c === 91 ? state = ASSIGNMENT_INDEX_BASE + 1 : c === 43 ? state = ASSIGNMENT_AFTER_PLUS : state = c === 61 ? -i - 2 : ASSIGNMENT_INVALID;
    } else state === ASSIGNMENT_AFTER_INDEX ? c === 43 ? state = ASSIGNMENT_AFTER_PLUS : state = c === 61 ? -i - 2 : ASSIGNMENT_INVALID : state = c === 61 ? -i - 2 : ASSIGNMENT_INVALID;
  }
  return state;
}
function setToken(out, token, value, pos = 0, end = 0) {
  out.token = token, out._value = value, out.pos = pos, out.end = end, out.fileDescriptor = void 0, out.variableName = void 0, out.descriptorEnd = 0, out.delimiterQuoted = !1, out.content = void 0, out.assignmentOperatorPos = -1, out.raw = !1, out.keywordEligible = !1;
}
function setSpanToken(out, token, pos, end, raw) {
  out.token = token, out._value = null, out.pos = pos, out.end = end, out.fileDescriptor = void 0, out.variableName = void 0, out.descriptorEnd = 0, out.delimiterQuoted = !1, out.content = void 0, out.assignmentOperatorPos = -1, out.raw = raw, out.keywordEligible = !1;
}
function matchReservedWord(src, start, len) {
  switch (src.charCodeAt(start)) {
    case 33:
      return len === 1 ? Token.Bang : void 0;
    case 123:
      return len === 1 ? Token.LBrace : void 0;
    case 125:
      return len === 1 ? Token.RBrace : void 0;
    case 105: {
      if (len !== 2)
        return;
      let c = src.charCodeAt(start + 1);
      return c === 102 ? Token.If : c === 110 ? Token.In : void 0;
    }
    case 102:
      return len === 2 ? src.charCodeAt(start + 1) === 105 ? Token.Fi : void 0 : len === 3 ? src.startsWith("for", start) ? Token.For : void 0 : len === 8 && src.startsWith("function", start) ? Token.Function : void 0;
    case 116:
      return len === 4 && src.startsWith("then", start) ? Token.Then : void 0;
    case 101:
      return len !== 4 ? void 0 : src.startsWith("else", start) ? Token.Else : src.startsWith("elif", start) ? Token.Elif : src.startsWith("esac", start) ? Token.Esac : void 0;
    case 100:
      return len === 2 ? src.charCodeAt(start + 1) === 111 ? Token.Do : void 0 : len === 4 && src.startsWith("done", start) ? Token.Done : void 0;
    case 99:
      return len === 4 ? src.startsWith("case", start) ? Token.Case : void 0 : len === 6 && src.startsWith("coproc", start) ? Token.Coproc : void 0;
    case 119:
      return len === 5 && src.startsWith("while", start) ? Token.While : void 0;
    case 117:
      return len === 5 && src.startsWith("until", start) ? Token.Until : void 0;
    case 115:
      return len === 6 && src.startsWith("select", start) ? Token.Select : void 0;
    default:
      return;
  }
}
var LexContext = {
  Normal: 0,
  CommandStart: 1,
  TestMode: 2,
  // After a prefix element: assignments still recognized, reserved words not.
  CommandPrefix: 3,
  // Assignment arguments retain ordinary word boundaries inside subscripts.
  Declaration: 4,
  ArrayElement: 5,
  FunctionName: 6,
  CasePattern: 7,
  // Arguments of eval and let: ordinary words, but `name=(…)` keeps its array value as in Bash.
  EvalArgument: 8
};
function isBraceCommandOpener(after) {
  return after === 32 || after === 9 || after === 10 || after === 124;
}
var Lexer = class _Lexer {
  static _findSubstitutionEnd;
  src;
  srcEnd;
  parenBoundary;
  pos;
  current;
  nextState;
  hasPeek;
  pendingHereDocs;
  substitutionContext;
  _errors = null;
  _buildParts = !1;
  // Build processed text while scanning. Off on the normal token path (values
  // materialize lazily); on for redirect targets, heredoc delimiters, arithmetic
  // command bodies, and bounded value re-lexes. _buildParts implies it.
  _buildValue = !1;
  // Nesting depth of the window being lexed (enclosing sub-fields plus substitution
  // scripts), sharing the MAX_SYNTAX_NESTING budget across lazily created lexers.
  _nestingDepth = 0;
  // `start`/`end` bound the lexer to a window of `src` so substitution scripts can be
  // parsed in place against the original source — every position is then absolute, with
  // no slicing or re-basing. Defaults cover the whole string (the common top-level parse).
  constructor(src, start = 0, end = src.length, parenBoundary = !1, context = createSubstitutionContext()) {
    if (this.src = src, this.srcEnd = end, this.parenBoundary = parenBoundary, this.pos = start, this.current = new TokenValue(this), this.nextState = new TokenValue(this), this.hasPeek = !1, this.pendingHereDocs = null, this.substitutionContext = context, start === 0 && src.charCodeAt(0) === 35 && src.charCodeAt(1) === 33) {
      let nl = src.indexOf(`
`);
      this.pos = nl === -1 ? this.srcEnd : nl + 1;
    }
  }
  getSource() {
    return this.src;
  }
  // Fresh window sharing source, depth and substitution context; tokens, errors, heredocs and build flags reset.
  fork(start, end, parenBoundary = !1) {
    let lexer = new _Lexer(this.src, start, end, parenBoundary, this.substitutionContext);
    return lexer._nestingDepth = this._nestingDepth, lexer;
  }
  getSubstitutionContext() {
    return this.substitutionContext;
  }
  get errors() {
    return this._errors ?? (this._errors = []);
  }
  // A substitution's script parses lazily, one level below the window it was found in, in
  // place over `inner` at `start`, sharing this scan's substitution boundaries.
  commandExpansion(pos, text2, start, inner, parenBoundary = !1) {
    let window = this.scriptWindow(this.src, start, start + inner.length, parenBoundary);
    return new ScriptExpansionImpl("CommandExpansion", pos, this.pos, text2, window);
  }
  // Escaped backticks rebuild `inner` with the escapes removed, so it is no longer a verbatim
  // substring of the source: that script parses the decoded body as its own source.
  decodedCommandExpansion(pos, text2, inner) {
    let window = this.scriptWindow(inner, 0, inner.length, !1, !0);
    return new ScriptExpansionImpl("CommandExpansion", pos, this.pos, text2, window);
  }
  processSubstitution(pos, text2, operator, inner) {
    let window = this.scriptWindow(this.src, pos + 2, pos + 2 + inner.length, !this._unbalanced);
    return new ProcessSubstitutionImpl(pos, this.pos, text2, operator, window);
  }
  // Past the nesting budget the part gets no window, so lazy materialization bottoms out.
  scriptWindow(source, start, end, parenBoundary, decoded = !1) {
    if (this._nestingDepth > 256)
      return;
    let context = decoded ? void 0 : this.substitutionContext;
    return { source, start, end, depth: this._nestingDepth + 1, parenBoundary, context };
  }
  getPos() {
    return this.pos;
  }
  findSubstitutionEnd(start, end, depth = this._nestingDepth + 1) {
    return _Lexer._findSubstitutionEnd === void 0 ? -1 : _Lexer._findSubstitutionEnd(this.src, start, end, depth, this.substitutionContext);
  }
  /** Materialize a word token's value: raw spans slice directly, others re-lex the span. */
  _tokenValue(pos, end, raw) {
    return raw ? this.src.slice(pos, end) : this.wordValueOf(pos, end);
  }
  // Re-lex [start, end) in value mode to produce the processed word text. Bounded
  // to the span, so every expansion the original scan consumed closes within it.
  // Errors were already reported by the original scan; suppress duplicates.
  wordValueOf(start, end) {
    let savedPos = this.pos, savedEnd = this.srcEnd, savedBracketWindow = this._bracketWindow, savedArithmeticBracketWindow = this._arithmeticBracketWindow, savedBuildValue = this._buildValue, savedUnbalanced = this._unbalanced, errorCount = this._errors === null ? 0 : this._errors.length;
    this.pos = start, this.srcEnd = end, this._buildValue = !0, this.readWordText(), this.pos < end && this._wordAssignmentState !== void 0 && this._wordAssignmentState >= ASSIGNMENT_INDEX_BASE && (this.pos = start, this.readWordText(!0));
    let value = this._wordText;
    return this.pos = savedPos, this.srcEnd = savedEnd, this._bracketWindow = savedBracketWindow, this._arithmeticBracketWindow = savedArithmeticBracketWindow, this._buildValue = savedBuildValue, this._unbalanced = savedUnbalanced, this._errors !== null && (this._errors.length = errorCount), value;
  }
  /** Find the closing bracket for a shell subscript, ignoring brackets inside nested shell syntax. */
  findClosingBracket(start, end = this.srcEnd) {
    let limit = Math.min(end, this.srcEnd), window = this._bracketWindow;
    if ((!window || window.limit !== limit) && (window = { limit, depth: this._nestingDepth, last: this.src.lastIndexOf("]", limit - 1) }, this._bracketWindow = window), start > window.last || (window.depth !== this._nestingDepth && (window = { limit, depth: this._nestingDepth, last: window.last }, this._bracketWindow = window), window.failed?.has(start)))
      return -1;
    let unmatched = [], close = this.findClosingShellDelimiter(start, end, 93, !1, !0, unmatched);
    if (close === -1) {
      let failed = window.failed ?? (window.failed = /* @__PURE__ */ new Set());
      for (let starts of unmatched)
        for (let pos of starts)
          failed.add(pos);
    }
    return close;
  }
  /** Find the closing bracket of `$[ … ]`, which unlike a subscript does not recurse into `${ }`. */
  findClosingArithmeticBracket(start, end = this.srcEnd) {
    let limit = Math.min(end, this.srcEnd), window = this._arithmeticBracketWindow;
    return (!window || window.end !== limit || window.depth !== this._nestingDepth) && (window = { end: limit, depth: this._nestingDepth, failed: /* @__PURE__ */ new Set() }, this._arithmeticBracketWindow = window), window.failed.has(start) ? -1 : this.findClosingShellDelimiter(start, end, 93, !1, !1, void 0, window.failed);
  }
  /** Find the closing brace for a parameter expansion, ignoring braces inside nested shell syntax. */
  findClosingBrace(start, end = this.srcEnd) {
    return this.findClosingShellDelimiter(start, end, 125);
  }
  /** Find the closing parenthesis for a shell substitution using the command-aware scanner. */
  findClosingParenthesis(start, end = this.srcEnd) {
    let savedPos = this.pos, savedEnd = this.srcEnd, savedBracketWindow = this._bracketWindow, savedArithmeticBracketWindow = this._arithmeticBracketWindow, savedUnbalanced = this._unbalanced;
    this.pos = start, this.srcEnd = Math.min(end, this.srcEnd), this.extractBalanced();
    let close = this._unbalanced ? -1 : this.pos - 1;
    return this.pos = savedPos, this.srcEnd = savedEnd, this._bracketWindow = savedBracketWindow, this._arithmeticBracketWindow = savedArithmeticBracketWindow, this._unbalanced = savedUnbalanced, close;
  }
  /** Find the end of one arithmetic expansion using the canonical lexer scanner. */
  findArithmeticExpansionEnd(start, end = this.srcEnd) {
    let scanner = this.fork(start, end);
    return scanner.pos = start + 1, scanner.scanArithmeticBody(), scanner.pos;
  }
  /** Find the end of one shell-expanded arithmetic word using the canonical lexer scanners. */
  findArithmeticWordEnd(start, end = this.srcEnd) {
    let scanner = this.fork(start, end);
    return scanner.pos = start, scanner.scanArithmeticWordEnd();
  }
  scanArithmeticWordEnd() {
    for (; this.pos < this.srcEnd; ) {
      let ch = this.src.charCodeAt(this.pos);
      if (ch === 36) {
        this.readDollar();
        continue;
      }
      if (ch === 96) {
        this.readBacktickExpansion();
        continue;
      }
      if (ch === 39) {
        this.pos++, this.skipSQ();
        continue;
      }
      if (ch === 34) {
        this.pos++, this.skipDQ();
        continue;
      }
      if (ch === 92) {
        this.pos += 2;
        continue;
      }
      if (ch === 91) {
        let close = this.findClosingBracket(this.pos + 1);
        if (close !== -1) {
          this.pos = close + 1;
          continue;
        }
      }
      if ((ch === 60 || ch === 62) && this.src.charCodeAt(this.pos + 1) === 40) {
        this.pos += 2, this.extractBalanced();
        continue;
      }
      if (ch < 128 && arithmeticWordDelimiter[ch])
        break;
      this.pos++;
    }
    return this.pos;
  }
  // Only array assignment bodies take comments and leading `[` subscripts and reject operators;
  // extglob shares this scanner, and `#` is pattern data there.
  findClosingShellDelimiter(start, end, closing, array2 = !1, braces = !0, bracketStarts, failedBrackets) {
    let savedPos = this.pos, savedEnd = this.srcEnd, savedBracketWindow = this._bracketWindow, savedArithmeticBracketWindow = this._arithmeticBracketWindow, savedUnbalanced = this._unbalanced;
    this.srcEnd = Math.min(end, this.srcEnd);
    let delimiters = [closing];
    bracketStarts?.push([]);
    let failedStarts = failedBrackets ? [start] : void 0, pos = start, wordStart = !0, invalid = -1;
    for (; pos < this.srcEnd; ) {
      let expected = delimiters[delimiters.length - 1];
      bracketStarts && expected === 93 && bracketStarts[bracketStarts.length - 1].push(pos);
      let ch = this.src.charCodeAt(pos);
      if (ch === 92) {
        pos + 1 < this.srcEnd && this.src.charCodeAt(pos + 1) !== 10 && (wordStart = !1), pos += 2;
        continue;
      }
      if (ch === 35 && array2 && delimiters.length === 1 && wordStart) {
        for (; pos < this.srcEnd && this.src.charCodeAt(pos) !== 10; )
          pos++;
        continue;
      }
      if (ch === 39) {
        this.pos = pos + 1, this.skipSQ(), pos = this.pos, wordStart = !1;
        continue;
      }
      if (ch === 34) {
        this.pos = pos + 1, this.skipDQ(), pos = this.pos, wordStart = !1;
        continue;
      }
      if (ch === 96) {
        for (pos++; pos < this.srcEnd && this.src.charCodeAt(pos) !== 96; )
          this.src.charCodeAt(pos) === 92 && pos++, pos++;
        pos < this.srcEnd && pos++, wordStart = !1;
        continue;
      }
      if (ch === 36 && pos + 1 < this.srcEnd && this.src.charCodeAt(pos + 1) === 40 || (ch === 60 || ch === 62) && pos + 1 < this.srcEnd && this.src.charCodeAt(pos + 1) === 40) {
        this.pos = pos + 2, this.extractBalanced(), pos = this.pos, wordStart = !1;
        continue;
      }
      if (ch === 36 && pos + 1 < this.srcEnd) {
        let after = this.src.charCodeAt(pos + 1);
        if (after === 39) {
          pos = decodeAnsiCQuoted(this.src, pos + 2, this.srcEnd).end, wordStart = !1;
          continue;
        }
        if (after === 36) {
          pos += 2, wordStart = !1;
          continue;
        }
        if (after === 123 && braces) {
          delimiters.push(125), bracketStarts?.push([]), pos += 2, wordStart = !1;
          continue;
        }
      }
      if (array2 && delimiters.length === 1 && (ch === 91 && wordStart ? (delimiters.push(93), bracketStarts?.push([])) : invalid === -1 && (ch === 59 || ch === 38 || ch === 124 || ch === 60 || ch === 62 || ch === 40 && !isExtglobOpen(this.src.charCodeAt(pos - 1))) && (invalid = pos)), expected === 93 && ch === 91)
        delimiters.push(93), bracketStarts?.push([]), failedStarts?.push(pos + 1);
      else if (expected === 41 && ch === 40)
        delimiters.push(41), bracketStarts?.push([]);
      else if (ch === expected) {
        if (delimiters.pop(), failedStarts?.pop(), bracketStarts?.pop(), delimiters.length === 0)
          return this.pos = savedPos, this.srcEnd = savedEnd, this._bracketWindow = savedBracketWindow, this._arithmeticBracketWindow = savedArithmeticBracketWindow, this._unbalanced = savedUnbalanced, invalid !== -1 && this.errors.push({ message: `unexpected '${this.src[invalid]}' in array assignment`, pos: invalid }), pos;
        wordStart = !1, pos++;
        continue;
      }
      wordStart = ch < 128 && (charType[ch] & 1) !== 0, pos++;
    }
    if (failedStarts)
      for (let start2 of failedStarts)
        failedBrackets.add(start2);
    return this.pos = savedPos, this.srcEnd = savedEnd, this._bracketWindow = savedBracketWindow, this._arithmeticBracketWindow = savedArithmeticBracketWindow, this._unbalanced = savedUnbalanced, -1;
  }
  // End of the brace expansion opened at `start`, or -1. As in Bash's brace_gobbler, quotes,
  // escapes, parameter expansions and substitutions are opaque; an unquoted metacharacter
  // ends the word before the brace closes. The word scan reports errors in the skipped text.
  scanBraceExpansion(start, results) {
    let src = this.src, len = this.srcEnd, cached = results.get(start);
    if (cached !== void 0)
      return cached;
    let savedPos = this.pos, savedUnbalanced = this._unbalanced, errorCount = this._errors === null ? 0 : this._errors.length, frames = [start, 0], pos = start + 1;
    for (; pos < len; ) {
      let ch = src.charCodeAt(pos), type = ch < 128 ? charType[ch] : 0;
      if (type === 0) {
        if (pos++, ch === 125) {
          let hasSep = frames.pop();
          if (results.set(frames.pop(), hasSep ? pos : -1), frames.length === 0)
            break;
        } else (ch === 44 || ch === 46 && src.charCodeAt(pos) === 46) && (frames[frames.length - 1] = 1);
        continue;
      }
      let next = pos + 1 < len ? src.charCodeAt(pos + 1) : 0;
      if (type & 1)
        if (next === 40 && (ch === 60 || ch === 62))
          this.pos = pos + 2, this.extractBalanced(), pos = this.pos;
        else if (ch === 40 && isExtglobOpen(src.charCodeAt(pos - 1))) {
          let close = this.findClosingShellDelimiter(pos + 1, len, 41);
          if (close === -1)
            break;
          pos = close + 1;
        } else
          break;
      else if (ch === 92)
        pos += 2;
      else if (ch === 39)
        this.pos = pos + 1, this.skipSQ(), pos = this.pos;
      else if (ch === 34)
        this.pos = pos + 1, this.skipDQ(), pos = this.pos;
      else if (ch === 96) {
        for (pos++; pos < len && src.charCodeAt(pos) !== 96; )
          pos += src.charCodeAt(pos) === 92 ? 2 : 1;
        pos++;
      } else if (ch === 123)
        frames.push(pos, 0), pos++;
      else if (next === 39)
        pos = decodeAnsiCQuoted(src, pos + 2, len).end;
      else if (next === 123) {
        let close = this.findClosingBrace(pos + 2, len);
        if (close === -1)
          break;
        pos = close + 1;
      } else next === 40 ? (this.pos = pos + 2, this.extractBalanced(), pos = this.pos) : pos++;
    }
    this.pos = savedPos, this._unbalanced = savedUnbalanced, this._errors !== null && (this._errors.length = errorCount);
    for (let index = 0; index < frames.length; index += 2)
      results.set(frames[index], -1);
    return results.get(start);
  }
  skipSubshellBody() {
    return this.extractBalanced(!1), this._unbalanced ? -1 : this.pos;
  }
  skipCompoundBody(closeToken) {
    let frames = [
      { close: closeToken, phase: closeToken === Token.Esac ? "case-pattern" : "commands" }
    ], commandStart = !0;
    for (; ; ) {
      let phase = frames[frames.length - 1].phase, ctx = commandStart ? LexContext.CommandStart : LexContext.Normal;
      phase === "function-name" ? ctx = LexContext.FunctionName : phase === "case-pattern" && commandStart && (ctx = LexContext.CasePattern);
      let value = this.next(ctx), token = value.token;
      if (token === Token.EOF)
        return -1;
      let last = frames.length - 1, frame = frames[last];
      if (frame.phase === "function-name") {
        if (token === Token.Newline)
          continue;
        frame.phase = "function-body", commandStart = !0;
        continue;
      } else if (frame.phase === "function-body") {
        if (token === Token.Newline)
          continue;
        if (frame.phase = "commands", commandStart = !0, token === Token.LParen && this.peek(LexContext.Normal).token === Token.RParen) {
          this.next(LexContext.Normal), frame.phase = "function-body";
          continue;
        }
      } else if (frame.phase === "coproc-command") {
        if (token === Token.Newline)
          continue;
        if (token === Token.Word) {
          frame.phase = "coproc-body", commandStart = !0;
          continue;
        }
        frame.phase = "commands", commandStart = !0;
      } else if (frame.phase === "coproc-body") {
        if (token === Token.Newline || (frame.phase = token === Token.Word && value.keywordEligible && value.value === "time" ? "time-command" : "commands", commandStart = !0, frame.phase === "time-command"))
          continue;
      } else if (frame.phase === "time-command") {
        if (token === Token.Word && value.keywordEligible && value.value === "-p") {
          frame.phase = "time-command-after-p";
          continue;
        }
        if (token === Token.Word && value.keywordEligible && value.value === "--") {
          frame.phase = "commands";
          continue;
        }
        frame.phase = "commands", commandStart = !0;
      } else if (frame.phase === "time-command-after-p") {
        if (token === Token.Word && value.keywordEligible && value.value === "--") {
          frame.phase = "commands";
          continue;
        }
        frame.phase = "commands", commandStart = !0;
      } else if (frame.phase === "for-header") {
        if (token === Token.ArithCmd || token === Token.Semi || token === Token.Newline) {
          commandStart = !0;
          continue;
        }
        if (token === Token.Do || token === Token.LBrace) {
          frame.close = token === Token.Do ? Token.Done : Token.RBrace, frame.phase = "commands", commandStart = !0;
          continue;
        }
      } else if (frame.phase === "case-word") {
        if (token === Token.Newline)
          continue;
        frame.phase = "case-in", commandStart = !1;
        continue;
      } else if (frame.phase === "case-in") {
        if (token === Token.Newline) {
          commandStart = !0;
          continue;
        }
        frame.phase = "case-pattern", commandStart = !0;
        continue;
      } else if (frame.phase === "case-pattern") {
        if (token === Token.Esac && commandStart) {
          if (frames.pop(), frames.length === 0)
            return value.end;
          commandStart = !1;
          continue;
        }
        token === Token.RParen ? (frame.phase = "commands", commandStart = !0) : commandStart = token === Token.Newline;
        continue;
      }
      if (token === frame.close) {
        if (frames.pop(), frames.length === 0)
          return value.end;
        commandStart = !1;
        continue;
      }
      if (commandStart)
        switch (token) {
          case Token.LParen:
            frames.push({ close: Token.RParen, phase: "commands" });
            break;
          case Token.LBrace:
            frames.push({ close: Token.RBrace, phase: "commands" });
            break;
          case Token.If:
            frames.push({ close: Token.Fi, phase: "commands" });
            break;
          case Token.For:
            frames.push({ close: Token.Done, phase: "for-header" });
            break;
          case Token.While:
          case Token.Until:
          case Token.Select:
            frames.push({ close: Token.Done, phase: "commands" });
            break;
          case Token.Case:
            frames.push({ close: Token.Esac, phase: "case-word" });
            break;
          case Token.DblLBracket:
            if (!this.skipTestCommandBody())
              return -1;
            commandStart = !1;
            continue;
          case Token.Assignment:
          case Token.Redirect:
          case Token.Bang:
          case Token.Then:
          case Token.Else:
          case Token.Elif:
          case Token.Do:
          case Token.In:
            break;
          case Token.Semi:
          case Token.Newline:
          case Token.Pipe:
          case Token.And:
          case Token.Or:
          case Token.Amp:
          case Token.DoubleSemi:
          case Token.SemiAmp:
          case Token.DoubleSemiAmp:
            break;
          case Token.Function:
            frame.phase = "function-name";
            break;
          case Token.Coproc:
            frame.phase = "coproc-command";
            break;
          default:
            token === Token.Word && value.keywordEligible && value.value === "time" ? (frame.phase = "time-command", commandStart = !0) : commandStart = !1;
            continue;
        }
      switch (token) {
        case Token.Semi:
        case Token.Newline:
        case Token.Pipe:
        case Token.And:
        case Token.Or:
        case Token.Amp:
          commandStart = !0;
          break;
        case Token.DoubleSemi:
        case Token.SemiAmp:
        case Token.DoubleSemiAmp:
          frame.close === Token.Esac && (frame.phase = "case-pattern"), commandStart = !0;
          break;
        case Token.RParen:
          commandStart = !0;
          break;
      }
    }
  }
  skipTestGroup() {
    let depth = 1;
    for (; ; ) {
      let value = this.next(LexContext.TestMode);
      if (value.token === Token.EOF)
        return -1;
      if (value.token === Token.DblRBracket)
        return this.unshift(value), -1;
      if (value.token === Token.LParen)
        depth++;
      else if (value.token === Token.RParen && --depth === 0)
        return value.end;
    }
  }
  skipTestCommandBody() {
    for (; ; ) {
      let token = this.next(LexContext.TestMode).token;
      if (token === Token.DblRBracket)
        return !0;
      if (token === Token.EOF)
        return !1;
    }
  }
  /** Set position and scan a word, building parts. Used by computeWordParts. */
  buildWordParts(startPos) {
    this._buildParts = !0, this.pos = startPos;
    let ch = this.src.charCodeAt(startPos);
    if ((ch === 60 || ch === 62) && startPos + 1 < this.srcEnd && this.src.charCodeAt(startPos + 1) === 40) {
      this.pos = startPos + 2;
      let inner = this.extractBalanced(), text2 = this.src.slice(startPos, this.pos), part = this.processSubstitution(startPos, text2, ch === 60 ? "<" : ">", inner);
      this.pos < this.srcEnd ? (this.readWordText(), this._wordParts ? this._wordParts.unshift(part) : this._wordParts = [part]) : this._wordParts = [part];
    } else
      this.readWordText(), this.pos < this.srcEnd && this._wordAssignmentState !== void 0 && this._wordAssignmentState >= ASSIGNMENT_INDEX_BASE && (this.pos = startPos, this.readWordText(!0));
    return this._wordParts;
  }
  /** Scan a bounded word-like span without treating shell operators or whitespace as terminators. */
  buildEmbeddedWordParts(startPos, arithmetic = !1) {
    return this._buildParts = !0, this.pos = startPos, this.readInnerWordText(!1, arithmetic), this._wordParts;
  }
  buildArrayElementParts(startPos) {
    let close = this.findClosingBracket(startPos + 1);
    if (close === -1)
      return this.buildWordParts(startPos);
    let src = this.src;
    this._buildParts = !0;
    let head = hasEmbeddedWordStructure(src, startPos, close + 1) ? this.parseSubFieldWord(startPos, close + 1, "embedded") : void 0;
    this.pos = close + 1, this.readWordText(!1, LexContext.ArrayElement);
    let end = this.pos, operator = skipLineContinuations(src, close + 1, end), after = src.charCodeAt(operator), keyed = after === 61 || after === 43 && src.charCodeAt(operator + 1) === 61, headParts = head?.parts, tailParts = this._wordParts;
    if (keyed && (tailParts = parseGlobParts(src, close + 1, end, tailParts) ?? tailParts), !headParts && !tailParts)
      return keyed ? null : parseGlobParts(src, startPos, end, void 0) ?? null;
    let headText = src.slice(startPos, close + 1);
    headParts || (headParts = [{ type: "Literal", pos: startPos, end: close + 1, text: headText, value: head?.value ?? headText }]), tailParts || (tailParts = end > close + 1 ? [{ type: "Literal", pos: close + 1, end, text: src.slice(close + 1, end), value: this._wordText }] : []);
    let parts = joinWordParts(headParts, tailParts);
    return keyed || (parts = parseGlobParts(src, startPos, end, parts) ?? parts), parts.length > 1 || parts[0].type !== "Literal" ? parts : null;
  }
  /** Scan a heredoc body for expansions, building parts. Spaces/newlines are literal. */
  buildHereDocParts(bodyPos, bodyEnd) {
    this._buildParts = !0;
    let src = this.src, parts = [], hasExpansion = !1, litBuf = "", litStart = bodyPos, i = bodyPos, flushLit = () => {
      i > litStart && (parts.push({ type: "Literal", pos: litStart, end: i, value: litBuf, text: src.slice(litStart, i) }), litBuf = "");
    };
    for (; i < bodyEnd; ) {
      let ch = src.charCodeAt(i);
      if (ch === 92) {
        if (i + 1 < bodyEnd) {
          let nc = src.charCodeAt(i + 1);
          if (nc === 10) {
            i += 2;
            continue;
          }
          if (nc === 36 || nc === 96 || nc === 92) {
            litBuf += String.fromCharCode(nc), i += 2;
            continue;
          }
        }
        litBuf += "\\", i++;
        continue;
      }
      if (ch === 36 && src.charCodeAt(i + 1) !== 39 && src.charCodeAt(i + 1) !== 34) {
        flushLit(), litStart = i, this.pos = i, this.readDollar(), this._resultPart ? (hasExpansion = !0, parts.push(this._resultPart), litStart = this.pos) : litBuf += src.slice(i, this.pos), i = this.pos;
        continue;
      }
      if (ch === 96) {
        flushLit(), litStart = i, this.pos = i, this.readBacktickExpansion(), this._resultPart ? (hasExpansion = !0, parts.push(this._resultPart), litStart = this.pos) : litBuf += src.slice(i, this.pos), i = this.pos;
        continue;
      }
      litBuf += src[i], i++;
    }
    return flushLit(), hasExpansion ? parts : null;
  }
  registerHereDocTarget(target) {
    if (this.pendingHereDocs !== null) {
      for (let hd of this.pendingHereDocs)
        if (!hd.target) {
          hd.target = target;
          return;
        }
    }
  }
  // Read the right-hand operand of =~ in [[ ]]. Bash ends the operand at
  // depth-zero whitespace, `)`, `;`, `&`, `<`, or `>` (but `<(`/`>(` open a
  // process substitution and `|` never delimits). An unquoted `(` opens a
  // group that consumes everything — `]]`, newlines, and metacharacters
  // included — until its matching `)`; inside a group only quotes stay opaque
  // and expansion parens count naively, matching bash. Quotes and expansions
  // at depth zero skip via the same readers normal words use, so their errors
  // and spans stay identical. The token is the raw source span; value and
  // parts resolve lazily like every other word.
  readTestRegexWord() {
    this.hasPeek = !1, this.skipSpacesAndTabs();
    let src = this.src, len = this.srcEnd, start = this.pos, depth = 0;
    for (; this.pos < len; ) {
      let ch = src.charCodeAt(this.pos);
      if (ch === 40) {
        depth++, this.pos++;
        continue;
      }
      if (ch === 92) {
        this.pos += this.pos + 1 < len ? 2 : 1;
        continue;
      }
      if (ch === 39) {
        let quotePos = this.pos++, ansiC = quotePos > start && src.charCodeAt(quotePos - 1) === 36;
        for (; this.pos < len && src.charCodeAt(this.pos) !== 39; )
          ansiC && src.charCodeAt(this.pos) === 92 && this.pos + 1 < len && this.pos++, this.pos++;
        this.pos < len ? this.pos++ : this.errors.push({
          message: ansiC ? "unterminated ANSI-C quote" : "unterminated single quote",
          pos: quotePos
        });
        continue;
      }
      if (ch === 34) {
        this.pos++, this.readDoubleQuoted();
        continue;
      }
      if (ch === 96) {
        this.readBacktickExpansion();
        continue;
      }
      if (depth > 0) {
        ch === 41 && depth--, this.pos++;
        continue;
      }
      if (ch === 36) {
        this.readDollar();
        continue;
      }
      if ((ch === 60 || ch === 62) && this.pos + 1 < len && src.charCodeAt(this.pos + 1) === 40) {
        let subPos = this.pos;
        this.pos += 2, this.extractBalanced(), this._unbalanced && this.errors.push({ message: "unterminated process substitution", pos: subPos });
        continue;
      }
      if (ch < 128 && charType[ch] & 1 && ch !== 124)
        break;
      this.pos++;
    }
    return setToken(this.current, Token.Word, src.slice(start, this.pos), start, this.pos), this.current;
  }
  // Read C-style for expressions: called after first '(' consumed by parser.
  // Expects pos at second '('. Returns [init, test, update] raw text.
  readCStyleForExprs() {
    this.hasPeek = !1;
    let src = this.src, len = this.srcEnd;
    for (; this.pos < len && (src.charCodeAt(this.pos) === 32 || src.charCodeAt(this.pos) === 9); )
      this.pos++;
    let openPos = this.pos;
    this.pos < len && src.charCodeAt(this.pos) === 40 && this.pos++;
    let starts = [this.pos, 0, 0], parts = ["", "", "", 0, 0, 0], partIdx = 0, depth = 1, partStart = this.pos, extra = !1, setPart = (end) => {
      let raw = src.slice(partStart, end);
      parts[partIdx] = raw.trim(), parts[3 + partIdx] = starts[partIdx] + raw.length - raw.trimStart().length;
    };
    for (; this.pos < len && depth > 0; ) {
      let c = src.charCodeAt(this.pos);
      if (c === 40)
        depth++, this.pos++;
      else if (c === 41) {
        if (depth--, depth === 0) {
          for (extra || setPart(this.pos), partIdx < 2 && this.errors.push({ message: "expected three arithmetic expressions in for header", pos: this.pos }), this.pos++; this.pos < len && (src.charCodeAt(this.pos) === 32 || src.charCodeAt(this.pos) === 9); )
            this.pos++;
          this.pos < len && src.charCodeAt(this.pos) === 41 && this.pos++;
          break;
        }
        this.pos++;
      } else if (c === 59 && depth === 1) {
        if (partIdx === 2) {
          extra || (setPart(this.pos), this.errors.push({ message: "expected three arithmetic expressions in for header", pos: this.pos })), extra = !0, this.pos++;
          continue;
        }
        setPart(this.pos), partIdx++, this.pos++, partStart = this.pos, starts[partIdx] = partStart;
      } else c === 36 ? this.readDollar() : c === 96 ? this.readBacktickExpansion() : c === 92 ? this.pos += this.pos + 1 < len ? 2 : 1 : c === 39 ? (this.pos++, this.skipSQ()) : c === 34 ? (this.pos++, this.skipDQ()) : this.pos++;
    }
    return depth > 0 && (extra || setPart(this.pos), this.errors.push({ message: "unterminated arithmetic for header", pos: openPos })), parts;
  }
  peek(ctx = LexContext.Normal) {
    return this.hasPeek || (this.readNext(this.nextState, ctx), this.hasPeek = !0), this.nextState;
  }
  // Peek where the context depends on the token just consumed. peek() ignores its ctx once a
  // token is cached, so the caller's context must only be derived when a read actually happens.
  peekFollow(closers) {
    if (!this.hasPeek) {
      let ctx = closers[this.current.token] ? LexContext.CommandStart : LexContext.Normal;
      this.readNext(this.nextState, ctx), this.hasPeek = !0;
    }
    return this.nextState;
  }
  next(ctx = LexContext.Normal) {
    if (this.hasPeek) {
      this.hasPeek = !1;
      let temp = this.current;
      return this.current = this.nextState, this.nextState = temp, this.current;
    }
    return this.readNext(this.current, ctx), this.current;
  }
  unshift(tok) {
    this.nextState.copyFrom(tok), this.hasPeek = !0;
  }
  readNext(out, ctx) {
    let src = this.src, len = this.srcEnd, pos = this.pos;
    for (; ; ) {
      if (pos = skipBlanks(src, pos, len), ctx === LexContext.TestMode)
        for (; pos < len && src.charCodeAt(pos) === 10; )
          pos = skipBlanks(src, pos + 1, len);
      if (pos >= len || src.charCodeAt(pos) !== 35)
        break;
      for (; pos < len && src.charCodeAt(pos) !== 10; )
        pos++;
    }
    if (this.pos = pos, pos >= len) {
      this.consumePendingHereDocs(), setToken(out, Token.EOF, "", pos, pos);
      return;
    }
    let tokenStart = pos, ch = src.charCodeAt(pos);
    if (ch === 10) {
      this.pos++, this.consumePendingHereDocs(), setToken(out, Token.Newline, `
`, tokenStart, this.pos);
      return;
    }
    if (ctx === LexContext.TestMode && (ch === 60 || ch === 62) && !(this.pos + 1 < this.srcEnd && src.charCodeAt(this.pos + 1) === 40)) {
      this.pos++, setToken(out, Token.Word, ch === 60 ? "<" : ">", tokenStart, this.pos), out.keywordEligible = !0;
      return;
    }
    ch < 128 && charType[ch] & 1 && this.tryReadOperator(out, ch, ctx, tokenStart) || ch === 91 && ctx === LexContext.ArrayElement && this.readArrayElement(out, tokenStart) || this.readWord(out, ctx, tokenStart);
  }
  tryReadOperator(out, ch, ctx, tokenStart) {
    let src = this.src, pos = this.pos, next = pos + 1 < this.srcEnd ? src.charCodeAt(pos + 1) : 0;
    switch (ch) {
      case 59:
        return next === 59 ? pos + 2 < this.srcEnd && src.charCodeAt(pos + 2) === 38 ? (this.pos += 3, setToken(out, Token.DoubleSemiAmp, ";;&", tokenStart, this.pos), !0) : (this.pos += 2, setToken(out, Token.DoubleSemi, ";;", tokenStart, this.pos), !0) : next === 38 ? (this.pos += 2, setToken(out, Token.SemiAmp, ";&", tokenStart, this.pos), !0) : (this.pos++, setToken(out, Token.Semi, ";", tokenStart, this.pos), !0);
      case 124:
        return next === 124 ? (this.pos += 2, setToken(out, Token.Or, "||", tokenStart, this.pos), !0) : next === 38 ? (this.pos += 2, setToken(out, Token.Pipe, "|&", tokenStart, this.pos), !0) : (this.pos++, setToken(out, Token.Pipe, "|", tokenStart, this.pos), !0);
      case 38:
        if (next === 38)
          return this.pos += 2, setToken(out, Token.And, "&&", tokenStart, this.pos), !0;
        if (next === 62) {
          this.pos += 2;
          let append = this.pos < this.srcEnd && src.charCodeAt(this.pos) === 62;
          return append && this.pos++, this.readRedirectTarget(out, append ? "&>>" : "&>", tokenStart);
        }
        return this.pos++, setToken(out, Token.Amp, "&", tokenStart, this.pos), !0;
      case 40:
        if (ctx === LexContext.CommandStart && next === 40) {
          let savedErrors = this.errors.length;
          if (this.readArithmeticCommand(out, tokenStart), !this._notArithmetic)
            return !0;
          this.errors.length = savedErrors, this.pos = tokenStart;
        }
        return this.pos++, setToken(out, Token.LParen, "(", tokenStart, this.pos), !0;
      case 41:
        return this.pos++, setToken(out, Token.RParen, ")", tokenStart, this.pos), !0;
      case 60:
      case 62:
        return this.readRedirection(out, tokenStart);
      default:
        return !1;
    }
  }
  readRedirection(out, tokenStart) {
    let src = this.src, ch = src.charCodeAt(this.pos), op = "";
    if (ch === 60) {
      this.pos++;
      let next = this.pos < this.srcEnd ? src.charCodeAt(this.pos) : 0;
      if (next === 60) {
        this.pos++;
        let third = this.pos < this.srcEnd ? src.charCodeAt(this.pos) : 0;
        if (third === 60)
          this.pos++, op = "<<<";
        else {
          let dash = third === 45;
          dash && this.pos++, this.skipSpacesAndTabs();
          let targetPos = this.pos;
          (this.pos >= this.srcEnd || src.charCodeAt(this.pos) !== 35) && this.readHereDocDelimiter();
          let hasTarget = this.pos > targetPos;
          return hasTarget && (this.pendingHereDocs ?? (this.pendingHereDocs = [])).push({
            delimiter: this._hereDelim,
            strip: dash,
            quoted: this._hereQuoted
          }), setToken(out, Token.Redirect, dash ? "<<-" : "<<", tokenStart, this.pos), out.content = hasTarget ? this._hereDelim : void 0, out.delimiterQuoted = hasTarget && this._hereQuoted, out.targetPos = targetPos, out.targetEnd = hasTarget ? this.pos : targetPos, !0;
        }
      } else {
        if (next === 40)
          return this.readProcessSubstitution(out, "<", tokenStart), !0;
        next === 62 ? (op = "<>", this.pos++) : next === 38 ? (op = "<&", this.pos++) : op = "<";
      }
    } else if (ch === 62) {
      this.pos++;
      let next = this.pos < this.srcEnd ? src.charCodeAt(this.pos) : 0;
      if (next === 40)
        return this.readProcessSubstitution(out, ">", tokenStart), !0;
      next === 62 ? (op = ">>", this.pos++) : next === 38 ? (op = ">&", this.pos++) : next === 124 ? (op = ">|", this.pos++) : op = ">";
    }
    return this.readRedirectTarget(out, op, tokenStart);
  }
  readRedirectTarget(out, op, tokenStart) {
    let src = this.src;
    if (this.skipSpacesAndTabs(), this.pos < this.srcEnd) {
      let nc = src.charCodeAt(this.pos);
      if ((nc === 60 || nc === 62) && this.pos + 1 < this.srcEnd && src.charCodeAt(this.pos + 1) === 40) {
        let psStart = this.pos;
        this.pos += 2, this.extractBalanced(), this._unbalanced && this.errors.push({ message: "unterminated process substitution", pos: psStart });
        let psText = src.slice(psStart, this.pos);
        return setToken(out, Token.Redirect, op, tokenStart, this.pos), out.content = psText, out.targetPos = psStart, out.targetEnd = this.pos, !0;
      }
      let targetPos = this.pos;
      return nc !== 10 && nc !== 35 && this.readRedirectTargetText(), this.redirectToken(out, op, tokenStart, targetPos), !0;
    }
    return this.redirectToken(out, op, tokenStart, this.pos), !0;
  }
  // Redirect targets keep their processed text eagerly (it becomes the target
  // word's content), so scan them in value mode.
  readRedirectTargetText() {
    let savedBuildValue = this._buildValue;
    this._buildValue = !0, this.readWordText(), this._buildValue = savedBuildValue;
  }
  redirectToken(out, operator, tokenStart, targetPos) {
    let hasTarget = this.pos > targetPos && (this._wordText.length > 0 || this._wordQuoted);
    setToken(out, Token.Redirect, operator, tokenStart, this.pos), out.content = hasTarget ? this._wordText : void 0, out.targetPos = targetPos, out.targetEnd = hasTarget ? this.pos : targetPos;
  }
  readProcessSubstitution(out, operator, tokenStart) {
    this.pos++, this.extractBalanced(), this._unbalanced && this.errors.push({ message: "unterminated process substitution", pos: tokenStart });
    let text2 = this.src.slice(tokenStart, this.pos);
    setToken(out, Token.Word, text2, tokenStart, this.pos);
  }
  // The delimiter is the word after quote removal: quote and escape segments may
  // appear anywhere in the word, any of them makes the heredoc quoted, and inside
  // double quotes a backslash is removed only before $ ` " \.
  readHereDocDelimiter() {
    let src = this.src, len = this.srcEnd, savedBuildValue = this._buildValue;
    this._buildValue = !0;
    let delimiter = "", quoted = !1;
    for (; this.pos < len; ) {
      let c = src.charCodeAt(this.pos);
      if (c === 39) {
        for (quoted = !0, this.pos++; this.pos < len && src.charCodeAt(this.pos) !== 39; )
          delimiter += src[this.pos], this.pos++;
        this.pos < len && this.pos++;
      } else if (c === 34) {
        for (quoted = !0, this.pos++; this.pos < len && src.charCodeAt(this.pos) !== 34; ) {
          if (src.charCodeAt(this.pos) === 92 && this.pos + 1 < len) {
            let next = src.charCodeAt(this.pos + 1);
            if (next === 10) {
              this.pos += 2;
              continue;
            }
            (next === 36 || next === 96 || next === 34 || next === 92) && this.pos++;
          }
          delimiter += src[this.pos], this.pos++;
        }
        this.pos < len && this.pos++;
      } else if (c === 92) {
        if (this.pos + 1 < len && src.charCodeAt(this.pos + 1) === 10) {
          this.pos += 2;
          continue;
        }
        quoted = !0, this.pos++, this.pos < len ? (delimiter += src[this.pos], this.pos++) : delimiter += "\\";
      } else if (c === 96) {
        let btStart = this.pos;
        for (this.pos++; this.pos < len && src.charCodeAt(this.pos) !== 96; )
          src.charCodeAt(this.pos) === 92 && this.pos++, this.pos++;
        this.pos < len && this.pos++, delimiter += src.slice(btStart, this.pos);
      } else if (c === 36) {
        let next = this.pos + 1 < len ? src.charCodeAt(this.pos + 1) : 0;
        (next === 39 || next === 34) && (quoted = !0), this.readDollar(), delimiter += this._resultText;
      } else {
        if (c < 128 && charType[c] & 1)
          break;
        delimiter += src[this.pos], this.pos++;
      }
    }
    this._buildValue = savedBuildValue, this._hereDelim = delimiter, this._hereQuoted = quoted;
  }
  consumePendingHereDocs() {
    let pending = this.pendingHereDocs;
    if (!(pending === null || pending.length === 0)) {
      for (let hd of pending) {
        let bodyPos = this.pos, bodyEnd = this.skipHereDocBody(hd.delimiter, hd.strip, this.parenBoundary, hd.quoted);
        hd.target && (hd.target.body.pos = bodyPos, hd.target.body.end = bodyEnd, hd.target.body.text = this.src.slice(bodyPos, bodyEnd), this.hereDocClosingPos !== -1 && (hd.target.closing = { pos: this.hereDocClosingPos, end: this.hereDocClosingEnd }));
      }
      pending.length = 0;
    }
  }
  hereDocClosingPos = -1;
  hereDocClosingEnd = -1;
  // Advance past the heredoc body and its delimiter line; return the body end
  // (start of the delimiter line, or srcEnd when delimited by end-of-input).
  // With parenEnds (inside $(...)), a line starting with the delimiter directly
  // followed by ")" also terminates the body, resuming at the ")" — bash treats
  // the substitution's closing paren as end-of-file for its heredocs.
  // `join` crosses `\`+newline pairs, which an unquoted delimiter may straddle.
  matchHereDocDelimiter(delimiter, lineStart, end, join) {
    let src = this.src, pos = lineStart;
    for (let i = 0; i < delimiter.length; ) {
      if (join && src.charCodeAt(pos) === 92 && pos + 1 < end && src.charCodeAt(pos + 1) === 10) {
        pos += 2;
        continue;
      }
      if (pos >= end || src.charCodeAt(pos) !== delimiter.charCodeAt(i))
        return -1;
      pos++, i++;
    }
    return pos;
  }
  // A `\` consumes the next character, so `\`+newline continues the line and `\\` does not.
  logicalLineEnd(from, end, join) {
    let src = this.src, lineEnd = src.indexOf(`
`, from);
    for (; lineEnd !== -1 && lineEnd < end; ) {
      if (!join)
        return lineEnd;
      let backslashes = lineEnd;
      for (; backslashes > from && src.charCodeAt(backslashes - 1) === 92; )
        backslashes--;
      if ((lineEnd - backslashes) % 2 === 0)
        return lineEnd;
      from = lineEnd + 1, lineEnd = src.indexOf(`
`, from);
    }
    return end;
  }
  skipHereDocBody(delimiter, strip, parenEnds = !1, quoted = !1) {
    this.hereDocClosingPos = -1, this.hereDocClosingEnd = -1;
    let src = this.src, len = this.srcEnd;
    for (; this.pos < len; ) {
      let lineStart = this.pos, lineEnd = this.logicalLineEnd(lineStart, len, !quoted);
      for (; ; ) {
        let before = lineStart;
        if (strip)
          for (; lineStart < lineEnd && src.charCodeAt(lineStart) === 9; )
            lineStart++;
        if (quoted || (lineStart = skipLineContinuations(src, lineStart, lineEnd)), lineStart === before)
          break;
      }
      let afterDelim = this.matchHereDocDelimiter(delimiter, lineStart, lineEnd, !quoted);
      if (afterDelim !== -1 && !quoted && (afterDelim = skipLineContinuations(src, afterDelim, lineEnd)), afterDelim === lineEnd) {
        let bodyEnd = this.pos;
        return (!parenEnds || !this.parenBoundary || lineEnd !== len) && (this.hereDocClosingPos = lineStart, this.hereDocClosingEnd = lineEnd), this.pos = lineEnd < len ? lineEnd + 1 : lineEnd, bodyEnd;
      }
      if (parenEnds && afterDelim !== -1) {
        let paren = afterDelim;
        for (; paren < lineEnd && src.charCodeAt(paren) !== 41; )
          paren++;
        if (paren < lineEnd || this.parenBoundary && lineEnd === len) {
          let bodyEnd = this.pos;
          return this.pos = afterDelim, bodyEnd;
        }
      }
      this.pos = lineEnd < len ? lineEnd + 1 : lineEnd;
    }
    return this.pos;
  }
  _wordText = "";
  _wordRaw = !1;
  _wordQuoted = !1;
  _wordHasExpansions = !1;
  _wordKeywordEligible = !1;
  _wordAssignmentState;
  _bracketWindow;
  _arithmeticBracketWindow;
  _wordParts = null;
  _resultText = "";
  // True when the last $-construct's value is exactly its raw source span.
  _resultIsRaw = !0;
  _resultHasExpansion = !1;
  _resultPart;
  // Set by extractBalanced when the input ended before the closing paren, so
  // callers can report the construct they were scanning.
  _unbalanced = !1;
  // Set by scanArithmeticBody when the construct turns out not to be arithmetic, so the
  // caller can re-read it as a subshell or command substitution instead.
  _notArithmetic = !1;
  _arithUnterminated = !1;
  _dqText = "";
  _dqHasExpansions = !1;
  _dqParts = null;
  // Content end (before the closing quote, or end of input when unterminated).
  _dqEnd = 0;
  _hereDelim = "";
  _hereQuoted = !1;
  readWord(out, ctx, tokenStart = 0) {
    let errorStart = this._errors === null ? 0 : this._errors.length;
    if (this.readWordText(!1, ctx, !0), ctx === LexContext.Normal) {
      let next = this.pos < this.srcEnd ? this.src.charCodeAt(this.pos) : 0;
      if (!this._wordRaw || next !== 60 && next !== 62) {
        setSpanToken(out, Token.Word, tokenStart, this.pos, this._wordRaw), out.keywordEligible = this._wordKeywordEligible;
        return;
      }
    }
    this.classifyWord(out, ctx, tokenStart, errorStart);
  }
  isRedirectVariable(start, end) {
    let src = this.src;
    for (let i = start; i < end; i++) {
      let c = src.charCodeAt(i);
      if (c === 91 && i > start)
        return i + 2 < end && src.charCodeAt(end - 1) === 93 && this.findClosingShellDelimiter(i + 1, end, 93) === end - 1;
      if (c >= 128 || !(isIdChar[c] & (i === start ? 1 : 2)))
        return !1;
    }
    return end > start;
  }
  readArrayElement(out, tokenStart) {
    let close = this.findClosingBracket(tokenStart + 1);
    return close === -1 ? !1 : (this.pos = close + 1, this.readWordText(), setSpanToken(out, Token.Word, tokenStart, this.pos, !0), !0);
  }
  classifyWord(out, ctx, tokenStart, errorStart) {
    let src = this.src, raw = this._wordRaw, hasExpansions = this._wordHasExpansions, quoted = this._wordQuoted, keywordEligible = this._wordKeywordEligible, assignmentState = this._wordAssignmentState, wordEnd = this.pos, wordLen = wordEnd - tokenStart;
    if (ctx === LexContext.CasePattern) {
      let token = Token.Word;
      if (keywordEligible) {
        let reserved = raw ? matchReservedWord(src, tokenStart, wordLen) : RESERVED_WORDS.get(this.wordValueOf(tokenStart, wordEnd));
        reserved === Token.Esac && (token = reserved);
      }
      setSpanToken(out, token, tokenStart, wordEnd, raw), out.keywordEligible = keywordEligible;
      return;
    }
    let value = null;
    if (!raw && !hasExpansions && keywordEligible && (ctx === LexContext.CommandStart || ctx === LexContext.TestMode)) {
      let nextCh = wordEnd < this.srcEnd ? src.charCodeAt(wordEnd) : 0;
      (!quoted && wordLen <= 16 || nextCh === 60 || nextCh === 62) && (value = this.wordValueOf(tokenStart, wordEnd));
    }
    if (ctx === LexContext.CommandStart && keywordEligible) {
      if (raw) {
        if (wordLen <= 8) {
          let reserved = matchReservedWord(src, tokenStart, wordLen);
          if (reserved !== void 0) {
            setSpanToken(out, reserved, tokenStart, wordEnd, !0);
            return;
          }
        }
        if (wordLen === 2 && src.charCodeAt(tokenStart) === 91 && src.charCodeAt(tokenStart + 1) === 91) {
          setSpanToken(out, Token.DblLBracket, tokenStart, wordEnd, !0);
          return;
        }
      } else if (value !== null && value.length > 0) {
        let fc = value.charCodeAt(0);
        if (fc >= 97 && fc <= 122 && value.length <= 8 || fc === 33 || fc === 123 || fc === 125) {
          let reserved = RESERVED_WORDS.get(value);
          if (reserved !== void 0) {
            setToken(out, reserved, value, tokenStart, wordEnd);
            return;
          }
        }
        if (fc === 91 && value === "[[") {
          setToken(out, Token.DblLBracket, value, tokenStart, wordEnd);
          return;
        }
      }
    }
    if (ctx === LexContext.CommandStart || ctx === LexContext.CommandPrefix || ctx === LexContext.Declaration) {
      if (assignmentState === void 0) {
        let eq = -1, bracket = !1;
        for (let i = tokenStart + 1; i < wordEnd; i++) {
          let c = src.charCodeAt(i);
          if (c === 61) {
            eq = i;
            break;
          }
          c === 91 && (bracket = !0);
        }
        (eq !== -1 || ctx !== LexContext.Declaration && bracket) && (assignmentState = scanAssignmentPrefix(src, tokenStart, wordEnd, ASSIGNMENT_NAME_START));
      }
      if (assignmentState !== void 0) {
        if (ctx !== LexContext.Declaration && assignmentState >= ASSIGNMENT_INDEX_BASE) {
          if (wordEnd < this.srcEnd && (this._errors !== null && (this._errors.length = errorStart), this.pos = tokenStart, this.readWordText(!0, ctx, !0), this.pos > wordEnd)) {
            this.classifyWord(out, ctx, tokenStart, errorStart);
            return;
          }
          (this._errors === null || this._errors.length === errorStart) && this.errors.push({ message: "unterminated array subscript", pos: src.indexOf("[", tokenStart) });
        }
        if (isMatchedAssignment(assignmentState)) {
          setSpanToken(out, Token.Assignment, tokenStart, wordEnd, raw), value !== null && (out._value = value), out.assignmentOperatorPos = assignmentOperatorPos(assignmentState);
          return;
        }
      }
    }
    if ((ctx === LexContext.CommandStart || ctx === LexContext.TestMode) && keywordEligible) {
      if (raw) {
        if (wordLen === 2 && src.charCodeAt(tokenStart) === 93 && src.charCodeAt(tokenStart + 1) === 93) {
          setSpanToken(out, Token.DblRBracket, tokenStart, wordEnd, !0);
          return;
        }
      } else if (value === "]]") {
        setToken(out, Token.DblRBracket, value, tokenStart, wordEnd);
        return;
      }
    }
    if (!hasExpansions && this.pos < this.srcEnd) {
      let nc = src.charCodeAt(this.pos);
      if ((nc === 60 || nc === 62) && raw) {
        let fc = src.charCodeAt(tokenStart);
        if (fc >= 48 && fc <= 57 && isAllDigitsRange(src, tokenStart, wordEnd)) {
          let fd = Number.parseInt(src.slice(tokenStart, wordEnd), 10);
          if (this.readRedirection(out, tokenStart)) {
            out.fileDescriptor = fd, out.descriptorEnd = wordEnd;
            return;
          }
        }
        if (fc === 123 && src.charCodeAt(wordEnd - 1) === 125 && this.isRedirectVariable(tokenStart + 1, wordEnd - 1)) {
          let varname = src.slice(tokenStart + 1, wordEnd - 1);
          if (this.readRedirection(out, tokenStart)) {
            out.variableName = varname, out.descriptorEnd = wordEnd;
            return;
          }
        }
      }
    }
    setSpanToken(out, Token.Word, tokenStart, wordEnd, raw), value !== null && (out._value = value), out.keywordEligible = keywordEligible;
  }
  // `subscripts` re-reads a word known to stop inside an array subscript, where
  // metacharacters are ordinary text.
  // `scanning` marks the first scan of a token, which decides where the word ends.
  readWordText(subscripts = !1, ctx = LexContext.Normal, scanning = !1) {
    let src = this.src, len = this.srcEnd, pos = this.pos, fastStart = pos, exitCh = 0;
    for (; pos < len; ) {
      let c = src.charCodeAt(pos);
      if (c < 128 && charType[c]) {
        exitCh = c;
        break;
      }
      pos++;
    }
    if (pos >= len || charType[exitCh] & 1 && !(exitCh === 40 && pos > fastStart && extglobPrefix[src.charCodeAt(pos - 1)]) && !subscripts) {
      this.pos = pos, this._wordText = (this._buildParts || this._buildValue) && pos > fastStart ? src.slice(fastStart, pos) : "", this._wordRaw = !0, this._wordQuoted = !1, this._wordHasExpansions = !1, this._wordKeywordEligible = !0, this._wordAssignmentState = void 0, this._buildParts && (this._wordParts = hasGlobCharacters(this._wordText) && ctx !== LexContext.ArrayElement ? parseGlobParts(src, fastStart, pos, void 0) ?? null : null);
      return;
    }
    let bp = this._buildParts, bt = bp || this._buildValue, text2 = bt && pos > fastStart ? src.slice(fastStart, pos) : "", quoted = !1, hasExpansions = !1, keywordEligible = !0, valueIsRaw = !0, lastValueChar = pos > fastStart ? src.charCodeAt(pos - 1) : 0, assignmentState = scanAssignmentPrefix(src, fastStart, pos, ASSIGNMENT_NAME_START), parts, litBuf = "", litStart = 0, hasGlobs = !1, braceResults;
    for (bp && (parts = [], litBuf = text2, litStart = fastStart, hasGlobs = text2.length > 0 && hasGlobCharacters(text2)); pos < len; ) {
      let ch = src.charCodeAt(pos);
      if (ch >= 128 || !charType[ch]) {
        let runStart = pos;
        for (pos++; pos < len; ) {
          let c = src.charCodeAt(pos);
          if (c < 128 && charType[c])
            break;
          pos++;
        }
        if (lastValueChar = src.charCodeAt(pos - 1), assignmentState = scanAssignmentPrefix(src, runStart, pos, assignmentState), bt) {
          let chunk = src.slice(runStart, pos);
          text2 += chunk, bp && (litBuf += chunk, hasGlobs = hasGlobs || hasGlobCharacters(chunk));
        }
        continue;
      }
      if (charType[ch] & 1) {
        if (subscripts && assignmentState >= ASSIGNMENT_INDEX_BASE) {
          let close = this.findClosingBracket(pos);
          if (close !== -1) {
            let spanEnd = close + 1;
            if (assignmentState = assignmentState === ASSIGNMENT_INDEX_BASE + 1 ? ASSIGNMENT_AFTER_INDEX : assignmentState - 1, lastValueChar = src.charCodeAt(close), bt) {
              let chunk = src.slice(pos, spanEnd);
              text2 += chunk, bp && (litBuf += chunk, hasGlobs = hasGlobs || hasGlobCharacters(chunk));
            }
            pos = spanEnd;
            continue;
          }
        }
        if (ch === 40 && lastValueChar < 128 && extglobPrefix[lastValueChar]) {
          if (ctx === LexContext.FunctionName || assignmentState >= ASSIGNMENT_INDEX_BASE && (ctx === LexContext.CommandStart || ctx === LexContext.CommandPrefix) || ctx === LexContext.CommandStart && lastValueChar === 33 && keywordEligible && src.charCodeAt(fastStart) === 33 && skipLineContinuations(src, fastStart + 1, len) === pos)
            break;
          let prefixChar = lastValueChar;
          if (prefixChar === 61 && scanning && !((ctx === LexContext.CommandStart || ctx === LexContext.CommandPrefix || ctx === LexContext.Declaration || ctx === LexContext.EvalArgument) && isMatchedAssignment(assignmentState) && skipLineContinuations(src, assignmentOperatorPos(assignmentState) + 1, len) === pos))
            break;
          let innerStart = pos + 1, close = this.findClosingShellDelimiter(innerStart, len, 41, prefixChar === 61);
          if (close === -1 && !scanning && !subscripts && assignmentState >= ASSIGNMENT_INDEX_BASE || ctx === LexContext.CommandStart && prefixChar !== 61 && close !== -1 && skipBlanks(src, innerStart, close) === close)
            break;
          keywordEligible = !1;
          let patternEnd = close === -1 ? len : close;
          if (pos = close === -1 ? len : close + 1, close === -1 && this.errors.push({ message: "unterminated extended glob", pos: innerStart - 2 }), lastValueChar = src.charCodeAt(pos - 1), bt) {
            let eg = "(" + src.slice(innerStart, pos);
            if (text2 += eg, bp && prefixChar !== 61) {
              let prefixPos = innerStart - 2;
              for (; src.charCodeAt(prefixPos) === 10 && src.charCodeAt(prefixPos - 1) === 92; )
                prefixPos -= 2;
              if (litBuf.length > 0) {
                let trimmed = litBuf.slice(0, -1);
                prefixPos > litStart && parts.push({
                  type: "Literal",
                  pos: litStart,
                  end: prefixPos,
                  value: trimmed,
                  text: src.slice(litStart, prefixPos)
                }), litBuf = "";
              }
              let op = extglobOp[prefixChar];
              parts.push({
                type: "ExtendedGlob",
                pos: prefixPos,
                end: pos,
                text: src.slice(prefixPos, pos),
                operator: op,
                pattern: src.slice(innerStart, patternEnd),
                parts: this.subFieldParts(innerStart, patternEnd)
              }), litStart = pos;
            } else bp && (litBuf += eg, hasGlobs = hasGlobs || hasGlobCharacters(eg));
          }
          continue;
        }
        break;
      }
      if (ch === 92) {
        pos++, pos < len ? src.charCodeAt(pos) === 10 ? (pos++, valueIsRaw = !1) : (assignmentState >= 0 && assignmentState < ASSIGNMENT_INDEX_BASE && (assignmentState = ASSIGNMENT_INVALID), quoted = !0, keywordEligible = !1, valueIsRaw = !1, lastValueChar = src.charCodeAt(pos), bt && (text2 += src[pos], bp && (litBuf += src[pos])), pos++) : (assignmentState >= 0 && assignmentState < ASSIGNMENT_INDEX_BASE && (assignmentState = ASSIGNMENT_INVALID), quoted = !0, keywordEligible = !1, lastValueChar = 92, bt && (text2 += "\\", bp && (litBuf += "\\")));
        continue;
      }
      if (ch === 39) {
        let sqStart = pos;
        assignmentState >= 0 && assignmentState < ASSIGNMENT_INDEX_BASE && (assignmentState = ASSIGNMENT_INVALID), quoted = !0, keywordEligible = !1, valueIsRaw = !1, pos++;
        let start = pos;
        for (; pos < len && src.charCodeAt(pos) !== 39; )
          pos++;
        pos > start && (lastValueChar = src.charCodeAt(pos - 1));
        let value = bt ? src.slice(start, pos) : "";
        bt && (text2 += value), pos < len ? pos++ : this.errors.push({ message: "unterminated single quote", pos: start - 1 }), bp && (sqStart > litStart && (parts.push({
          type: "Literal",
          pos: litStart,
          end: sqStart,
          value: litBuf,
          text: src.slice(litStart, sqStart)
        }), litBuf = ""), parts.push({ type: "SingleQuoted", pos: sqStart, end: pos, value, text: src.slice(sqStart, pos) }), litStart = pos);
        continue;
      }
      if (ch === 34) {
        let dqStart = pos;
        if (assignmentState >= 0 && assignmentState < ASSIGNMENT_INDEX_BASE && (assignmentState = ASSIGNMENT_INVALID), quoted = !0, keywordEligible = !1, valueIsRaw = !1, pos++, this.pos = pos, this.readDoubleQuoted(), pos = this.pos, this._dqEnd > dqStart + 1 && (lastValueChar = src.charCodeAt(this._dqEnd - 1)), this._dqHasExpansions && (hasExpansions = !0), bt && (text2 += this._dqText), bp) {
          dqStart > litStart && (parts.push({
            type: "Literal",
            pos: litStart,
            end: dqStart,
            value: litBuf,
            text: src.slice(litStart, dqStart)
          }), litBuf = "");
          let dqText = src.slice(dqStart, pos);
          parts.push({
            type: "DoubleQuoted",
            pos: dqStart,
            end: pos,
            text: dqText,
            parts: this._dqParts ?? [
              {
                type: "Literal",
                pos: dqStart + 1,
                end: this._dqEnd,
                value: this._dqText,
                text: src.slice(dqStart + 1, this._dqEnd)
              }
            ]
          }), litStart = pos;
        }
        continue;
      }
      if (ch === 36) {
        keywordEligible = !1;
        let dollarStart = pos;
        assignmentState >= 0 && assignmentState < ASSIGNMENT_INDEX_BASE && (assignmentState = ASSIGNMENT_INVALID);
        let next = pos + 1 < len ? src.charCodeAt(pos + 1) : 0;
        (next === 39 || next === 34) && (quoted = !0), this.pos = pos, this.readDollar(), pos = this.pos, this._resultIsRaw || (valueIsRaw = !1), pos > dollarStart && (lastValueChar = src.charCodeAt(pos - 1)), this._resultHasExpansion && (hasExpansions = !0), bt && (text2 += this._resultText), bp && (this._resultPart ? (dollarStart > litStart && (parts.push({
          type: "Literal",
          pos: litStart,
          end: dollarStart,
          value: litBuf,
          text: src.slice(litStart, dollarStart)
        }), litBuf = ""), parts.push(this._resultPart), litStart = pos) : litBuf += this._resultText);
        continue;
      }
      if (ch === 96) {
        keywordEligible = !1;
        let btStart = pos;
        assignmentState >= 0 && assignmentState < ASSIGNMENT_INDEX_BASE && (assignmentState = ASSIGNMENT_INVALID), this.pos = pos, this.readBacktickExpansion(), pos = this.pos, valueIsRaw = !1, lastValueChar = src.charCodeAt(pos - 1), hasExpansions = !0, bt && (text2 += this._resultText), bp && (btStart > litStart && (parts.push({
          type: "Literal",
          pos: litStart,
          end: btStart,
          value: litBuf,
          text: src.slice(litStart, btStart)
        }), litBuf = ""), parts.push(this._resultPart), litStart = pos);
        continue;
      }
      if (ch === 123) {
        assignmentState >= 0 && assignmentState < ASSIGNMENT_INDEX_BASE && (assignmentState = ASSIGNMENT_INVALID);
        let first = pos + 1 < len ? src.charCodeAt(pos + 1) : 0, braceEnd = first <= 32 || first === 125 ? -1 : this.scanBraceExpansion(pos, braceResults ?? (braceResults = /* @__PURE__ */ new Map()));
        if (braceEnd > 0) {
          if (keywordEligible = !1, lastValueChar = src.charCodeAt(braceEnd - 1), bt) {
            let braceText = src.slice(pos, braceEnd);
            text2 += braceText, bp && (pos > litStart && (parts.push({
              type: "Literal",
              pos: litStart,
              end: pos,
              value: litBuf,
              text: src.slice(litStart, pos)
            }), litBuf = ""), parts.push({
              type: "BraceExpansion",
              pos,
              end: braceEnd,
              text: braceText,
              parts: this.subFieldParts(pos + 1, braceEnd - 1)
            }), litStart = braceEnd);
          }
          pos = braceEnd;
          continue;
        }
        lastValueChar = 123, bt && (text2 += "{", bp && (litBuf += "{")), pos++;
        continue;
      }
      pos++;
    }
    bp && pos > litStart && parts.push({ type: "Literal", pos: litStart, end: pos, value: litBuf, text: src.slice(litStart, pos) }), this.pos = pos, this._wordText = text2, this._wordRaw = valueIsRaw, this._wordQuoted = quoted, this._wordHasExpansions = hasExpansions, this._wordKeywordEligible = keywordEligible, this._wordAssignmentState = assignmentState, bp && (this._wordParts = parts.length > 1 || parts.length === 1 && parts[0].type !== "Literal" ? parts : null, hasGlobs && ctx !== LexContext.ArrayElement && (this._wordParts = parseGlobParts(src, fastStart, pos, this._wordParts) ?? null));
  }
  // Arithmetic text gets expansions and quote removal but no process substitution.
  readInnerWordText(insideDoubleQuotes = !1, arithmetic = !1, globs = !1) {
    let src = this.src, len = this.srcEnd, pos = this.pos, start = pos, text2 = "", bp = this._buildParts, parts, litBuf = "", litStart = 0, preserveLiteral = !1, hasGlobs = !1;
    for (bp && (parts = [], litStart = pos); pos < len; ) {
      let ch = src.charCodeAt(pos);
      if (ch === 92) {
        if (pos++, pos < len)
          if (src.charCodeAt(pos) === 10)
            pos++;
          else {
            let next = src.charCodeAt(pos);
            insideDoubleQuotes && next !== 36 && next !== 96 && next !== 34 && next !== 92 && next !== 125 && (text2 += "\\", bp && (litBuf += "\\"), preserveLiteral = !0);
            let escaped = src[pos++];
            text2 += escaped, bp && (litBuf += escaped);
          }
        continue;
      }
      if (ch === 39 && !insideDoubleQuotes) {
        let sqStart = pos;
        pos++;
        let start2 = pos;
        for (; pos < len && src.charCodeAt(pos) !== 39; )
          pos++;
        let value = src.slice(start2, pos);
        text2 += value, pos < len && pos++, bp && (sqStart > litStart && (parts.push({
          type: "Literal",
          pos: litStart,
          end: sqStart,
          value: litBuf,
          text: src.slice(litStart, sqStart)
        }), litBuf = ""), parts.push({ type: "SingleQuoted", pos: sqStart, end: pos, value, text: src.slice(sqStart, pos) }), litStart = pos);
        continue;
      }
      if (ch === 34) {
        let dqStart = pos;
        if (pos++, this.pos = pos, this.readDoubleQuoted(insideDoubleQuotes), pos = this.pos, text2 += this._dqText, bp) {
          dqStart > litStart && (parts.push({
            type: "Literal",
            pos: litStart,
            end: dqStart,
            value: litBuf,
            text: src.slice(litStart, dqStart)
          }), litBuf = "");
          let dqText = src.slice(dqStart, pos);
          parts.push({
            type: "DoubleQuoted",
            pos: dqStart,
            end: pos,
            text: dqText,
            parts: this._dqParts ?? [
              {
                type: "Literal",
                pos: dqStart + 1,
                end: this._dqEnd,
                value: this._dqText,
                text: src.slice(dqStart + 1, this._dqEnd)
              }
            ]
          }), litStart = pos;
        }
        continue;
      }
      if (ch === 36) {
        let dollarStart = pos;
        this.pos = pos, this.readDollar(insideDoubleQuotes), pos = this.pos, text2 += this._resultText, bp && (this._resultPart ? (dollarStart > litStart && (parts.push({
          type: "Literal",
          pos: litStart,
          end: dollarStart,
          value: litBuf,
          text: src.slice(litStart, dollarStart)
        }), litBuf = ""), parts.push(this._resultPart), litStart = pos) : litBuf += this._resultText);
        continue;
      }
      if (ch === 96) {
        let btStart = pos;
        this.pos = pos, this.readBacktickExpansion(insideDoubleQuotes), pos = this.pos, text2 += this._resultText, bp && (btStart > litStart && (parts.push({
          type: "Literal",
          pos: litStart,
          end: btStart,
          value: litBuf,
          text: src.slice(litStart, btStart)
        }), litBuf = ""), parts.push(this._resultPart), litStart = pos);
        continue;
      }
      if (!insideDoubleQuotes && !arithmetic && (ch === 60 || ch === 62) && pos + 1 < len && src.charCodeAt(pos + 1) === 40) {
        let psStart = pos;
        this.pos = pos + 2;
        let inner = this.extractBalanced();
        pos = this.pos;
        let raw = src.slice(psStart, pos);
        text2 += raw, bp && (psStart > litStart && (parts.push({
          type: "Literal",
          pos: litStart,
          end: psStart,
          value: litBuf,
          text: src.slice(litStart, psStart)
        }), litBuf = ""), parts.push(this.processSubstitution(psStart, raw, ch === 60 ? "<" : ">", inner)), litStart = pos);
        continue;
      }
      text2 += src[pos], bp && (litBuf += src[pos], globs && (ch === 42 || ch === 63 || ch === 91) && (hasGlobs = !0)), pos++;
    }
    bp && pos > litStart && parts.push({ type: "Literal", pos: litStart, end: pos, value: litBuf, text: src.slice(litStart, pos) }), this.pos = pos, this._wordText = text2, this._wordRaw = !1, this._wordQuoted = !1, this._wordHasExpansions = !1, this._wordKeywordEligible = !1, bp && (this._wordParts = parts.length > 1 || parts.length === 1 && (parts[0].type !== "Literal" || preserveLiteral) ? parts : null, hasGlobs && (this._wordParts = parseGlobParts(src, start, pos, this._wordParts) ?? null));
  }
  subFieldParts(start, end) {
    if (!(this._nestingDepth >= 256))
      return hasEmbeddedWordStructure(this.src, start, end) ? this.parseSubFieldWord(start, end).parts : parseGlobParts(this.src, start, end, void 0);
  }
  // Parse a parameter-expansion sub-field (operand, slice bound, replacement pattern) over
  // the window [start, end) of the original source. Parsing in place — rather than against a
  // detached slice — gives the word and any nested substitutions absolute offsets, and
  // composes through nested ${...}. The `${...}` inner is a verbatim substring of the
  // source, so every sub-field offset maps straight back.
  parseSubFieldWord(start, end, context = "word", arithmetic = !1) {
    if (start >= end)
      return new WordImpl("", start, start);
    if (this._nestingDepth >= 256)
      return new WordImpl(this.src.slice(start, end), start, end);
    this._nestingDepth++;
    let savedEnd = this.srcEnd, savedBracketWindow = this._bracketWindow, savedArithmeticBracketWindow = this._arithmeticBracketWindow, savedPos = this.pos, savedText = this._wordText, savedParts = this._wordParts, savedQuoted = this._wordQuoted, savedKeywordEligible = this._wordKeywordEligible;
    this.srcEnd = end, this.pos = start, this.readInnerWordText(context === "quoted", arithmetic, context === "word");
    let word = new WordImpl(this.src.slice(start, end), start, end);
    return this._buildParts && (word.parts = this._wordParts ?? void 0), this.srcEnd = savedEnd, this._bracketWindow = savedBracketWindow, this._arithmeticBracketWindow = savedArithmeticBracketWindow, this.pos = savedPos, this._wordText = savedText, this._wordParts = savedParts, this._wordQuoted = savedQuoted, this._wordKeywordEligible = savedKeywordEligible, this._nestingDepth--, word;
  }
  skipSQ() {
    for (; this.pos < this.srcEnd && this.src.charCodeAt(this.pos) !== 39; )
      this.pos++;
    this.pos < this.srcEnd && this.pos++;
  }
  skipAnsiCQuoted() {
    let quotePos = this.pos - 1, result = decodeAnsiCQuoted(this.src, this.pos, this.srcEnd);
    this.pos = result.end, result.closed || this.errors.push({ message: "unterminated ANSI-C quote", pos: quotePos });
  }
  // Plain quoted text is skipped here; the first `$(`, `${`, `$$`, backtick or the end of input
  // hands the rest to the quote scanner, which owns substitution and nesting-limit decisions.
  skipDQ() {
    let src = this.src, len = this.srcEnd;
    if (this._unbalanced = !1, this._nestingDepth < 256)
      for (; this.pos < len; ) {
        let ch = src.charCodeAt(this.pos);
        if (ch === 34) {
          this.pos++;
          return;
        }
        if (ch === 92) {
          this.pos = Math.min(this.pos + 2, len);
          continue;
        }
        if (ch === 96)
          break;
        if (ch === 36) {
          let next = src.charCodeAt(this.pos + 1);
          if (next === 40 || next === 123 || next === 36)
            break;
        }
        this.pos++;
      }
    this.extractBalanced(!0, !0);
  }
  skipSpacesAndTabs() {
    this.pos = skipBlanks(this.src, this.pos, this.srcEnd);
  }
  readDoubleQuoted(unescapeAll = !1) {
    let src = this.src, len = this.srcEnd, contentStart = this.pos, hasExpansions = !1, bp = this._buildParts, bt = bp || this._buildValue;
    if (!bp) {
      let p = this.pos;
      for (; p < len; ) {
        let c = src.charCodeAt(p);
        if (c === 34) {
          this._dqText = bt ? src.slice(contentStart, p) : "", this._dqEnd = p, this.pos = p + 1, this._dqHasExpansions = !1, this._dqParts = null;
          return;
        }
        if (c === 36 || c === 96 || c === 92)
          break;
        p++;
      }
    }
    let text2 = "", parts = null, litBuf = "", litStart = bp ? this.pos : 0;
    for (; this.pos < len && src.charCodeAt(this.pos) !== 34; ) {
      let runStart = this.pos;
      for (; this.pos < len; ) {
        let c = src.charCodeAt(this.pos);
        if (c === 34 || c === 92 || c === 36 || c === 96)
          break;
        this.pos++;
      }
      if (bt && this.pos > runStart) {
        let chunk = src.slice(runStart, this.pos);
        text2 += chunk, bp && (litBuf += chunk);
      }
      if (this.pos >= len || src.charCodeAt(this.pos) === 34)
        break;
      let ch = src.charCodeAt(this.pos);
      if (ch === 92) {
        if (this.pos++, this.pos < len) {
          let next = src.charCodeAt(this.pos);
          if (next === 10) {
            this.pos++;
            continue;
          }
          if (bt)
            if (unescapeAll || next === 36 || next === 96 || next === 34 || next === 92) {
              let c = src[this.pos];
              text2 += c, bp && (litBuf += c);
            } else {
              let pair = "\\" + src[this.pos];
              text2 += pair, bp && (litBuf += pair);
            }
          this.pos++;
        }
        continue;
      }
      if (ch === 36) {
        let afterDollar = this.pos + 1 < len ? src.charCodeAt(this.pos + 1) : 0;
        if (afterDollar === 34 || afterDollar === 39) {
          bt && (text2 += "$", bp && (litBuf += "$")), this.pos++;
          continue;
        }
        let expStart = this.pos;
        if (this.readDollar(!0), bt && (text2 += this._resultText), this._resultHasExpansion && (hasExpansions = !0), bp) {
          let rp = this._resultPart;
          rp && isDQChild(rp) ? (parts || (parts = []), expStart > litStart && (parts.push({
            type: "Literal",
            pos: litStart,
            end: expStart,
            value: litBuf,
            text: src.slice(litStart, expStart)
          }), litBuf = ""), parts.push(rp), litStart = this.pos) : litBuf += this._resultText;
        }
        continue;
      }
      if (ch === 96) {
        let btStart = this.pos;
        this.readBacktickExpansion(!0), bt && (text2 += this._resultText), hasExpansions = !0, bp && this._resultPart && isDQChild(this._resultPart) && (parts || (parts = []), btStart > litStart && (parts.push({
          type: "Literal",
          pos: litStart,
          end: btStart,
          value: litBuf,
          text: src.slice(litStart, btStart)
        }), litBuf = ""), parts.push(this._resultPart), litStart = this.pos);
        continue;
      }
    }
    bp && parts && this.pos > litStart && parts.push({ type: "Literal", pos: litStart, end: this.pos, value: litBuf, text: src.slice(litStart, this.pos) }), this._dqEnd = this.pos, this.pos < len ? this.pos++ : this.errors.push({ message: "unterminated double quote", pos: contentStart - 1 }), this._dqText = text2, this._dqHasExpansions = hasExpansions, this._dqParts = parts;
  }
  readDollar(insideDoubleQuotes = !1) {
    let dollarPos = this.pos;
    this.pos++;
    let src = this.src, len = this.srcEnd, bt = this._buildParts || this._buildValue;
    if (this.pos >= len) {
      this._resultText = "$", this._resultIsRaw = !0, this._resultHasExpansion = !1, this._resultPart = void 0;
      return;
    }
    let logicalPos = skipLineContinuations(src, this.pos, len);
    logicalPos > this.pos && src.charCodeAt(logicalPos) === 40 && src.charCodeAt(logicalPos + 1) !== 40 && (this.pos = logicalPos);
    let ch = src.charCodeAt(this.pos);
    if (ch === 40) {
      if (this.pos + 1 < len && src.charCodeAt(this.pos + 1) === 40) {
        let savedPos = this.pos, savedErrors = this.errors.length;
        if (this.readArithmeticExpansion(dollarPos), !this._notArithmetic)
          return;
        this.errors.length = savedErrors, this.pos = savedPos;
      }
      this.readCommandSubstitution(dollarPos);
      return;
    }
    if (ch === 123) {
      let after = this.pos + 1 < len ? src.charCodeAt(this.pos + 1) : 0;
      if (after === 32 || after === 9 || after === 10) {
        this.readBraceCommandSubstitution();
        return;
      }
      if (after === 124) {
        this.readValueSubstitution();
        return;
      }
      this.readParameterExpansion(insideDoubleQuotes);
      return;
    }
    if (ch === 39) {
      if (this.pos++, bt) {
        let value = this.readAnsiCQuoted();
        this._resultText = value, this._resultPart = this._buildParts ? { type: "AnsiCQuoted", pos: dollarPos, end: this.pos, text: src.slice(dollarPos, this.pos), value } : void 0;
      } else
        this.skipAnsiCQuoted(), this._resultText = "", this._resultPart = void 0;
      this._resultIsRaw = !1, this._resultHasExpansion = !1;
      return;
    }
    if (ch === 34) {
      if (this.pos++, this.readDoubleQuoted(insideDoubleQuotes), this._resultText = this._dqText, this._resultIsRaw = !1, this._resultHasExpansion = this._dqHasExpansions, this._buildParts) {
        let text2 = src.slice(dollarPos, this.pos);
        this._resultPart = {
          type: "LocaleString",
          pos: dollarPos,
          end: this.pos,
          text: text2,
          parts: this._dqParts ?? [
            {
              type: "Literal",
              pos: dollarPos + 2,
              end: this._dqEnd,
              value: this._dqText,
              text: src.slice(dollarPos + 2, this._dqEnd)
            }
          ]
        };
      } else
        this._resultPart = void 0;
      return;
    }
    if (ch === 64 || ch === 42 || ch === 35 || ch === 63 || ch === 45 || ch === 36 || ch === 33 || ch >= 48 && ch <= 57) {
      this.pos++;
      let text2 = bt ? src.slice(this.pos - 2, this.pos) : "";
      this._resultText = text2, this._resultIsRaw = !0, this._resultHasExpansion = !1, this._resultPart = this._buildParts ? { type: "SimpleExpansion", pos: dollarPos, end: this.pos, text: text2 } : void 0;
      return;
    }
    if (ch < 128 && isIdChar[ch] & 1) {
      let namePos = this.pos - 1;
      for (; this.pos < len; ) {
        let c = src.charCodeAt(this.pos);
        if (c < 128 && isIdChar[c] & 2)
          this.pos++;
        else
          break;
      }
      let text2 = bt ? src.slice(namePos, this.pos) : "";
      this._resultText = text2, this._resultIsRaw = !0, this._resultHasExpansion = !1, this._resultPart = this._buildParts ? { type: "SimpleExpansion", pos: dollarPos, end: this.pos, text: text2 } : void 0;
      return;
    }
    if (ch === 91) {
      let errorCount = this._errors === null ? 0 : this._errors.length, close = this.findClosingArithmeticBracket(this.pos + 1);
      if (close !== -1) {
        let bodyStart = this.pos + 1, body = src.slice(bodyStart, close);
        this.pos = close + 1;
        let text2 = bt ? src.slice(dollarPos, this.pos) : "";
        this._resultText = text2, this._resultIsRaw = !0, this._resultHasExpansion = !1, this._resultPart = this._buildParts ? this.arithmeticExpansion(bodyStart - 2, text2, body, bodyStart) : void 0;
        return;
      }
      this._errors !== null && (this._errors.length = errorCount);
    }
    this._resultText = "$", this._resultIsRaw = !0, this._resultHasExpansion = !1, this._resultPart = void 0;
  }
  scanArithmeticBody() {
    this._notArithmetic = !1, this._arithUnterminated = !1, this.pos += 2;
    let depth = 1, parenDepth = 0, parentParenDepth = 0, parenDepths, reported = !1, src = this.src, len = this.srcEnd, start = this.pos;
    for (; this.pos < len && depth > 0; ) {
      let c = src.charCodeAt(this.pos);
      if (c === 92)
        this.pos += this.pos + 1 < len ? 2 : 1;
      else if (c === 39)
        this.pos++, this.skipSQ();
      else if (c === 34)
        this.pos++, this.skipDQ();
      else if (c === 96) {
        for (this.pos++; this.pos < len && src.charCodeAt(this.pos) !== 96; )
          src.charCodeAt(this.pos) === 92 && this.pos++, this.pos++;
        this.pos < len && this.pos++;
      } else if (c === 36 && this.pos + 2 < len && src.charCodeAt(this.pos + 1) === 40 && src.charCodeAt(this.pos + 2) !== 40) {
        let dollarPos = this.pos;
        this.pos += 2, this.extractBalanced(), this._unbalanced && this.errors.push({ message: "unterminated command substitution", pos: dollarPos });
      } else if (c === 36 && this.pos + 1 < len && src.charCodeAt(this.pos + 1) === 123) {
        let close = this.findClosingBrace(this.pos + 2, len);
        this.pos = close === -1 ? len : close + 1;
      } else if ((c === 60 || c === 62) && this.pos + 1 < len && src.charCodeAt(this.pos + 1) === 40)
        this.pos += 2, this.extractBalanced();
      else if (c === 40)
        src.charCodeAt(this.pos - 1) === 36 && src.charCodeAt(this.pos + 1) === 40 ? (depth === 1 ? parentParenDepth = parenDepth : (parenDepths ?? (parenDepths = [])).push(parenDepth), depth++, parenDepth = 0, depth + this._nestingDepth > 256 && !reported && (this.errors.push({ message: "maximum arithmetic expansion nesting depth exceeded", pos: this.pos - 1 }), reported = !0), this.pos += 2) : (++parenDepth + depth - 1 + this._nestingDepth > 256 && !reported && (this.errors.push({ message: "maximum arithmetic expression nesting depth exceeded", pos: this.pos }), reported = !0), this.pos++);
      else if (c === 41 && parenDepth > 0)
        parenDepth--, this.pos++;
      else if (c === 41 && this.pos + 1 < len && src.charCodeAt(this.pos + 1) === 41) {
        if (--depth === 0) {
          this.pos += 2;
          break;
        }
        parenDepth = depth === 1 ? parentParenDepth : parenDepths.pop(), this.pos += 2;
      } else {
        if (c === 41 && depth === 1)
          return this._notArithmetic = !0, "";
        this.pos++;
      }
    }
    let bt = this._buildParts || this._buildValue;
    return depth > 0 ? (this._arithUnterminated = !0, bt ? src.slice(start, this.pos) : "") : bt ? src.slice(start, this.pos - 2) : "";
  }
  readArithmeticExpansion(dollarPos) {
    let bodyStart = this.pos + 2, body = this.scanArithmeticBody();
    if (this._notArithmetic)
      return;
    this._arithUnterminated && this.errors.push({ message: "unterminated arithmetic expansion", pos: dollarPos });
    let text2 = this._buildParts || this._buildValue ? this.src.slice(dollarPos, this.pos) : "";
    this._resultText = text2, this._resultIsRaw = !0, this._resultHasExpansion = !1, this._resultPart = this._buildParts ? this.arithmeticExpansion(dollarPos, text2, body, bodyStart) : void 0;
  }
  arithmeticExpansion(pos, text2, body, bodyStart) {
    return new ArithmeticExpansionImpl(pos, this.pos, text2, {
      source: this.src,
      body,
      offset: bodyStart,
      depth: this._nestingDepth,
      context: this.substitutionContext
    });
  }
  readArithmeticCommand(out, tokenStart) {
    let savedBuildValue = this._buildValue;
    this._buildValue = !0;
    let body = this.scanArithmeticBody();
    this._buildValue = savedBuildValue, this._arithUnterminated && this.errors.push({ message: "unterminated arithmetic command", pos: tokenStart }), setToken(out, Token.ArithCmd, body, tokenStart, this.pos);
  }
  readCommandSubstitution(dollarPos) {
    let openPos = this.pos;
    this.pos++;
    let inner = this.extractBalanced();
    this._unbalanced && this.errors.push({ message: "unterminated command substitution", pos: dollarPos });
    let bt = this._buildParts || this._buildValue, rawText = bt ? this.src.slice(dollarPos, this.pos) : "", text2 = !bt || openPos === dollarPos + 1 ? rawText : "$" + this.src.slice(openPos, this.pos);
    this._resultText = text2, this._resultIsRaw = openPos === dollarPos + 1, this._resultHasExpansion = !0, this._buildParts ? this._resultPart = this.commandExpansion(dollarPos, rawText, openPos + 1, inner, !this._unbalanced) : this._resultPart = void 0;
  }
  readBraceCommandSubstitution() {
    this.readBraceSubstitution(1);
  }
  readValueSubstitution() {
    this.readBraceSubstitution(2);
  }
  readBraceSubstitution(skip) {
    let dollarPos = this.pos - 1;
    this.pos += skip;
    let src = this.src, len = this.srcEnd, depth = 1, start = this.pos;
    for (; this.pos < len; ) {
      let c = src.charCodeAt(this.pos);
      if (c === 123)
        depth++;
      else if (c === 125) {
        if (--depth === 0) {
          this.pos++;
          break;
        }
      } else if (c === 39) {
        this.pos++, this.skipSQ();
        continue;
      } else if (c === 34) {
        this.pos++, this.skipDQ();
        continue;
      } else c === 92 && this.pos++;
      this.pos++;
    }
    if (this._resultIsRaw = !0, this._resultHasExpansion = !0, this._buildParts || this._buildValue) {
      let rawInner = src.slice(start, this.pos - 1), inner = rawInner.trim(), text2 = src.slice(dollarPos, this.pos);
      if (this._resultText = text2, this._buildParts) {
        let innerStart = start + (rawInner.length - rawInner.trimStart().length);
        this._resultPart = this.commandExpansion(dollarPos, text2, innerStart, inner);
      } else
        this._resultPart = void 0;
    } else
      this._resultText = "", this._resultPart = void 0;
  }
  readBacktickExpansion(insideDoubleQuotes = !1) {
    this.pos++;
    let src = this.src, len = this.srcEnd, start = this.pos;
    if (!this._buildParts && !this._buildValue) {
      for (; this.pos < len && src.charCodeAt(this.pos) !== 96; )
        src.charCodeAt(this.pos) === 92 && this.pos + 1 < len && this.pos++, this.pos++;
      this.pos < len ? this.pos++ : this.errors.push({ message: "unterminated backtick", pos: start - 1 }), this._resultText = "", this._resultIsRaw = !1, this._resultHasExpansion = !0, this._resultPart = void 0;
      return;
    }
    let inner = "", hasEscapes = !1;
    for (; this.pos < len && src.charCodeAt(this.pos) !== 96; ) {
      if (src.charCodeAt(this.pos) === 92) {
        hasEscapes = !0;
        break;
      }
      this.pos++;
    }
    if (!hasEscapes)
      inner = src.slice(start, this.pos);
    else
      for (inner = src.slice(start, this.pos); this.pos < len && src.charCodeAt(this.pos) !== 96; )
        if (src.charCodeAt(this.pos) === 92) {
          if (this.pos++, this.pos < len) {
            let c = src.charCodeAt(this.pos);
            c === 36 || c === 96 || c === 92 || insideDoubleQuotes && c === 34 ? inner += src[this.pos] : inner += "\\" + src[this.pos], this.pos++;
          }
        } else {
          let runStart = this.pos;
          for (; this.pos < len; ) {
            let c = src.charCodeAt(this.pos);
            if (c === 96 || c === 92)
              break;
            this.pos++;
          }
          inner += src.slice(runStart, this.pos);
        }
    this.pos < len ? this.pos++ : this.errors.push({ message: "unterminated backtick", pos: start - 1 });
    let text2 = src.slice(start - 1, this.pos);
    this._resultText = inner, this._resultHasExpansion = !0, this._buildParts ? this._resultPart = hasEscapes ? this.decodedCommandExpansion(start - 1, text2, inner) : this.commandExpansion(start - 1, text2, start, inner) : this._resultPart = void 0;
  }
  readParameterExpansion(insideDoubleQuotes) {
    let src = this.src, len = this.srcEnd, start = this.pos;
    this.pos++;
    let depth = 1, reported = !1;
    for (; this.pos < len && depth > 0; ) {
      let ch = src.charCodeAt(this.pos);
      if (ch === 36) {
        let next = this.pos + 1 < len ? src.charCodeAt(this.pos + 1) : 0;
        if (next === 123) {
          depth++, this._nestingDepth + depth > 256 && !reported && (this.errors.push({ message: "maximum parameter expansion nesting depth exceeded", pos: this.pos }), reported = !0), this.pos += 2;
          continue;
        }
        if (next === 36) {
          this.pos += 2;
          continue;
        }
        if (next === 40) {
          let dollarPos = this.pos;
          this.pos += 2, this.extractBalanced(), this._unbalanced && this.errors.push({ message: "unterminated command substitution", pos: dollarPos });
          continue;
        }
      } else if (ch === 96) {
        for (this.pos++; this.pos < len && src.charCodeAt(this.pos) !== 96; )
          src.charCodeAt(this.pos) === 92 && this.pos++, this.pos++;
        this.pos < len && this.pos++;
        continue;
      } else if (ch === 125) {
        if (--depth === 0) {
          this.pos++;
          break;
        }
      } else if (ch === 92)
        this.pos + 1 < len && this.pos++;
      else if (ch === 39) {
        this.pos++, this.pos > start + 1 && src.charCodeAt(this.pos - 2) === 36 ? this.skipAnsiCQuoted() : this.skipSQ();
        continue;
      } else if (ch === 34) {
        this.pos++, this.skipDQ();
        continue;
      }
      this.pos++;
    }
    let closed = depth === 0;
    closed || this.errors.push({ message: "unterminated parameter expansion", pos: start - 1 });
    let text2 = this._buildParts || this._buildValue ? src.slice(start - 1, this.pos) : "";
    if (this._resultText = text2, this._resultIsRaw = !0, this._resultHasExpansion = !1, this._buildParts) {
      let inner = src.slice(start + 1, closed ? this.pos - 1 : this.pos);
      this._resultPart = this.parseParamInner(text2, inner, start + 1, insideDoubleQuotes);
    } else
      this._resultPart = void 0;
  }
  // `innerStart` is the absolute offset of `inner` in the original source, so each sub-field
  // word is parsed in place at its true position. `sub(a, b)` maps inner-relative offsets to
  // that absolute window.
  parseParamInner(text2, inner, innerStart, insideDoubleQuotes) {
    let result = {
      type: "ParameterExpansion",
      pos: innerStart - 2,
      end: this.pos,
      text: text2,
      parameter: "",
      parameterPos: innerStart,
      parameterEnd: innerStart,
      prefix: void 0,
      index: void 0,
      operation: void 0
    }, ilen = inner.length;
    if (ilen === 0)
      return result;
    let sub2 = (a, b, context = "word") => this.parseSubFieldWord(innerStart + a, innerStart + b, context), closeBracket = (start) => {
      let close = this.findClosingBracket(innerStart + start, innerStart + ilen);
      return close === -1 ? -1 : close - innerStart;
    }, i = 0;
    if (ilen > 1 && inner.charCodeAt(0) === 33 && (result.prefix = "!", i = 1), ilen > 1 && inner.charCodeAt(0) === 35) {
      let nameEnd = this.scanParamName(inner, 1), parameterEnd = nameEnd, indexEnd = -1;
      if (parameterEnd < ilen && inner.charCodeAt(parameterEnd) === 91 && (indexEnd = closeBracket(parameterEnd + 1), indexEnd !== -1 && (parameterEnd = indexEnd + 1)), nameEnd > 1 && parameterEnd === ilen)
        return result.prefix = "#", result.parameter = inner.slice(1, nameEnd), result.parameterPos = innerStart + 1, result.parameterEnd = innerStart + nameEnd, indexEnd !== -1 && (result.index = sub2(nameEnd + 1, indexEnd, "embedded")), result;
    }
    let nameStart = i;
    if (i = this.scanParamName(inner, i), result.parameter = inner.slice(nameStart, i), result.parameterPos = innerStart + nameStart, result.parameterEnd = innerStart + i, i < ilen && inner.charCodeAt(i) === 91) {
      let closeB = closeBracket(i + 1);
      closeB !== -1 && (result.index = sub2(i + 1, closeB, "embedded"), i = closeB + 1);
    }
    if (i >= ilen)
      return result;
    let pos = innerStart + i, end = innerStart + ilen, opChar = inner.charCodeAt(i), nextChar = inner.charCodeAt(i + 1), defaultChar = inner[opChar === 58 ? i + 1 : i];
    if (defaultChar === "-" || defaultChar === "=" || defaultChar === "+" || defaultChar === "?") {
      let operandStart = i + (opChar === 58 ? 2 : 1);
      return result.operation = {
        type: "Default",
        pos,
        end,
        operatorEnd: innerStart + operandStart,
        operator: opChar === 58 ? `:${defaultChar}` : defaultChar,
        operand: sub2(operandStart, ilen, insideDoubleQuotes ? "quoted" : "word")
      }, result;
    }
    if (opChar === 58) {
      i++;
      let sliceStart = innerStart + i, colonIdx = findUnnested(inner.slice(i), 58, !0, (index, quoted) => this.findNestedShellEnd(sliceStart + index, end, quoted) - sliceStart);
      return result.operation = {
        type: "Slice",
        pos,
        end,
        operatorEnd: sliceStart,
        operator: ":",
        offset: sub2(i, colonIdx === -1 ? ilen : i + colonIdx, "embedded"),
        length: colonIdx === -1 ? void 0 : sub2(i + colonIdx + 1, ilen, "embedded")
      }, result;
    }
    if (opChar === 35 || opChar === 37) {
      let doubled = nextChar === opChar, operator = opChar === 35 ? doubled ? "##" : "#" : doubled ? "%%" : "%", operandStart = i + (doubled ? 2 : 1);
      return result.operation = {
        type: "Remove",
        pos,
        end,
        operatorEnd: innerStart + operandStart,
        operator,
        operand: sub2(operandStart, ilen)
      }, result;
    }
    if (opChar === 47) {
      i++;
      let operator = "/";
      (nextChar === 47 || nextChar === 35 || nextChar === 37) && (operator = nextChar === 47 ? "//" : nextChar === 35 ? "/#" : "/%", i++);
      let separatorStart = i;
      nextChar === 47 && (separatorStart = skipLineContinuations(inner, i, ilen), inner.charCodeAt(separatorStart) === 47 && separatorStart++);
      let sepIdx = findUnnested(inner.slice(separatorStart), 47), patternEnd = sepIdx === -1 ? ilen : separatorStart + sepIdx;
      return result.operation = {
        type: "Replace",
        pos,
        end,
        operatorEnd: innerStart + i,
        operator,
        pattern: sub2(i, patternEnd),
        replacement: sub2(sepIdx === -1 ? ilen : patternEnd + 1, ilen)
      }, result;
    }
    if (opChar === 94 || opChar === 44) {
      let doubled = nextChar === opChar, operator = opChar === 94 ? doubled ? "^^" : "^" : doubled ? ",," : ",", operandStart = i + (doubled ? 2 : 1);
      return result.operation = {
        type: "CaseModification",
        pos,
        end,
        operatorEnd: innerStart + operandStart,
        operator,
        operand: operandStart === ilen ? void 0 : sub2(operandStart, ilen)
      }, result;
    }
    return result.prefix === "!" && result.index === void 0 && i + 1 === ilen && (opChar === 64 || opChar === 42) ? (result.operation = { type: "Names", pos, end, operatorEnd: end, operator: opChar === 64 ? "@" : "*" }, result) : opChar === 64 ? (result.operation = {
      type: "Transform",
      pos,
      end,
      operatorEnd: pos + 1,
      operator: "@",
      operand: sub2(i + 1, ilen)
    }, result) : (result.operation = { type: "Unknown", pos, end, operatorEnd: end, operator: inner.slice(i) }, result);
  }
  findNestedShellEnd(start, end, quoted) {
    let ch = this.src.charCodeAt(start);
    if (ch === 96) {
      let pos = start + 1;
      for (; pos < end; ) {
        let current = this.src.charCodeAt(pos);
        if (current === 92) {
          pos += 2;
          continue;
        }
        if (pos++, current === 96)
          return pos;
      }
      return end;
    }
    let close;
    if (ch === 36) {
      let next = start + 1;
      if (next < end && this.src.charCodeAt(next) === 123)
        close = this.findClosingBrace(next + 1, end);
      else {
        let open = skipLineContinuations(this.src, next, end);
        if (open >= end || this.src.charCodeAt(open) !== 40)
          return start;
        close = this.findClosingParenthesis(open + 1, end);
      }
    } else {
      let open = start + 1;
      if (quoted || ch !== 60 && ch !== 62 || open >= end || this.src.charCodeAt(open) !== 40)
        return start;
      close = this.findClosingParenthesis(open + 1, end);
    }
    return close === -1 ? end : close + 1;
  }
  scanParamName(s, start) {
    let i = start;
    if (i >= s.length)
      return i;
    let c = s.charCodeAt(i);
    if (c === 64 || c === 42 || c === 35 || c === 63 || c === 45 || c === 36 || c === 33)
      return i + 1;
    if (c >= 48 && c <= 57) {
      for (; i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57; )
        i++;
      return i;
    }
    if (c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95)
      for (i++; i < s.length; ) {
        let ch = s.charCodeAt(i);
        if (ch >= 97 && ch <= 122 || ch >= 65 && ch <= 90 || ch >= 48 && ch <= 57 || ch === 95)
          i++;
        else
          break;
      }
    return i;
  }
  readAnsiCQuoted() {
    let quotePos = this.pos - 1, result = decodeAnsiCQuoted(this.src, this.pos, this.srcEnd);
    return this.pos = result.end, result.closed || this.errors.push({ message: "unterminated ANSI-C quote", pos: quotePos }), result.value;
  }
  // Quotes resume when a nested substitution returns to their parenthesis depth.
  extractBalanced(useGrammar = !0, quoteOnly = !1) {
    let src = this.src, len = this.srcEnd, bt = this._buildParts || this._buildValue, depth = quoteOnly ? 0 : 1, start = this.pos;
    this._unbalanced = !1;
    let knownEnd = useGrammar && !quoteOnly ? this.substitutionContext.boundaries?.get(start) : void 0;
    if (knownEnd !== void 0 && knownEnd <= len && this._nestingDepth < 256)
      return this.pos = knownEnd, bt ? src.slice(start, knownEnd - 1) : "";
    let wordStart = !0;
    for (; !quoteOnly && this.pos < len; ) {
      let c = src.charCodeAt(this.pos);
      if (c === 41) {
        let result = bt ? src.slice(start, this.pos) : "";
        return this.pos++, result;
      } else {
        if (c === 40 || c === 92 || c === 39 || c === 34 || c === 96 || c === 36 && (src.charCodeAt(this.pos + 1) === 39 || src.charCodeAt(this.pos + 1) === 36 || src.charCodeAt(this.pos + 1) === 123))
          break;
        if (c === 60 && this.pos + 1 < len && src.charCodeAt(this.pos + 1) === 60)
          break;
        if (c === 35 && wordStart)
          break;
        if (c === 99 && wordStart && this.pos + 3 < len && src.charCodeAt(this.pos + 1) === 97 && src.charCodeAt(this.pos + 2) === 115 && src.charCodeAt(this.pos + 3) === 101 && (this.pos + 4 >= len || src.charCodeAt(this.pos + 4) < 128 && charType[src.charCodeAt(this.pos + 4)] & 1))
          break;
        wordStart = c < 128 && (charType[c] & 1) !== 0, this.pos++;
      }
    }
    let caseDepth = 0, caseParens = 0, wordStartAfterParen = [], pendingDelims = null, scripts, arithBase = -1, arithExtent = start >= 2 && src.charCodeAt(start) === 40 && src.charCodeAt(start - 1) === 40 && src.charCodeAt(start - 2) === 36, substitutions = 0, reported = !1, quotes = quoteOnly ? [{ close: 34, depth: 0 }] : [], quotedDepth = quoteOnly ? 1 : 0, parameterDepth = 0, arithmeticOpens, continuedDollarPos = -1, continuedParenPos = -1, escapedEnd = -1, lastParenEnd = -1, checkedGrammar = !1;
    for (; this.pos < len && (depth > 0 || quotes.length > 0); ) {
      let ch = src.charCodeAt(this.pos), quote = quotes.length === 0 ? void 0 : quotes[quotes.length - 1];
      if (quote !== void 0 && quote.depth === depth) {
        let commandOpen = !1;
        if (ch === 92) {
          this.pos = Math.min(this.pos + 2, len);
          continue;
        }
        if (ch === quote.close) {
          if (quotes.pop(), ch === 34 ? quotedDepth-- : parameterDepth--, this.pos++, quoteOnly && depth === 0 && quotes.length === 0)
            return "";
          continue;
        }
        if (ch === 34)
          quotes.push({ close: 34, depth }), quotedDepth++;
        else if (ch === 39 && quote.close === 125) {
          this.pos++, this.skipSQ();
          continue;
        } else if (ch === 96) {
          for (this.pos++; this.pos < len && src.charCodeAt(this.pos) !== 96; )
            src.charCodeAt(this.pos) === 92 && this.pos++, this.pos < len && this.pos++;
          this.pos < len && this.pos++;
          continue;
        } else if (ch === 36) {
          let next = src.charCodeAt(this.pos + 1);
          if (next === 39 && quote.close === 125) {
            this.pos += 2, this.skipAnsiCQuoted();
            continue;
          }
          if (next === 123)
            quotes.push({ close: 125, depth }), parameterDepth++, this.pos++;
          else if (next === 40)
            this.pos++, ch = 40, commandOpen = !0;
          else if (next === 36) {
            this.pos += src.charCodeAt(this.pos + 2) === 40 ? 1 : 2;
            continue;
          }
        }
        if (!reported && this._nestingDepth + Math.max(quotedDepth, parameterDepth) > 256 && (this.errors.push({ message: "maximum word nesting depth exceeded", pos: this.pos }), reported = !0), !commandOpen) {
          for (this.pos++; this.pos < len; ) {
            let c = src.charCodeAt(this.pos);
            if (c === 92 || c === 34 || c === 36 || c === 96 || c === 125 || c === 39)
              break;
            this.pos++;
          }
          continue;
        }
      }
      if (ch === 35 && lastParenEnd !== -1 && !arithExtent && arithBase < 0 && useGrammar && !checkedGrammar && this._nestingDepth + (scripts?.length ?? 0) < 256 && skipBlanks(src, lastParenEnd, len) === this.pos) {
        checkedGrammar = !0;
        let scope = scripts?.[scripts.length - 1], end = this.findSubstitutionEnd(scope?.start ?? start, len, this._nestingDepth + (scripts?.length ?? 0) + 1);
        if (end !== -1) {
          if (scope === void 0)
            return this.pos = end, bt ? src.slice(start, end - 1) : "";
          this.pos = end - 1, depth = scope.depth + 1, caseDepth = 0, caseParens = 0, wordStartAfterParen.length = scope.parens + 1, ch = 41;
        }
      }
      if (ch === 40) {
        let prev = this.pos > start && this.pos !== escapedEnd ? src.charCodeAt(this.pos - 1) : 0, commandDollarPos = prev === 36 ? this.pos - 1 : this.pos === continuedParenPos ? continuedDollarPos : -1, wordParen = commandDollarPos !== -1 || prev === 60 || prev === 62 || prev === 61 || prev === 64 || prev === 63 || prev === 42 || prev === 43 || prev === 33 || prev === 40 && wordStartAfterParen[wordStartAfterParen.length - 1] === !1 || arithExtent && this.pos === start, script = commandDollarPos !== -1 && src.charCodeAt(this.pos + 1) !== 40 || (prev === 60 || prev === 62) && arithBase < 0 && !arithExtent;
        script && ((scripts ?? (scripts = [])).push({
          start: this.pos + 1,
          dollar: commandDollarPos,
          depth,
          parens: wordStartAfterParen.length,
          caseDepth,
          caseParens,
          arithBase,
          arithExtent,
          substitutions,
          checkedGrammar,
          pendingDelims
        }), caseDepth = 0, caseParens = 0, arithBase = -1, arithExtent = !1, checkedGrammar = !1, pendingDelims = null), wordStartAfterParen.push(!wordParen), wordStart = !0, !script && arithBase < 0 && this.pos + 1 < len && src.charCodeAt(this.pos + 1) === 40 && (arithBase = depth), commandDollarPos !== -1 && (script ? substitutions++ : (arithmeticOpens ?? (arithmeticOpens = [])).push(depth), substitutions + (arithmeticOpens?.length ?? 0) + this._nestingDepth + (quoteOnly ? 0 : 1) > 256 && !reported && (this.errors.push({ message: "maximum command substitution nesting depth exceeded", pos: commandDollarPos }), reported = !0)), continuedDollarPos = -1, continuedParenPos = -1, depth++, caseDepth > 0 && caseParens++, this.pos++;
      } else if (ch === 41) {
        if (caseDepth > 0 && caseParens === 0)
          this.pos++, wordStart = !0;
        else {
          if (caseDepth > 0 && caseParens--, depth--, depth === 0 && !quoteOnly) {
            let result = bt ? src.slice(start, this.pos) : "";
            return this.pos++, result;
          }
          if (depth <= arithBase && (arithBase = -1), arithmeticOpens !== void 0)
            for (; arithmeticOpens.length > 0 && arithmeticOpens[arithmeticOpens.length - 1] >= depth; )
              arithmeticOpens.pop();
          wordStart = wordStartAfterParen.pop() ?? !0, this.pos++;
          let scope = scripts?.[scripts.length - 1];
          scope !== void 0 && scope.depth === depth && (scripts.pop(), caseDepth = scope.caseDepth, caseParens = scope.caseParens, arithBase = scope.arithBase, arithExtent = scope.arithExtent, substitutions = scope.substitutions, checkedGrammar = scope.checkedGrammar, pendingDelims = scope.pendingDelims);
        }
        lastParenEnd = this.pos;
      } else if (ch === 92) {
        if (this.pos > start && src.charCodeAt(this.pos - 1) === 36) {
          let logicalPos = skipLineContinuations(src, this.pos, len);
          logicalPos > this.pos && src.charCodeAt(logicalPos) === 40 && src.charCodeAt(logicalPos + 1) !== 40 && (continuedDollarPos = this.pos - 1, continuedParenPos = logicalPos);
        }
        this.pos++, this.pos < len && (src.charCodeAt(this.pos) !== 10 && (wordStart = !1), this.pos++), escapedEnd = this.pos;
      } else if (ch === 36) {
        let next = src.charCodeAt(++this.pos);
        next === 39 ? (this.pos++, this.skipAnsiCQuoted()) : next === 36 ? this.pos++ : next === 123 && !isBraceCommandOpener(src.charCodeAt(this.pos + 1)) && (quotes.push({ close: 125, depth }), parameterDepth++, this.pos++), wordStart = !1;
      } else if (ch === 39)
        this.pos++, this.skipSQ(), wordStart = !1;
      else if (ch === 34)
        quotes.push({ close: 34, depth }), quotedDepth++, this.pos++, wordStart = !1;
      else if (ch === 96) {
        for (this.pos++; this.pos < len && src.charCodeAt(this.pos) !== 96; )
          src.charCodeAt(this.pos) === 92 && this.pos++, this.pos < len && this.pos++;
        this.pos < len && this.pos++, wordStart = !1;
      } else if (ch === 60 && arithBase < 0 && this.pos + 1 < len && src.charCodeAt(this.pos + 1) === 60) {
        if (this.pos + 2 < len && src.charCodeAt(this.pos + 2) === 60)
          this.pos += 3;
        else {
          this.pos += 2;
          let strip = this.pos < len && src.charCodeAt(this.pos) === 45;
          strip && this.pos++, this.skipSpacesAndTabs(), this.readHereDocDelimiter(), (this._hereDelim || this._hereQuoted) && (pendingDelims ?? (pendingDelims = [])).push({
            delimiter: this._hereDelim,
            strip,
            quoted: this._hereQuoted
          });
        }
        wordStart = !1;
      } else if (ch === 10 && pendingDelims) {
        this.pos++;
        for (let hd of pendingDelims)
          this.skipHereDocBody(hd.delimiter, hd.strip, !0, hd.quoted);
        pendingDelims = null, wordStart = !0;
      } else if (ch === 35 && arithBase < 0 && !arithExtent && wordStart)
        for (; this.pos < len && src.charCodeAt(this.pos) !== 10; )
          this.pos++;
      else {
        let wStart = this.pos;
        for (; this.pos < len; ) {
          let wc = src.charCodeAt(this.pos);
          if (wc < 128 && charType[wc])
            break;
          this.pos++;
        }
        if (this.pos > wStart) {
          if (this.pos - wStart === 4 && wordStart && arithBase < 0 && !arithExtent) {
            let c0 = src.charCodeAt(wStart);
            c0 === 99 && src.charCodeAt(wStart + 1) === 97 && src.charCodeAt(wStart + 2) === 115 && src.charCodeAt(wStart + 3) === 101 ? caseDepth++ : c0 === 101 && src.charCodeAt(wStart + 1) === 115 && src.charCodeAt(wStart + 2) === 97 && src.charCodeAt(wStart + 3) === 99 && caseDepth > 0 && (caseDepth--, caseDepth === 0 && (caseParens = 0));
          }
          wordStart = !1;
        } else {
          let wc = src.charCodeAt(this.pos);
          wordStart = wc < 128 && (charType[wc] & 1) !== 0, this.pos++;
        }
      }
    }
    return this._unbalanced = !0, quoteOnly && scripts !== void 0 && scripts.length > 0 && this.errors.push({ message: "unterminated command substitution", pos: scripts[0].dollar }), bt ? src.slice(start, this.pos) : "";
  }
};

// node_modules/unbash/dist/arithmetic.js
function opPrec(op) {
  switch (op) {
    case ",":
      return 1;
    case "=":
    case "+=":
    case "-=":
    case "*=":
    case "/=":
    case "%=":
    case "<<=":
    case ">>=":
    case "&=":
    case "|=":
    case "^=":
      return 2;
    case "||":
      return 4;
    case "&&":
      return 5;
    case "|":
      return 6;
    case "^":
      return 7;
    case "&":
      return 8;
    case "==":
    case "!=":
      return 9;
    case "<":
    case "<=":
    case ">":
    case ">=":
      return 10;
    case "<<":
    case ">>":
      return 11;
    case "+":
    case "-":
      return 12;
    case "*":
    case "/":
    case "%":
      return 13;
    case "**":
      return 14;
    case "?":
      return 3;
    default:
      return -1;
  }
}
function trimEnd(src, start, end) {
  for (; end > start; ) {
    let c = src.charCodeAt(end - 1);
    if (c !== 32 && c !== 9 && c !== 10)
      break;
    end--;
  }
  return end;
}
function opRightAssoc(op) {
  switch (op) {
    case "=":
    case "+=":
    case "-=":
    case "*=":
    case "/=":
    case "%=":
    case "<<=":
    case ">>=":
    case "&=":
    case "|=":
    case "^=":
    case "**":
      return !0;
    default:
      return !1;
  }
}
function parseArithmeticExpression(src, offset = 0, collector, nestingDepth = 0) {
  let pos = 0, len = src.length, initialWordCount = collector?.embeddedWords.length ?? 0;
  function makeWord(start2, end, embedded = !1) {
    let node = {
      type: "ArithmeticWord",
      pos: start2 + offset,
      end: end + offset,
      value: src.slice(start2, end),
      parts: void 0
    };
    return embedded && collector?.embeddedWords.push(node), node;
  }
  function skipWS() {
    for (; pos < len; ) {
      let c = src.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10)
        pos++;
      else
        break;
    }
  }
  function tryReadBinOp() {
    if (pos >= len)
      return null;
    let c = src.charCodeAt(pos), nc = pos + 1 < len ? src.charCodeAt(pos + 1) : 0, nnc = pos + 2 < len ? src.charCodeAt(pos + 2) : 0;
    switch (c) {
      case 44:
        return pos++, ",";
      case 61:
        return nc === 61 ? (pos += 2, "==") : (pos++, "=");
      case 33:
        return nc === 61 ? (pos += 2, "!=") : null;
      // unary
      case 60:
        return nc === 60 ? nnc === 61 ? (pos += 3, "<<=") : (pos += 2, "<<") : nc === 61 ? (pos += 2, "<=") : (pos++, "<");
      case 62:
        return nc === 62 ? nnc === 61 ? (pos += 3, ">>=") : (pos += 2, ">>") : nc === 61 ? (pos += 2, ">=") : (pos++, ">");
      case 43:
        return nc === 61 ? (pos += 2, "+=") : nc === 43 ? null : (pos++, "+");
      case 45:
        return nc === 61 ? (pos += 2, "-=") : nc === 45 ? null : (pos++, "-");
      case 42:
        return nc === 42 ? (pos += 2, "**") : nc === 61 ? (pos += 2, "*=") : (pos++, "*");
      case 47:
        return nc === 61 ? (pos += 2, "/=") : (pos++, "/");
      case 37:
        return nc === 61 ? (pos += 2, "%=") : (pos++, "%");
      case 124:
        return nc === 124 ? (pos += 2, "||") : nc === 61 ? (pos += 2, "|=") : (pos++, "|");
      case 38:
        return nc === 38 ? (pos += 2, "&&") : nc === 61 ? (pos += 2, "&=") : (pos++, "&");
      case 94:
        return nc === 61 ? (pos += 2, "^=") : (pos++, "^");
      case 63:
        return pos++, "?";
      default:
        return null;
    }
  }
  function skipTruncatedUnary() {
    for (skipWS(); pos < len; ) {
      let c2 = src.charCodeAt(pos);
      if (c2 !== 33 && c2 !== 126 && c2 !== 43 && c2 !== 45 || src.charCodeAt(pos + 1) === 61)
        break;
      pos++, skipWS();
    }
    if (src.charCodeAt(pos) === 40) {
      let groups = 1;
      for (pos++; pos < len && groups > 0; ) {
        let wordEnd = collector?.findArithmeticWordEnd?.(pos + offset, offset + len) ?? pos + offset;
        if (wordEnd > pos + offset) {
          pos = wordEnd - offset;
          continue;
        }
        let c2 = src.charCodeAt(pos++);
        c2 === 40 ? groups++ : c2 === 41 && groups--;
      }
    } else pos < len && src.charCodeAt(pos) !== 41 && src.charCodeAt(pos) !== 58 && parseAtom(0);
    skipWS();
    let c = src.charCodeAt(pos);
    (c === 43 || c === 45) && src.charCodeAt(pos + 1) === c && (pos += 2);
  }
  function recoverExpression(minPrec) {
    skipWS();
    let start2 = pos;
    if (start2 === len)
      return makeWord(start2, start2);
    let wordCount = collector?.embeddedWords.length ?? 0, ternaries = 0;
    for (; ; ) {
      if (skipTruncatedUnary(), skipWS(), src.charCodeAt(pos) === 58 && ternaries > 0) {
        ternaries--, pos++;
        continue;
      }
      let saved = pos, op = tryReadBinOp();
      if (op === null || ternaries === 0 && opPrec(op) < minPrec) {
        pos = saved;
        break;
      }
      op === "?" && ternaries++;
    }
    return collector && (collector.embeddedWords.length = wordCount), makeWord(start2, trimEnd(src, start2, pos));
  }
  function parseBinExpr(minPrec, depth) {
    if (depth > 256)
      return recoverExpression(minPrec);
    let left = parseUnaryExpr(depth);
    for (; skipWS(), !(pos >= len); ) {
      let saved = pos, op = tryReadBinOp();
      if (!op)
        break;
      if (op === "?") {
        if (opPrec(op) < minPrec) {
          pos = saved;
          break;
        }
        let consequent = parseBinExpr(1, depth + 1);
        skipWS(), pos < len && src.charCodeAt(pos) === 58 && pos++;
        let alternate = parseBinExpr(3, depth + 1);
        left = { type: "ArithmeticTernary", pos: left.pos, end: alternate.end, test: left, consequent, alternate };
        continue;
      }
      let prec = opPrec(op);
      if (prec < minPrec) {
        pos = saved;
        break;
      }
      let nextPrec = opRightAssoc(op) ? prec : prec + 1, right = parseBinExpr(nextPrec, depth + 1);
      left = { type: "ArithmeticBinary", pos: left.pos, end: right.end, operator: op, left, right };
    }
    return left;
  }
  function parseUnaryExpr(depth) {
    if (skipWS(), depth > 256)
      return recoverExpression(15);
    if (pos >= len)
      return makeWord(pos, pos);
    let start2 = pos, c = src.charCodeAt(pos), nc = pos + 1 < len ? src.charCodeAt(pos + 1) : 0;
    if (c === 43 && nc === 43) {
      pos += 2;
      let operand = parseUnaryExpr(depth + 1);
      return { type: "ArithmeticUnary", pos: start2 + offset, end: operand.end, operator: "++", operand, prefix: !0 };
    }
    if (c === 45 && nc === 45) {
      pos += 2;
      let operand = parseUnaryExpr(depth + 1);
      return { type: "ArithmeticUnary", pos: start2 + offset, end: operand.end, operator: "--", operand, prefix: !0 };
    }
    if (c === 33) {
      pos++;
      let operand = parseUnaryExpr(depth + 1);
      return { type: "ArithmeticUnary", pos: start2 + offset, end: operand.end, operator: "!", operand, prefix: !0 };
    }
    if (c === 126) {
      pos++;
      let operand = parseUnaryExpr(depth + 1);
      return { type: "ArithmeticUnary", pos: start2 + offset, end: operand.end, operator: "~", operand, prefix: !0 };
    }
    if (c === 43 && nc !== 43 && nc !== 61) {
      pos++;
      let operand = parseUnaryExpr(depth + 1);
      return { type: "ArithmeticUnary", pos: start2 + offset, end: operand.end, operator: "+", operand, prefix: !0 };
    }
    if (c === 45 && nc !== 45 && nc !== 61) {
      pos++;
      let operand = parseUnaryExpr(depth + 1);
      return { type: "ArithmeticUnary", pos: start2 + offset, end: operand.end, operator: "-", operand, prefix: !0 };
    }
    return parsePostfixExpr(depth);
  }
  function parsePostfixExpr(depth) {
    let operand = parseAtom(depth);
    if (skipWS(), pos + 1 < len) {
      let c = src.charCodeAt(pos), nc = src.charCodeAt(pos + 1);
      if (c === 43 && nc === 43)
        return pos += 2, { type: "ArithmeticUnary", pos: operand.pos, end: pos + offset, operator: "++", operand, prefix: !1 };
      if (c === 45 && nc === 45)
        return pos += 2, { type: "ArithmeticUnary", pos: operand.pos, end: pos + offset, operator: "--", operand, prefix: !1 };
    }
    return operand;
  }
  function parseAtom(depth) {
    if (skipWS(), pos >= len)
      return makeWord(pos, pos);
    let c = src.charCodeAt(pos);
    if (c === 40) {
      let start3 = pos;
      pos++;
      let expr = parseBinExpr(0, depth + 1);
      return skipWS(), pos < len && src.charCodeAt(pos) === 41 && pos++, { type: "ArithmeticGroup", pos: start3 + offset, end: pos + offset, expression: expr };
    }
    if (c === 36) {
      let start3 = pos, wordCount2 = collector?.embeddedWords.length ?? 0, atom2 = readDollarAtom(), wordEnd2 = collector?.findArithmeticWordEnd?.(start3 + offset, offset + len) ?? pos + offset;
      return wordEnd2 > pos + offset ? (collector && (collector.embeddedWords.length = wordCount2), pos = wordEnd2 - offset, makeWord(start3, pos, !0)) : atom2;
    }
    if (c === 96 || c === 34 || c === 39) {
      let start3 = pos;
      return pos = (collector?.findArithmeticWordEnd?.(start3 + offset, offset + len) ?? start3 + offset + 1) - offset, makeWord(start3, pos, !0);
    }
    let start2 = pos, wordCount = collector?.embeddedWords.length ?? 0, atom = readWordAtom(), wordEnd = collector?.findArithmeticWordEnd?.(start2 + offset, offset + len) ?? pos + offset;
    return wordEnd > pos + offset ? (collector && (collector.embeddedWords.length = wordCount), pos = wordEnd - offset, makeWord(start2, pos, !0)) : atom;
  }
  function readDollarAtom() {
    let start2 = pos;
    if (pos++, pos >= len)
      return makeWord(start2, pos);
    let c = src.charCodeAt(pos);
    if (c === 40)
      if (pos + 1 < len && src.charCodeAt(pos + 1) === 40) {
        let expansionEnd = collector?.findArithmeticExpansionEnd(start2 + offset, offset + len) ?? -1;
        if (expansionEnd !== -1)
          pos = expansionEnd - offset;
        else {
          pos += 2;
          let depth = 1;
          for (; pos < len && depth > 0; )
            src.charCodeAt(pos) === 40 && src.charCodeAt(pos + 1) === 40 ? (depth++, pos += 2) : src.charCodeAt(pos) === 41 && src.charCodeAt(pos + 1) === 41 ? (depth--, pos += 2) : pos++;
        }
      } else {
        pos++;
        let close = collector?.findClosingParenthesis(pos + offset, offset + len) ?? -1;
        if (close !== -1)
          pos = close - offset + 1;
        else {
          let depth = 1;
          for (; pos < len && depth > 0; ) {
            let ch = src.charCodeAt(pos++);
            ch === 40 ? depth++ : ch === 41 && depth--;
          }
        }
        let text2 = src.slice(start2, pos);
        return collector ? collector.commandExpansion(start2 + offset, pos + offset, text2) : new ScriptExpansionImpl("ArithmeticCommandExpansion", start2 + offset, pos + offset, text2);
      }
    else if (c === 123) {
      let close = collector?.findClosingBrace(pos + offset + 1, offset + len) ?? -1;
      if (close !== -1)
        pos = close - offset + 1;
      else {
        pos++;
        let depth = 1;
        for (; pos < len && depth > 0; ) {
          let ch = src.charCodeAt(pos++);
          ch === 123 ? depth++ : ch === 125 && depth--;
        }
      }
    } else
      for (; pos < len; ) {
        let ch = src.charCodeAt(pos);
        if (ch >= 97 && ch <= 122 || ch >= 65 && ch <= 90 || ch >= 48 && ch <= 57 || ch === 95)
          pos++;
        else
          break;
      }
    return makeWord(start2, pos, c === 40 || c === 123);
  }
  function readWordAtom() {
    let start2 = pos;
    for (; pos < len; ) {
      let c = src.charCodeAt(pos);
      if (c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95 || c === 35)
        pos++;
      else
        break;
    }
    if (pos > start2 && pos < len && src.charCodeAt(pos) === 91) {
      let close = collector?.findClosingBracket?.(pos + offset + 1, offset + len) ?? -1;
      if (close !== -1)
        pos = close - offset + 1;
      else {
        pos++;
        let depth = 1;
        for (; pos < len && depth > 0; ) {
          let c = src.charCodeAt(pos);
          c === 91 ? depth++ : c === 93 && depth--, pos++;
        }
      }
      return makeWord(start2, pos, !0);
    }
    return pos === start2 && pos++, makeWord(start2, pos);
  }
  if (skipWS(), pos >= len)
    return null;
  let start = pos, result = parseBinExpr(0, nestingDepth);
  return skipWS(), pos < len ? (collector && (collector.embeddedWords.length = initialWordCount), makeWord(start, trimEnd(src, start, len), collector !== void 0)) : result;
}

// node_modules/unbash/dist/parts.js
var computeBareWordParts = (_source, word) => hasGlobCharacters(word.text) ? parseGlobParts(word.text, 0, word.text.length, void 0, word.pos) : void 0;
function wordPartsResolver(context) {
  return context.wordParts ?? (context.wordParts = (source, word, depth) => computeWordParts(source, word, depth, context));
}
function embeddedPartsResolver(context) {
  return context.embeddedParts ?? (context.embeddedParts = (source, word, depth) => computeEmbeddedWordParts(source, word, depth, context));
}
function arrayPartsResolver(context) {
  return context.arrayParts ?? (context.arrayParts = (source, word, depth) => computeArrayElementParts(source, word, depth, context));
}
function computeWordParts(source, word, depth = 0, context = createSubstitutionContext()) {
  let lexer = new Lexer(source, word.pos, word.end, !1, context);
  return lexer._nestingDepth = depth, lexer.buildWordParts(word.pos) ?? void 0;
}
function computeEmbeddedWordParts(source, word, depth = 0, context, arithmetic = !1) {
  if (!hasEmbeddedWordStructure(source, word.pos, word.end))
    return;
  let lexer = new Lexer(source, word.pos, word.end, !1, context);
  return lexer._nestingDepth = depth, lexer.buildEmbeddedWordParts(word.pos, arithmetic) ?? void 0;
}
function computeArrayElementParts(source, word, depth = 0, context) {
  let lexer = new Lexer(source, word.pos, word.end, !1, context);
  return lexer._nestingDepth = depth, lexer.buildArrayElementParts(word.pos) ?? void 0;
}
function computeHereDocBodyParts(source, word, depth = 0, context) {
  let lexer = new Lexer(source, word.pos, word.end, !1, context);
  return lexer._nestingDepth = depth, lexer.buildHereDocParts(word.pos, word.end) ?? void 0;
}

// node_modules/unbash/dist/arithmetic-parts.js
function parseArithmeticWithParts(body, offset, source, depth, context, embeddedDepth = depth) {
  if (!hasEmbeddedWordStructure(source, offset, offset + body.length))
    return parseArithmeticExpression(body, offset, void 0, depth) ?? void 0;
  let embeddedWords = [], lexer = new Lexer(source, 0, source.length, !1, context);
  lexer._nestingDepth = depth;
  let expression = parseArithmeticExpression(body, offset, {
    embeddedWords,
    commandExpansion: (pos, end, text2) => new ScriptExpansionImpl("ArithmeticCommandExpansion", pos, end, text2, {
      source,
      start: pos + 2,
      end: end - 1,
      depth: depth + 1,
      parenBoundary: !0,
      context
    }),
    findClosingBracket: (start, end) => lexer.findClosingBracket(start, end),
    findClosingBrace: (start, end) => lexer.findClosingBrace(start, end),
    findClosingParenthesis: (start, end) => lexer.findClosingParenthesis(start, end),
    findArithmeticExpansionEnd: (start, end) => lexer.findArithmeticExpansionEnd(start, end),
    findArithmeticWordEnd: (start, end) => lexer.findArithmeticWordEnd(start, end)
  }, depth) ?? void 0;
  if (embeddedDepth <= 256)
    for (let node of embeddedWords)
      node.parts = computeEmbeddedWordParts(source, node, embeddedDepth, context, !0);
  return expression;
}

// node_modules/unbash/dist/assignment.js
var ArrayValueImpl = class {
  type = "ArrayValue";
  pos;
  end;
  #source;
  #depth;
  #context;
  #elements;
  constructor(source, pos, end, depth, context) {
    this.pos = pos, this.end = end, this.#source = source, this.#depth = depth, this.#context = context;
  }
  get elements() {
    if (this.#elements)
      return this.#elements;
    let lexer = new Lexer(this.#source, this.pos + 1, this.end - 1, !1, this.#context);
    lexer._nestingDepth = this.#depth;
    let elements = [];
    for (; lexer.peek(LexContext.ArrayElement).token !== Token.EOF; ) {
      let token = lexer.next(LexContext.ArrayElement);
      if (token.token !== Token.Word && token.token !== Token.Assignment)
        continue;
      let text2 = token.raw ? token.value : this.#source.slice(token.pos, token.end), indexed = text2.charCodeAt(0) === 91, context = lexer.getSubstitutionContext(), source = !indexed && token.raw && token.keywordEligible ? void 0 : this.#source, resolver = source === void 0 ? computeBareWordParts : indexed ? arrayPartsResolver(context) : wordPartsResolver(context);
      elements.push(new WordImpl(text2, token.pos, token.end, source, resolver, this.#depth));
    }
    return this.#elements = elements, elements;
  }
  toJSON() {
    return { type: this.type, pos: this.pos, end: this.end, elements: this.elements };
  }
}, AssignmentImpl = class {
  type = "Assignment";
  pos;
  end;
  text;
  #source;
  #depth;
  #context;
  #operatorPos;
  #name = null;
  #append;
  #index;
  #value = null;
  constructor(text2, pos, end, source, operatorPos, depth, context) {
    this.pos = pos, this.end = end, this.text = text2, this.#source = source, this.#operatorPos = operatorPos, this.#depth = depth, this.#context = context;
  }
  get name() {
    return this.#name ?? this.resolveTarget();
  }
  get append() {
    return this.#name === null && this.resolveTarget(), this.#append;
  }
  get index() {
    return this.#name === null && this.resolveTarget(), this.#index;
  }
  get value() {
    if (this.#value !== null)
      return this.#value;
    let start = this.#operatorPos + 1, arrayStart = skipLineContinuations(this.#source, start, this.end);
    return this.#value = this.#source.charCodeAt(arrayStart) === 40 && this.#source.charCodeAt(this.end - 1) === 41 ? new ArrayValueImpl(this.#source, arrayStart, this.end, this.#depth, this.#context) : new WordImpl(this.#source.slice(start, this.end), start, this.end, this.#source, wordPartsResolver(this.#context), this.#depth), this.#value;
  }
  resolveTarget() {
    let equal = this.#operatorPos - this.pos, nameEnd = equal, appendPos = equal;
    for (; appendPos >= 2 && this.text.charCodeAt(appendPos - 2) === 92 && this.text.charCodeAt(appendPos - 1) === 10; )
      appendPos -= 2;
    this.text.charCodeAt(appendPos - 1) === 43 && (this.#append = !0, nameEnd = appendPos - 1);
    let bracket = this.text.indexOf("[");
    if (bracket > 0 && bracket < nameEnd) {
      let close = this.text.lastIndexOf("]", equal);
      if (close > bracket) {
        let start = this.pos + bracket + 1, end = this.pos + close;
        this.#index = new WordImpl(this.#source.slice(start, end), start, end, this.#source, embeddedPartsResolver(this.#context), this.#depth), nameEnd = bracket;
      }
    }
    let name = this.text.slice(0, nameEnd);
    return this.#name = name.includes(`\\
`) ? name.split(`\\
`).join("") : name;
  }
  toJSON() {
    return {
      type: this.type,
      pos: this.pos,
      end: this.end,
      text: this.text,
      name: this.name,
      append: this.append,
      index: this.index,
      value: this.value
    };
  }
};

// node_modules/unbash/dist/command.js
var isArgument = (item) => item.type === "Word" || item.type === "Assignment", CommandImpl = class {
  type = "Command";
  pos;
  end;
  name;
  prefix;
  suffix;
  #args;
  #redirects;
  constructor(pos, end, name, prefix, suffix) {
    this.pos = pos, this.end = end, this.name = name, this.prefix = prefix, this.suffix = suffix;
  }
  get args() {
    if (this.#args === void 0) {
      let suffix = this.suffix;
      this.#args = suffix.every(isArgument) ? suffix : suffix.filter(isArgument);
    }
    return this.#args;
  }
  get redirects() {
    if (this.#redirects === void 0) {
      let redirects = [];
      for (let item of this.prefix)
        item.type !== "Assignment" && redirects.push(item);
      for (let item of this.suffix)
        isArgument(item) || redirects.push(item);
      this.#redirects = redirects;
    }
    return this.#redirects;
  }
  toJSON() {
    return { type: this.type, pos: this.pos, end: this.end, name: this.name, prefix: this.prefix, suffix: this.suffix };
  }
};

// node_modules/unbash/dist/heredoc.js
var HereDocBodyImpl = class {
  type = "HereDocBody";
  pos;
  end;
  text = "";
  #source;
  #depth;
  #context;
  #parts;
  constructor(source, pos, quoted, depth, context) {
    this.pos = pos, this.end = pos, this.#source = source, this.#depth = depth, this.#context = context, this.#parts = quoted ? void 0 : null;
  }
  get parts() {
    return this.#parts === null && (this.#parts = computeHereDocBodyParts(this.#source, this, this.#depth, this.#context)), this.#parts;
  }
  toJSON() {
    return { type: this.type, pos: this.pos, end: this.end, text: this.text, parts: this.parts };
  }
};

// node_modules/unbash/dist/parser.js
Lexer._findSubstitutionEnd = findSubstitutionEnd;
ScriptExpansionImpl._resolveScript = parseRegion;
ArithmeticExpansionImpl._resolveExpression = parseArithmeticWithParts;
function isDeclarationCommand(name) {
  switch (name.length) {
    case 5:
      return name === "local" || name === "alias";
    case 6:
      return name === "export";
    case 7:
      return name === "declare" || name === "typeset";
    case 8:
      return name === "readonly";
    default:
      return !1;
  }
}
var ArithmeticCommandImpl = class {
  type = "ArithmeticCommand";
  pos;
  end;
  body;
  #source;
  #depth;
  #context;
  #expression = null;
  constructor(pos, end, body, source, depth, context) {
    this.pos = pos, this.end = end, this.body = body, this.#source = source, this.#depth = depth, this.#context = context;
  }
  get expression() {
    return this.#expression === null && (this.#expression = parseArithmeticWithParts(this.body, this.pos + 2, this.#source, this.#depth, this.#context)), this.#expression;
  }
  set expression(v) {
    this.#expression = v ?? void 0;
  }
  toJSON() {
    return {
      type: this.type,
      pos: this.pos,
      end: this.end,
      expression: this.expression,
      body: this.body
    };
  }
}, ArithmeticForImpl = class {
  type = "ArithmeticFor";
  pos;
  end;
  body;
  #initStr;
  #testStr;
  #updateStr;
  #initPos;
  #testPos;
  #updatePos;
  #source;
  #depth;
  #context;
  #initialize = null;
  #test = null;
  #update = null;
  constructor(pos, end, body, initStr, testStr, updateStr, initPos, testPos, updatePos, source, depth, context) {
    this.pos = pos, this.end = end, this.body = body, this.#initStr = initStr, this.#testStr = testStr, this.#updateStr = updateStr, this.#initPos = initPos, this.#testPos = testPos, this.#updatePos = updatePos, this.#source = source, this.#depth = depth, this.#context = context;
  }
  get initialize() {
    return this.#initialize === null && (this.#initStr ? this.#initialize = parseArithmeticWithParts(this.#initStr, this.#initPos, this.#source, this.#depth, this.#context) : this.#initialize = void 0), this.#initialize;
  }
  set initialize(v) {
    this.#initialize = v ?? void 0;
  }
  get test() {
    return this.#test === null && (this.#testStr ? this.#test = parseArithmeticWithParts(this.#testStr, this.#testPos, this.#source, this.#depth, this.#context) : this.#test = void 0), this.#test;
  }
  set test(v) {
    this.#test = v ?? void 0;
  }
  get update() {
    return this.#update === null && (this.#updateStr ? this.#update = parseArithmeticWithParts(this.#updateStr, this.#updatePos, this.#source, this.#depth, this.#context) : this.#update = void 0), this.#update;
  }
  set update(v) {
    this.#update = v ?? void 0;
  }
  toJSON() {
    return {
      type: this.type,
      pos: this.pos,
      end: this.end,
      initialize: this.initialize,
      test: this.test,
      update: this.update,
      body: this.body
    };
  }
}, CASE_TERMINATORS = {
  [Token.DoubleSemi]: ";;",
  [Token.SemiAmp]: ";&",
  [Token.DoubleSemiAmp]: ";;&"
}, REDIRECT_OPS = {
  ">": ">",
  ">>": ">>",
  "<": "<",
  "<>": "<>",
  "<&": "<&",
  ">&": ">&",
  ">|": ">|",
  "&>": "&>",
  "&>>": "&>>"
}, listTerminators = new Uint8Array(37);
listTerminators[Token.EOF] = 1;
listTerminators[Token.RParen] = 1;
listTerminators[Token.RBrace] = 1;
listTerminators[Token.Then] = 1;
listTerminators[Token.Else] = 1;
listTerminators[Token.Elif] = 1;
listTerminators[Token.Fi] = 1;
listTerminators[Token.Do] = 1;
listTerminators[Token.Done] = 1;
listTerminators[Token.Esac] = 1;
listTerminators[Token.DoubleSemi] = 1;
listTerminators[Token.SemiAmp] = 1;
listTerminators[Token.DoubleSemiAmp] = 1;
var compoundClosers = new Uint8Array(37);
compoundClosers[Token.RParen] = 1;
compoundClosers[Token.RBrace] = 1;
compoundClosers[Token.DblRBracket] = 1;
compoundClosers[Token.Fi] = 1;
compoundClosers[Token.Done] = 1;
compoundClosers[Token.Esac] = 1;
compoundClosers[Token.ArithCmd] = 1;
function isTestNegation(t) {
  return t.token === Token.Word && t.keywordEligible && t.value === "!";
}
var commandStarts = new Uint8Array(37);
commandStarts[Token.Word] = 1;
commandStarts[Token.Assignment] = 1;
commandStarts[Token.Bang] = 1;
commandStarts[Token.LParen] = 1;
commandStarts[Token.LBrace] = 1;
commandStarts[Token.DblLBracket] = 1;
commandStarts[Token.If] = 1;
commandStarts[Token.For] = 1;
commandStarts[Token.While] = 1;
commandStarts[Token.Until] = 1;
commandStarts[Token.Case] = 1;
commandStarts[Token.Function] = 1;
commandStarts[Token.Select] = 1;
commandStarts[Token.ArithCmd] = 1;
commandStarts[Token.Coproc] = 1;
commandStarts[Token.Redirect] = 1;
var UNARY_TEST_OPS = {
  "-a": 1,
  "-b": 1,
  "-c": 1,
  "-d": 1,
  "-e": 1,
  "-f": 1,
  "-g": 1,
  "-h": 1,
  "-k": 1,
  "-p": 1,
  "-r": 1,
  "-s": 1,
  "-t": 1,
  "-u": 1,
  "-v": 1,
  "-w": 1,
  "-x": 1,
  "-z": 1,
  "-n": 1,
  "-o": 1,
  "-N": 1,
  "-S": 1,
  "-L": 1,
  "-G": 1,
  "-O": 1,
  "-R": 1
}, BINARY_TEST_OPS = {
  "==": 1,
  "!=": 1,
  "=~": 1,
  "=": 1,
  "-eq": 1,
  "-ne": 1,
  "-lt": 1,
  "-le": 1,
  "-gt": 1,
  "-ge": 1,
  "-nt": 1,
  "-ot": 1,
  "-ef": 1,
  "<": 1,
  ">": 1
}, EMPTY_REDIRECTS = [], EMPTY_PREFIXES = [], EMPTY_ELIFS = [];
function parse(source) {
  return new Parser(source, 0, source.length).run();
}
function parseRegion(source, start, end, depth = 0, parenBoundary = !1, context) {
  return new Parser(source, start, end, depth, parenBoundary, void 0, context).run();
}
var SubstitutionLexer = class _SubstitutionLexer extends Lexer {
  boundaries;
  pending;
  context;
  constructor(source, boundary, boundaries, pending, context, parenBoundary = !0) {
    super(source, boundary.start, boundary.end, parenBoundary, context), this._nestingDepth = boundary.depth, this.boundaries = boundaries, this.pending = pending, this.context = context;
  }
  // Keep child boundary requests on this worklist so nested scans stay iterative.
  fork(start, end, parenBoundary = !1) {
    return new _SubstitutionLexer(this.getSource(), { start, end, depth: this._nestingDepth }, this.boundaries, this.pending, this.context, parenBoundary);
  }
  findSubstitutionEnd(start, end, depth = this._nestingDepth + 1) {
    let known = this.context.boundaries?.get(start);
    if (known !== void 0)
      return known <= end ? known : -1;
    let boundary = this.boundaries.get(start);
    return boundary !== void 0 ? boundary <= end ? boundary : -1 : (this.boundaries.has(start) || (this.boundaries.set(start, void 0), this.pending.push({ start, end, depth })), -1);
  }
};
function findSubstitutionEnd(source, start, end, depth, context) {
  let boundaries = /* @__PURE__ */ new Map([[start, void 0]]), pending = [{ start, end, depth }];
  for (; pending.length > 0; ) {
    let count = pending.length, boundary = pending[count - 1], lexer = new SubstitutionLexer(source, boundary, boundaries, pending, context), found = new Parser(source, boundary.start, boundary.end, boundary.depth, !0, lexer).findSubstitutionEnd();
    pending.length === count && (boundaries.set(boundary.start, found), found !== -1 && substitutionBoundaries(context).set(boundary.start, found), pending.pop());
  }
  return boundaries.get(start) ?? -1;
}
var Parser = class {
  tok;
  source;
  start;
  end;
  depth;
  errors = null;
  syntaxDepth = 0;
  // `depth` counts the substitution scripts (and sub-fields) enclosing this region; it
  // shares the MAX_SYNTAX_NESTING budget with the lexer's lazy word-part materialization.
  constructor(source, start, end, depth = 0, parenBoundary = !1, lexer, context) {
    this.tok = lexer ?? new Lexer(source, start, end, parenBoundary, createSubstitutionContext(context)), this.tok._nestingDepth = depth, this.source = source, this.start = start, this.end = end, this.depth = depth;
  }
  run() {
    let start = this.start;
    this.depth > 256 && this.error("maximum substitution nesting depth exceeded", start);
    let shebang;
    if (start === 0 && this.source.charCodeAt(0) === 35 && this.source.charCodeAt(1) === 33) {
      let nl = this.source.indexOf(`
`);
      shebang = nl === -1 ? this.source : this.source.slice(0, nl);
    }
    let commands = this.list();
    for (; ; ) {
      let unexpected = this.tok.peek(LexContext.CommandStart);
      if (unexpected.token === Token.EOF || (this.unexpectedToken(unexpected), !listTerminators[unexpected.token] && unexpected.token !== Token.In))
        break;
      this.tok.next(LexContext.CommandStart);
      let separator = this.tok.peek(LexContext.CommandStart).token;
      if (separator !== Token.Semi && separator !== Token.Newline && separator !== Token.Amp)
        break;
      for (; separator === Token.Semi || separator === Token.Newline || separator === Token.Amp; )
        this.tok.next(LexContext.CommandStart), separator = this.tok.peek(LexContext.CommandStart).token;
      let recovered = this.list();
      for (let i = 0; i < recovered.length; i++)
        commands.push(recovered[i]);
    }
    let lexerErrors = this.tok._errors;
    if (lexerErrors !== null && lexerErrors.length > 0) {
      let errors = this.errors ?? (this.errors = []);
      for (let i = 0; i < lexerErrors.length; i++)
        errors.push(lexerErrors[i]);
    }
    return this.errors !== null && this.errors.length > 1 && this.errors.sort((a, b) => a.pos - b.pos), { type: "Script", pos: start, end: this.end, shebang, commands, errors: this.errors ?? void 0 };
  }
  error(message, pos) {
    (this.errors ?? (this.errors = [])).push({ message, pos });
  }
  unexpectedToken(t) {
    this.error(`unexpected token '${t.token === Token.Newline ? "newline" : t.value}'`, t.pos);
  }
  findSubstitutionEnd() {
    return this.list(), this.acceptEnd(Token.RParen);
  }
  skipSemi() {
    this.tok.peek(LexContext.Normal).token === Token.Semi && this.tok.next(LexContext.Normal);
  }
  accept(token, ctx = LexContext.Normal) {
    return this.tok.peek(ctx).token === token ? this.tok.next(ctx) : null;
  }
  acceptEnd(token, ctx = LexContext.Normal) {
    return this.tok.peek(ctx).token === token ? this.tok.next(ctx).end : -1;
  }
  skipNewlines(ctx = LexContext.Normal) {
    for (; this.tok.peek(ctx).token === Token.Newline; )
      this.tok.next(ctx);
  }
  doBody(hasDo) {
    let body = this.list(), emptyPos = hasDo ? this.emptyListPos(body) : -1;
    return emptyPos >= 0 && this.error("expected command after 'do'", emptyPos), body;
  }
  // Where an empty compound list stopped, or -1. An empty condition is reported only
  // once `then` or `do` follows, so a missing keyword is not reported twice.
  emptyListPos(commands) {
    return commands.length === 0 ? this.tok.peek(LexContext.CommandStart).pos : -1;
  }
  makeStatement(command) {
    return {
      type: "Statement",
      pos: command.pos,
      end: command.end,
      command,
      background: void 0
    };
  }
  // list := and_or ((';' | '&' | NEWLINE) and_or)* [';' | '&' | NEWLINE]
  list() {
    let commands = [];
    this.skipNewlines(LexContext.CommandStart);
    let t = this.tok.peek(LexContext.CommandStart).token;
    if (listTerminators[t] || !commandStarts[t])
      return commands;
    let first = this.andOr();
    for (first && commands.push(this.makeStatement(first)); t = this.tok.peekFollow(compoundClosers).token, !(t !== Token.Semi && t !== Token.Newline && t !== Token.Amp); ) {
      let isBackground = t === Token.Amp, sepEnd = this.tok.next(LexContext.Normal).end;
      if (isBackground) {
        let stmt = commands[commands.length - 1];
        stmt.background = !0, stmt.end = sepEnd;
      }
      if (this.skipNewlines(LexContext.CommandStart), t = this.tok.peek(LexContext.CommandStart).token, listTerminators[t] || !commandStarts[t])
        break;
      let node = this.andOr();
      node && commands.push(this.makeStatement(node));
    }
    return commands;
  }
  // and_or := pipeline (('&&' | '||') newlines pipeline)*
  andOr() {
    let first = this.pipeline();
    if (!first)
      return null;
    let t = this.tok.peek(LexContext.Normal).token;
    if (t !== Token.And && t !== Token.Or)
      return first;
    let commands = [first], operators = [];
    do {
      let operatorToken = this.tok.next(LexContext.Normal), operator = operatorToken.token === Token.And ? "&&" : "||";
      this.skipNewlines(LexContext.CommandStart);
      let next = this.pipeline();
      if (!next) {
        this.error(`expected command after '${operator}'`, operatorToken.end);
        break;
      }
      operators.push(operator), commands.push(next), t = this.tok.peek(LexContext.Normal).token;
    } while (t === Token.And || t === Token.Or);
    return {
      type: "AndOr",
      pos: first.pos,
      end: commands[commands.length - 1].end,
      commands,
      operators
    };
  }
  withRedirects(command) {
    let redirects = this.collectTrailingRedirects();
    return redirects.length === 0 ? command : { type: "Redirected", pos: command.pos, end: redirects[redirects.length - 1].end, command, redirects };
  }
  pipeline() {
    let prefixes;
    for (; ; ) {
      let token = this.tok.peek(LexContext.CommandStart), isTime = token.token === Token.Word && token.keywordEligible && token.value === "time";
      if (token.token !== Token.Bang && !isTime)
        break;
      let prefix = this.tok.next(LexContext.CommandStart), pos2 = prefix.pos, keywordEnd = prefix.end, posix, endOfOptions;
      if (isTime) {
        let flag = this.tok.peek(LexContext.CommandStart);
        flag.token === Token.Word && flag.keywordEligible && flag.value === "-p" && (this.tok.next(LexContext.CommandStart), posix = { pos: flag.pos, end: flag.end }, flag = this.tok.peek(LexContext.CommandStart)), flag.token === Token.Word && flag.keywordEligible && flag.value === "--" && (this.tok.next(LexContext.CommandStart), endOfOptions = { pos: flag.pos, end: flag.end });
      }
      prefixes === void 0 && (prefixes = []), prefixes.push(isTime ? { type: "Time", pos: pos2, end: endOfOptions?.end ?? posix?.end ?? keywordEnd, keywordEnd, posix, endOfOptions } : { type: "Negation", pos: pos2, end: keywordEnd });
    }
    let command = this.pipelineCommands();
    if (!prefixes)
      return command;
    let pos = prefixes[0].pos;
    return command?.type === "Pipeline" ? (command.prefixes = prefixes, command.pos = pos, command) : {
      type: "Pipeline",
      pos,
      end: command ? command.end : prefixes[prefixes.length - 1].end,
      prefixes,
      commands: command ? [command] : [],
      operators: []
    };
  }
  pipelineCommands() {
    let first = this.command();
    if (!first)
      return null;
    if (this.tok.peek(LexContext.Normal).token !== Token.Pipe)
      return first;
    let commands = [first], operators = [];
    for (; this.tok.peek(LexContext.Normal).token === Token.Pipe; ) {
      let pipeToken = this.tok.next(LexContext.Normal), operator = pipeToken.value === "|&" ? "|&" : "|";
      this.skipNewlines(LexContext.CommandStart);
      let cmd = this.command();
      if (!cmd) {
        this.error(`expected command after '${operator}'`, pipeToken.end);
        break;
      }
      operators.push(operator), commands.push(cmd);
    }
    return commands.length === 1 ? commands[0] : {
      type: "Pipeline",
      pos: first.pos,
      end: commands[commands.length - 1].end,
      prefixes: EMPTY_PREFIXES,
      commands,
      operators
    };
  }
  // command := compound_command | function_def | simple_command
  command() {
    let compound;
    switch (this.tok.peek(LexContext.CommandStart).token) {
      case Token.LParen:
        compound = this.subshell();
        break;
      case Token.LBrace:
        compound = this.braceGroup();
        break;
      case Token.If:
        compound = this.ifClause();
        break;
      case Token.For:
        compound = this.forClause();
        break;
      case Token.While:
        compound = this.whileClause();
        break;
      case Token.Until:
        compound = this.untilClause();
        break;
      case Token.Case:
        compound = this.caseClause();
        break;
      case Token.Function:
        return this.functionDef();
      case Token.Select:
        compound = this.selectClause();
        break;
      case Token.DblLBracket:
        compound = this.testCommand();
        break;
      case Token.ArithCmd:
        compound = this.arithCommand();
        break;
      case Token.Coproc:
        return this.coprocCommand();
      case Token.Word:
      case Token.Assignment:
      case Token.Redirect:
        return this.simpleCommandOrFunction(!1);
      default:
        return null;
    }
    return this.withRedirects(compound);
  }
  collectTrailingRedirects() {
    let redirects = EMPTY_REDIRECTS;
    for (; this.tok.peekFollow(compoundClosers).token === Token.Redirect; )
      redirects === EMPTY_REDIRECTS && (redirects = []), redirects.push(this.readRedirect(LexContext.Normal));
    return redirects;
  }
  // arith_command := (( expr ))
  arithCommand() {
    let tok = this.tok.next(LexContext.CommandStart);
    return new ArithmeticCommandImpl(tok.pos, tok.end, tok.value, this.source, this.depth, this.tok.getSubstitutionContext());
  }
  // coproc := COPROC ([name] compound_command [redirections] | simple_command)
  coprocCommand() {
    let start = this.tok.next(LexContext.CommandStart), pos = start.pos, first = this.tok.peek(LexContext.CommandStart), name;
    if (first.token === Token.Word) {
      let lookahead = this.tok.fork(first.end, this.end);
      switch (lookahead.peek(LexContext.CommandStart).token) {
        case Token.LParen:
          lookahead.next(LexContext.CommandStart), lookahead.peek(LexContext.Normal).token !== Token.RParen && (name = this.readWord(LexContext.CommandStart));
          break;
        case Token.LBrace:
        case Token.If:
        case Token.For:
        case Token.While:
        case Token.Until:
        case Token.Case:
        case Token.Select:
        case Token.DblLBracket:
        case Token.ArithCmd:
          name = this.readWord(LexContext.CommandStart);
      }
    }
    let cmd = first.token === Token.Word && name === void 0 ? this.simpleCommandOrFunction(!0) : this.command();
    if (cmd && cmd.type !== "Function" && cmd.type !== "Coproc")
      return { type: "Coproc", pos, end: cmd.end, name, body: cmd };
    this.error("expected command after 'coproc'", cmd?.pos ?? start.end);
    let body = cmd ? this.makeCompoundList([this.makeStatement(cmd)]) : { type: "CompoundList", pos: start.end, end: start.end, commands: [] };
    return { type: "Coproc", pos, end: body.end, name, body };
  }
  // subshell := '(' list ')'
  subshell() {
    return this.subshellBody(this.tok.next(LexContext.CommandStart).pos);
  }
  // Continues a subshell whose '(' the caller already consumed.
  subshellBody(pos) {
    if (this.syntaxDepth >= 256) {
      this.error("maximum subshell nesting depth exceeded", pos);
      let closeEnd2 = this.tok.skipSubshellBody();
      closeEnd2 < 0 && this.error("expected ')' to close subshell", this.tok.getPos());
      let end2 = closeEnd2 >= 0 ? closeEnd2 : pos;
      return { type: "Subshell", pos, end: end2, body: this.makeCompoundList([]) };
    }
    this.syntaxDepth++;
    let commands = this.list();
    this.syntaxDepth--, commands.length === 0 && this.error("expected command in subshell", pos);
    let closeEnd = this.acceptEnd(Token.RParen, LexContext.Normal);
    closeEnd < 0 && this.error("expected ')' to close subshell", this.tok.getPos());
    let end = closeEnd >= 0 ? closeEnd : pos;
    return { type: "Subshell", pos, end, body: this.makeCompoundList(commands) };
  }
  // brace_group := '{' list '}'
  braceGroup() {
    let pos = this.tok.next(LexContext.CommandStart).pos;
    if (this.syntaxDepth >= 256) {
      this.error("maximum brace group nesting depth exceeded", pos);
      let closeEnd2 = this.tok.skipCompoundBody(Token.RBrace);
      closeEnd2 < 0 && this.error("expected '}' to close brace group", this.tok.getPos());
      let end2 = closeEnd2 >= 0 ? closeEnd2 : pos;
      return { type: "BraceGroup", pos, end: end2, body: this.makeCompoundList([]) };
    }
    this.syntaxDepth++;
    let commands = this.list();
    this.syntaxDepth--, commands.length === 0 && this.error("expected command in brace group", pos);
    let closeEnd = this.acceptEnd(Token.RBrace, LexContext.Normal);
    closeEnd < 0 && this.error("expected '}' to close brace group", this.tok.getPos());
    let end = closeEnd >= 0 ? closeEnd : pos;
    return { type: "BraceGroup", pos, end, body: this.makeCompoundList(commands) };
  }
  // if_clause := IF list THEN list (ELIF list THEN list)* [ELSE list] FI
  ifClause() {
    let pos = this.tok.next(LexContext.CommandStart).pos;
    if (this.syntaxDepth >= 256) {
      this.error("maximum if nesting depth exceeded", pos);
      let closeEnd2 = this.tok.skipCompoundBody(Token.Fi);
      closeEnd2 < 0 && this.error("expected 'fi' to close 'if'", this.tok.getPos());
      let end = closeEnd2 >= 0 ? closeEnd2 : pos;
      return {
        type: "If",
        pos,
        end,
        clause: this.makeCompoundList([]),
        then: this.makeCompoundList([]),
        elif: EMPTY_ELIFS,
        else: void 0
      };
    }
    this.syntaxDepth++;
    let command, branchPos = pos;
    for (; ; ) {
      let clauseCommands = this.list(), emptyClausePos = this.emptyListPos(clauseCommands), clause = this.makeCompoundList(clauseCommands);
      this.skipSemi();
      let thenToken = this.accept(Token.Then, LexContext.CommandStart);
      thenToken ? emptyClausePos >= 0 && this.error(`expected command after '${branchPos === pos ? "if" : "elif"}'`, emptyClausePos) : this.error("expected 'then'", this.tok.getPos());
      let thenCommands = this.list(), then_ = this.makeCompoundList(thenCommands);
      thenToken && thenCommands.length === 0 && (this.error("expected command after 'then'", this.tok.peek(LexContext.CommandStart).pos), then_.pos = thenToken.end, then_.end = thenToken.end), command ? (command.elif === EMPTY_ELIFS && (command.elif = []), command.elif.push({
        type: "Elif",
        pos: branchPos,
        end: then_.end,
        clause,
        then: then_
      })) : command = { type: "If", pos, end: pos, clause, then: then_, elif: EMPTY_ELIFS, else: void 0 }, this.skipSemi();
      let elif = this.accept(Token.Elif, LexContext.CommandStart);
      if (!elif)
        break;
      branchPos = elif.pos;
    }
    if (this.accept(Token.Else, LexContext.CommandStart)) {
      let elseCommands = this.list(), emptyElsePos = this.emptyListPos(elseCommands);
      emptyElsePos >= 0 && this.error("expected command after 'else'", emptyElsePos), command.else = this.makeCompoundList(elseCommands), this.skipSemi();
    }
    let closeEnd = this.acceptEnd(Token.Fi, LexContext.CommandStart);
    return closeEnd < 0 && this.error("expected 'fi' to close 'if'", this.tok.getPos()), command.end = closeEnd >= 0 ? closeEnd : branchPos, this.syntaxDepth--, command;
  }
  // for_clause := FOR word [IN word* (';'|NL)] DO list DONE
  //            | FOR '((' expr '))' [';'|NL] DO list DONE
  forClause() {
    let pos = this.tok.next(LexContext.CommandStart).pos;
    if (this.tok.peek(LexContext.Normal).token === Token.LParen)
      return this.cStyleFor(pos);
    let name = this.readRequiredWord("for"), wordlist;
    if (this.skipNewlines(LexContext.CommandStart), this.tok.peek(LexContext.CommandStart).token === Token.In)
      for (this.tok.next(LexContext.CommandStart), wordlist = []; this.tok.peek(LexContext.Normal).token === Token.Word; )
        wordlist.push(this.readWord(LexContext.Normal));
    if (this.skipSemi(), this.skipNewlines(LexContext.CommandStart), this.tok.peek(LexContext.CommandStart).token === Token.LBrace) {
      let bg = this.braceGroup();
      return { type: "For", pos, end: bg.end, name, wordlist, body: bg.body };
    }
    let hasDo = this.accept(Token.Do, LexContext.CommandStart) !== null;
    if (hasDo || this.error("expected 'do'", this.tok.getPos()), this.syntaxDepth >= 256) {
      this.error("maximum for nesting depth exceeded", pos);
      let closeEnd2 = this.tok.skipCompoundBody(Token.Done);
      closeEnd2 < 0 && this.error("expected 'done' to close 'for'", this.tok.getPos());
      let end2 = closeEnd2 >= 0 ? closeEnd2 : pos;
      return { type: "For", pos, end: end2, name, wordlist, body: this.makeCompoundList([]) };
    }
    this.syntaxDepth++;
    let body = this.doBody(hasDo);
    this.syntaxDepth--, this.skipSemi();
    let closeEnd = this.acceptEnd(Token.Done, LexContext.CommandStart);
    closeEnd < 0 && this.error("expected 'done' to close 'for'", this.tok.getPos());
    let end = closeEnd >= 0 ? closeEnd : pos;
    return { type: "For", pos, end, name, wordlist, body: this.makeCompoundList(body) };
  }
  // C-style for: (( expr; expr; expr )) [;|NL] do list done | { list }
  cStyleFor(pos) {
    let [initStr, testStr, updateStr, initPos, testPos, updatePos] = this.tok.readCStyleForExprs();
    if (this.tok.peek(LexContext.CommandStart).token === Token.Semi && this.tok.next(LexContext.CommandStart), this.skipNewlines(LexContext.CommandStart), this.tok.peek(LexContext.CommandStart).token === Token.LBrace) {
      let bg = this.braceGroup();
      return new ArithmeticForImpl(pos, bg.end, bg.body, initStr, testStr, updateStr, initPos, testPos, updatePos, this.source, this.depth, this.tok.getSubstitutionContext());
    }
    let hasDo = this.accept(Token.Do, LexContext.CommandStart) !== null;
    if (hasDo || this.error("expected 'do'", this.tok.getPos()), this.syntaxDepth >= 256) {
      this.error("maximum for nesting depth exceeded", pos);
      let closeEnd2 = this.tok.skipCompoundBody(Token.Done);
      closeEnd2 < 0 && this.error("expected 'done' to close 'for'", this.tok.getPos());
      let end2 = closeEnd2 >= 0 ? closeEnd2 : pos;
      return new ArithmeticForImpl(pos, end2, this.makeCompoundList([]), initStr, testStr, updateStr, initPos, testPos, updatePos, this.source, this.depth, this.tok.getSubstitutionContext());
    }
    this.syntaxDepth++;
    let body = this.doBody(hasDo);
    this.syntaxDepth--;
    let closeEnd = this.acceptEnd(Token.Done, LexContext.CommandStart);
    closeEnd < 0 && this.error("expected 'done' to close 'for'", this.tok.getPos());
    let end = closeEnd >= 0 ? closeEnd : pos;
    return new ArithmeticForImpl(pos, end, this.makeCompoundList(body), initStr, testStr, updateStr, initPos, testPos, updatePos, this.source, this.depth, this.tok.getSubstitutionContext());
  }
  whileClause() {
    return this.whileOrUntil("while");
  }
  untilClause() {
    return this.whileOrUntil("until");
  }
  whileOrUntil(kind) {
    let pos = this.tok.next(LexContext.CommandStart).pos;
    if (this.syntaxDepth >= 256) {
      this.error(`maximum ${kind} nesting depth exceeded`, pos);
      let closeEnd2 = this.tok.skipCompoundBody(Token.Done);
      closeEnd2 < 0 && this.error(`expected 'done' to close '${kind}'`, this.tok.getPos());
      let end2 = closeEnd2 >= 0 ? closeEnd2 : pos;
      return {
        type: "While",
        pos,
        end: end2,
        kind,
        clause: this.makeCompoundList([]),
        body: this.makeCompoundList([])
      };
    }
    this.syntaxDepth++;
    let clauseCommands = this.list(), emptyClausePos = this.emptyListPos(clauseCommands), clause = this.makeCompoundList(clauseCommands);
    this.skipSemi();
    let hasDo = this.accept(Token.Do, LexContext.CommandStart) !== null;
    hasDo ? emptyClausePos >= 0 && this.error(`expected command after '${kind}'`, emptyClausePos) : this.error("expected 'do'", this.tok.getPos());
    let body = this.doBody(hasDo);
    this.skipSemi();
    let closeEnd = this.acceptEnd(Token.Done, LexContext.CommandStart);
    closeEnd < 0 && this.error(`expected 'done' to close '${kind}'`, this.tok.getPos());
    let end = closeEnd >= 0 ? closeEnd : pos;
    return this.syntaxDepth--, { type: "While", pos, end, kind, clause, body: this.makeCompoundList(body) };
  }
  // case_clause := CASE word IN (pattern) list (;; | ;& | ;;&) ... ESAC
  caseClause() {
    let pos = this.tok.next(LexContext.CommandStart).pos, word = this.readRequiredWord("case");
    if (this.skipNewlines(LexContext.CommandStart), this.accept(Token.In, LexContext.CommandStart) || this.error("expected 'in' after 'case' word", this.tok.getPos()), this.skipNewlines(LexContext.CasePattern), this.syntaxDepth >= 256) {
      this.error("maximum case nesting depth exceeded", pos);
      let closeEnd2 = this.tok.skipCompoundBody(Token.Esac);
      closeEnd2 < 0 && this.error("expected 'esac' to close 'case'", this.tok.getPos());
      let end2 = closeEnd2 >= 0 ? closeEnd2 : pos;
      return { type: "Case", pos, end: end2, word, items: [] };
    }
    this.syntaxDepth++;
    let items = [], invalid = !1, t = this.tok.peek(LexContext.CasePattern).token;
    for (; t !== Token.Esac && t !== Token.EOF; ) {
      let itemPos = this.tok.peek(LexContext.Normal).pos;
      this.accept(Token.LParen, LexContext.Normal);
      let pattern = [], expectWord = !0, next = this.tok.peek(LexContext.Normal);
      for (; next.token !== Token.RParen && next.token !== Token.EOF; ) {
        next.token === (expectWord ? Token.Word : Token.Pipe) ? expectWord = !expectWord : invalid || (this.unexpectedToken(next), invalid = !0);
        let tok = this.tok.next(LexContext.Normal);
        tok.token === Token.Word && pattern.push(this.toWord(tok)), next = this.tok.peek(LexContext.Normal);
      }
      expectWord && next.token === Token.RParen && !invalid && (this.unexpectedToken(next), invalid = !0);
      let rparenEnd = this.acceptEnd(Token.RParen, LexContext.Normal), cmds = this.list(), bodyPos = rparenEnd >= 0 ? rparenEnd : pattern.length > 0 ? pattern[pattern.length - 1].end : itemPos, itemEnd = cmds.length > 0 ? cmds[cmds.length - 1].end : bodyPos, item = {
        type: "CaseItem",
        pos: itemPos,
        end: itemEnd,
        pattern,
        body: cmds.length > 0 ? this.makeCompoundList(cmds) : { type: "CompoundList", pos: bodyPos, end: bodyPos, commands: [] },
        terminator: void 0
      }, after = this.tok.peek(LexContext.CommandStart);
      if (t = after.token, t === Token.DoubleSemi || t === Token.SemiAmp || t === Token.DoubleSemiAmp) {
        let termTok = this.tok.next(LexContext.CommandStart);
        item.terminator = CASE_TERMINATORS[termTok.token], item.end = termTok.end;
      } else t !== Token.Esac && t !== Token.EOF && !invalid && (this.unexpectedToken(after), invalid = !0);
      items.push(item), this.skipNewlines(LexContext.CasePattern), t = this.tok.peek(LexContext.CasePattern).token;
    }
    let closeEnd = this.acceptEnd(Token.Esac, LexContext.CommandStart);
    closeEnd < 0 && this.error("expected 'esac' to close 'case'", this.tok.getPos());
    let end = closeEnd >= 0 ? closeEnd : pos;
    return this.syntaxDepth--, { type: "Case", pos, end, word, items };
  }
  // select_clause := SELECT word [IN word* (';'|NL)] DO list DONE
  selectClause() {
    let pos = this.tok.next(LexContext.CommandStart).pos, name = this.readRequiredWord("select"), wordlist;
    if (this.skipNewlines(LexContext.CommandStart), this.tok.peek(LexContext.CommandStart).token === Token.In)
      for (this.tok.next(LexContext.CommandStart), wordlist = []; this.tok.peek(LexContext.Normal).token === Token.Word; )
        wordlist.push(this.readWord(LexContext.Normal));
    if (this.skipSemi(), this.skipNewlines(LexContext.CommandStart), this.tok.peek(LexContext.CommandStart).token === Token.LBrace) {
      let bg = this.braceGroup();
      return { type: "Select", pos, end: bg.end, name, wordlist, body: bg.body };
    }
    let hasDo = this.accept(Token.Do, LexContext.CommandStart) !== null;
    if (hasDo || this.error("expected 'do'", this.tok.getPos()), this.syntaxDepth >= 256) {
      this.error("maximum select nesting depth exceeded", pos);
      let closeEnd2 = this.tok.skipCompoundBody(Token.Done);
      closeEnd2 < 0 && this.error("expected 'done' to close 'select'", this.tok.getPos());
      let end2 = closeEnd2 >= 0 ? closeEnd2 : pos;
      return { type: "Select", pos, end: end2, name, wordlist, body: this.makeCompoundList([]) };
    }
    this.syntaxDepth++;
    let body = this.doBody(hasDo);
    this.syntaxDepth--, this.skipSemi();
    let closeEnd = this.acceptEnd(Token.Done, LexContext.CommandStart);
    closeEnd < 0 && this.error("expected 'done' to close 'select'", this.tok.getPos());
    let end = closeEnd >= 0 ? closeEnd : pos;
    return { type: "Select", pos, end, name, wordlist, body: this.makeCompoundList(body) };
  }
  // test_command := [[ test_expr ]]
  testCommand() {
    let pos = this.tok.next(LexContext.CommandStart).pos, expr = this.parseTestOr(), closeEnd = this.acceptEnd(Token.DblRBracket, LexContext.TestMode);
    closeEnd < 0 && this.error("expected ']]' to close '[['", this.tok.getPos());
    let end = closeEnd >= 0 ? closeEnd : pos;
    return { type: "TestCommand", pos, end, expression: expr };
  }
  // test_or := test_and ('||' test_and)*
  parseTestOr() {
    let first = this.parseTestAnd();
    if (this.tok.peek(LexContext.TestMode).token !== Token.Or)
      return first;
    let operands = [first];
    do
      this.tok.next(LexContext.TestMode), operands.push(this.parseTestAnd());
    while (this.tok.peek(LexContext.TestMode).token === Token.Or);
    return {
      type: "TestLogical",
      pos: first.pos,
      end: operands[operands.length - 1].end,
      operator: "||",
      operands
    };
  }
  // test_and := test_not ('&&' test_not)*
  parseTestAnd() {
    let first = this.parseTestNot();
    if (this.tok.peek(LexContext.TestMode).token !== Token.And)
      return first;
    let operands = [first];
    do
      this.tok.next(LexContext.TestMode), operands.push(this.parseTestNot());
    while (this.tok.peek(LexContext.TestMode).token === Token.And);
    return {
      type: "TestLogical",
      pos: first.pos,
      end: operands[operands.length - 1].end,
      operator: "&&",
      operands
    };
  }
  // test_not := '!' test_not | test_primary
  parseTestNot() {
    let t = this.tok.peek(LexContext.TestMode);
    if (!isTestNegation(t))
      return this.parseTestPrimary();
    let negations = [];
    for (; isTestNegation(t); ) {
      let bang = this.tok.next(LexContext.TestMode);
      negations.push({ type: "Negation", pos: bang.pos, end: bang.end }), t = this.tok.peek(LexContext.TestMode);
    }
    let operand = this.parseTestPrimary();
    return { type: "TestNot", pos: negations[0].pos, end: operand.end, negations, operand };
  }
  // test_primary := '(' test_or ')' | unary_op word | word binary_op word | word
  parseTestPrimary() {
    if (this.tok.peek(LexContext.TestMode).token === Token.LParen) {
      let openPos = this.tok.next(LexContext.TestMode).pos;
      if (this.syntaxDepth >= 256) {
        this.error("maximum test group nesting depth exceeded", openPos);
        let closeEnd2 = this.tok.skipTestGroup();
        closeEnd2 < 0 && this.error("expected ')' to close test group", this.tok.getPos());
        let end2 = closeEnd2 >= 0 ? closeEnd2 : openPos, operand = new WordImpl("", openPos, openPos);
        return { type: "TestGroup", pos: openPos, end: end2, expression: {
          type: "TestUnary",
          pos: openPos,
          end: openPos,
          operator: "-n",
          operand
        } };
      }
      this.syntaxDepth++;
      let expr = this.parseTestOr();
      this.syntaxDepth--;
      let closeEnd = this.acceptEnd(Token.RParen, LexContext.TestMode);
      closeEnd < 0 && this.error("expected ')' to close test group", this.tok.getPos());
      let end = closeEnd >= 0 ? closeEnd : openPos;
      return { type: "TestGroup", pos: openPos, end, expression: expr };
    }
    let first = this.tok.next(LexContext.TestMode);
    (first.token === Token.And || first.token === Token.Or) && this.unexpectedToken(first);
    let val = first.value, firstPos = first.pos, firstEnd = first.end;
    if (first.keywordEligible && UNARY_TEST_OPS[val] === 1) {
      if (this.tok.peek(LexContext.TestMode).token === Token.Word) {
        let operand2 = this.readTestOperand();
        return {
          type: "TestUnary",
          pos: firstPos,
          end: operand2.end,
          operator: val,
          operand: operand2
        };
      }
      this.error("expected operand after unary test operator", firstEnd);
      let operand = new WordImpl("", firstEnd, firstEnd);
      return { type: "TestUnary", pos: firstPos, end: firstEnd, operator: val, operand };
    }
    let nt = this.tok.peek(LexContext.TestMode);
    if (nt.token === Token.Word && nt.keywordEligible && BINARY_TEST_OPS[nt.value] === 1) {
      let op = this.tok.next(LexContext.TestMode).value, right;
      if (op === "=~") {
        let token = this.tok.readTestRegexWord();
        right = new WordImpl(this.source.slice(token.pos, token.end), token.pos, token.end, this.source, embeddedPartsResolver(this.tok.getSubstitutionContext()), this.depth);
      } else
        right = this.readTestOperand();
      let left = this.toWordFromPosEnd(first, firstPos, firstEnd);
      return {
        type: "TestBinary",
        pos: firstPos,
        end: right.end,
        operator: op,
        left,
        right
      };
    }
    let w = this.toWordFromPosEnd(first, firstPos, firstEnd);
    return { type: "TestUnary", pos: firstPos, end: w.end, operator: "-n", operand: w };
  }
  // Unquoted `<` and `>` are operators in `[[ ]]`, never operands.
  readTestOperand() {
    let t = this.tok.next(LexContext.TestMode);
    return t.keywordEligible && (t.value === "<" || t.value === ">") && this.error(`unexpected argument '${t.value}' to conditional operator`, t.pos), this.toWord(t);
  }
  // function_def with 'function' keyword
  functionDef() {
    let pos = this.tok.next(LexContext.CommandStart).pos, name = this.readWord(LexContext.FunctionName), body;
    if (this.tok.peek(LexContext.CommandStart).token === Token.LParen) {
      let openPos = this.tok.next(LexContext.CommandStart).pos;
      this.tok.peek(LexContext.CommandStart).token === Token.RParen ? (this.tok.next(LexContext.CommandStart), this.skipNewlines(LexContext.CommandStart), body = this.commandAsBody()) : body = this.withRedirects(this.subshellBody(openPos));
    } else
      this.skipNewlines(LexContext.CommandStart), body = this.commandAsBody();
    return { type: "Function", pos, end: body.end, name, body };
  }
  // simple_command or function_def (word '(' ')' body)
  simpleCommandOrFunction(coproc) {
    let prefix = [], cmdPos = this.tok.peek(LexContext.CommandStart).pos, lastEnd = cmdPos, ctx = LexContext.CommandStart;
    for (; ; ) {
      let t = this.tok.peek(ctx).token;
      if (t === Token.Assignment) {
        let assignment = this.tok.next(ctx);
        lastEnd = assignment.end, prefix.push(this.parseAssignment(assignment));
      } else if (t === Token.Redirect) {
        let redirect = this.readRedirect(ctx);
        prefix.push(redirect), lastEnd = redirect.end;
      } else
        break;
      ctx = LexContext.CommandPrefix;
    }
    if (this.tok.peek(LexContext.Normal).token !== Token.Word)
      return new CommandImpl(cmdPos, lastEnd, void 0, prefix, []);
    let nameToken = this.tok.next(LexContext.Normal), keyword = nameToken.keywordEligible ? nameToken.value : "", name = this.toWord(nameToken);
    ctx = isDeclarationCommand(keyword) ? LexContext.Declaration : keyword === "eval" || keyword === "let" ? LexContext.EvalArgument : LexContext.Normal, lastEnd = name.end;
    let suffix = [];
    if (coproc)
      for (; this.tok.peek(LexContext.CommandPrefix).token === Token.Assignment; ) {
        let token = this.tok.next(LexContext.CommandPrefix), word = ctx === LexContext.Declaration ? this.parseAssignment(token) : this.toWord(token);
        suffix.push(word), lastEnd = word.end;
      }
    if (this.tok.peek(ctx).token === Token.LParen && suffix.length === 0 && (this.tok.next(LexContext.Normal), this.tok.peek(LexContext.Normal).token === Token.RParen)) {
      this.tok.next(LexContext.Normal), this.skipNewlines(LexContext.CommandStart);
      let body = this.commandAsBody();
      return {
        type: "Function",
        pos: name.pos,
        end: body.end,
        name,
        body
      };
    }
    for (; ; ) {
      let st = this.tok.peek(ctx).token;
      if (st === Token.Word || st === Token.Assignment) {
        let token = this.tok.next(ctx), w = st === Token.Assignment ? this.parseAssignment(token) : this.toWord(token);
        suffix.push(w), lastEnd = w.end;
      } else if (st === Token.Redirect) {
        let redirect = this.readRedirect(ctx);
        suffix.push(redirect), lastEnd = redirect.end;
      } else
        break;
    }
    return new CommandImpl(cmdPos, lastEnd, name, prefix, suffix);
  }
  readRedirect(ctx) {
    let t = this.tok.next(ctx), tPos = t.pos, tEnd = t.end, descriptor = t.fileDescriptor !== void 0 ? { type: "FileDescriptor", pos: tPos, end: t.descriptorEnd, value: t.fileDescriptor } : t.variableName !== void 0 ? { type: "FileDescriptorVariable", pos: tPos, end: t.descriptorEnd, name: t.variableName } : void 0, hasTarget = t.targetEnd > t.targetPos;
    if (hasTarget || this.error("expected redirect target", t.targetPos), t.value === "<<" || t.value === "<<-") {
      let r = {
        type: "HereDoc",
        pos: tPos,
        end: tEnd,
        operator: t.value,
        descriptor,
        delimiter: hasTarget ? {
          type: "HereDocDelimiter",
          pos: t.targetPos,
          end: t.targetEnd,
          text: this.source.slice(t.targetPos, t.targetEnd),
          value: t.content ?? "",
          quoted: t.delimiterQuoted
        } : void 0,
        body: new HereDocBodyImpl(this.source, tEnd, t.delimiterQuoted, this.depth, this.tok.getSubstitutionContext()),
        closing: void 0
      };
      return hasTarget && this.tok.registerHereDocTarget(r), r;
    }
    let target = hasTarget ? new WordImpl(this.source.slice(t.targetPos, t.targetEnd), t.targetPos, t.targetEnd, this.source, wordPartsResolver(this.tok.getSubstitutionContext()), this.depth) : void 0;
    return t.value === "<<<" ? { type: "HereString", pos: tPos, end: tEnd, operator: "<<<", descriptor, target } : { type: "Redirect", pos: tPos, end: tEnd, operator: REDIRECT_OPS[t.value] ?? ">", descriptor, target };
  }
  commandAsBody() {
    let cmd = this.command();
    return cmd && cmd.type !== "Command" && cmd.type !== "Function" && cmd.type !== "Coproc" ? cmd : (this.error("expected compound command as function body", cmd?.pos ?? this.tok.getPos()), this.makeCompoundList(cmd ? [this.makeStatement(cmd)] : []));
  }
  readWord(ctx) {
    return this.toWord(this.tok.next(ctx));
  }
  // A missing word stays empty and leaves its token to the rest of the clause.
  readRequiredWord(keyword) {
    let t = this.tok.peek(LexContext.Normal);
    return t.token === Token.Word ? this.toWord(this.tok.next(LexContext.Normal)) : (t.token !== Token.EOF && this.error(`expected word after '${keyword}'`, t.pos), new WordImpl("", t.pos, t.pos));
  }
  toWord(tok) {
    let text2 = tok.raw ? tok.value : this.source.slice(tok.pos, tok.end), source = tok.raw && tok.keywordEligible ? void 0 : this.source;
    return new WordImpl(text2, tok.pos, tok.end, source, source === void 0 ? computeBareWordParts : wordPartsResolver(this.tok.getSubstitutionContext()), this.depth);
  }
  toWordFromPosEnd(tok, pos, end) {
    return tok.pos === pos && tok.end === end ? this.toWord(tok) : new WordImpl(this.source.slice(pos, end), pos, end, this.source, wordPartsResolver(this.tok.getSubstitutionContext()), this.depth);
  }
  parseAssignment(token) {
    let text2 = token.raw ? token.value : this.source.slice(token.pos, token.end);
    return new AssignmentImpl(text2, token.pos, token.end, this.source, token.assignmentOperatorPos, this.depth, this.tok.getSubstitutionContext());
  }
  makeCompoundList(commands) {
    let p = this.tok.getPos(), pos = commands.length > 0 ? commands[0].pos : p, end = commands.length > 0 ? commands[commands.length - 1].end : p;
    return { type: "CompoundList", pos, end, commands };
  }
};

// src/policy/words.ts
var RESERVED = new Set(
  "if then else elif fi do done case esac while until for in select function time coproc".split(" ")
);
function singleQuote(value) {
  return /^[A-Za-z0-9_@%+:,./-]+$/.test(value) && !RESERVED.has(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}
var Refusal = class {
  constructor(rule, reason) {
    this.rule = rule;
    this.reason = reason;
  }
  rule;
  reason;
};
function resolveWord(word, source) {
  let text2 = source.slice(word.pos, word.end) || word.text;
  if (!word.parts && !/[\\{}*?[~\u0080-\uffff]/.test(word.text)) {
    let field = literalField(word.text);
    return {
      ok: !0,
      word: {
        fields: [field],
        pattern: !1,
        value: word.text,
        shell: field.shell,
        source: text2,
        unquotedNonAscii: !1
      }
    };
  }
  try {
    let tokens = [];
    word.parts ? word.parts.forEach((part, index) => addPart(part, index === 0, tokens)) : addLiteralText(word.text, !0, tokens);
    let quoted = word.parts?.some(
      (part) => part.type !== "Literal" && part.type !== "BraceExpansion" && part.type !== "Glob"
    ) ?? !1, expanded = expandBraces(tokens), fields = (expanded.length > 1 && !quoted ? expanded.filter((field) => field.length > 0) : expanded).map(toField), unquotedNonAscii = tokens.some((t) => !t.quoted && /[^\x00-\x7f]/.test(t.ch));
    return {
      ok: !0,
      word: {
        fields,
        pattern: fields.some((f) => f.glob),
        value: fields[0]?.value ?? "",
        shell: fields.length === 0 ? "''" : fields.map((f) => f.shell).join(" "),
        source: text2,
        unquotedNonAscii
      }
    };
  } catch (error) {
    if (error instanceof Refusal)
      return { ok: !1, rule: error.rule, reason: error.reason, offending: text2 };
    throw error;
  }
}
function addPart(part, first, tokens) {
  switch (part.type) {
    case "Literal":
      addLiteralText(part.text, first, tokens);
      return;
    case "SingleQuoted":
      for (let ch of part.value) tokens.push({ ch, quoted: !0 });
      return;
    case "DoubleQuoted":
      for (let child of part.parts) {
        if (child.type !== "Literal") throw expansionRefusal(child.type, child.text);
        for (let ch of child.value) tokens.push({ ch, quoted: !0 });
      }
      return;
    case "Glob":
      part.kind === "bracket" ? (tokens.push({ ch: "[", quoted: !1 }), part.parts.forEach((child) => addPart(child, !1, tokens)), tokens.push({ ch: "]", quoted: !1 })) : tokens.push({ ch: part.kind === "star" ? "*" : "?", quoted: !1 });
      return;
    case "BraceExpansion":
      part.parts ? (tokens.push({ ch: "{", quoted: !1 }), part.parts.forEach((child) => addPart(child, !1, tokens)), tokens.push({ ch: "}", quoted: !1 })) : addLiteralText(part.text, !1, tokens);
      return;
    case "AnsiCQuoted":
      throw new Refusal(
        "quoting-expansion",
        `$'\u2026' quoting ("${part.text}") can hide arbitrary bytes; use plain single quotes`
      );
    case "LocaleString":
      throw new Refusal("quoting-expansion", '$"\u2026" locale strings are expansions; use plain quotes');
    case "ExtendedGlob":
      throw new Refusal(
        "extended-glob",
        `the extended glob "${part.text}" is not supported; list the files explicitly`
      );
    default:
      throw expansionRefusal(part.type, "text" in part ? part.text : "");
  }
}
function addLiteralText(raw, atWordStart, tokens) {
  for (let i = 0; i < raw.length; i++) {
    let ch = raw[i] ?? "";
    if (ch === "\\") {
      let next = raw[i + 1];
      if (i++, next === void 0 || next === `
`) continue;
      tokens.push({ ch: next, quoted: !0, escaped: !0 });
      continue;
    }
    if (ch === "~") {
      let previous = tokens[tokens.length - 1];
      if (i === 0 && atWordStart && tokens.length === 0 || previous && !previous.quoted && (previous.ch === "=" || previous.ch === ":"))
        throw new Refusal(
          "tilde",
          '"~" expands to a home directory outside the workspace; use a path relative to the workspace'
        );
    }
    tokens.push({ ch, quoted: !1 });
  }
}
function expansionRefusal(type, text2) {
  switch (type) {
    case "CommandExpansion":
      return new Refusal(
        "command-substitution",
        `command substitution "${text2}" runs a hidden command; run commands directly instead`
      );
    case "ProcessSubstitution":
      return new Refusal(
        "command-substitution",
        `process substitution "${text2}" runs a hidden command; run commands directly instead`
      );
    case "ArithmeticExpansion":
      return new Refusal(
        "variable-expansion",
        `arithmetic expansion "${text2}" is not allowed; write the number`
      );
    default:
      return new Refusal(
        "variable-expansion",
        `variable expansion "${text2}" is not allowed: its value is not known before the command runs; write the value literally`
      );
  }
}
function expandBraces(tokens) {
  let out = braceExpand(tokens);
  if (out.length > 1024)
    throw new Refusal(
      "brace-too-large",
      "the brace expansion makes more than 1024 words; list fewer names"
    );
  return out;
}
var isBlank = (t) => t === void 0 || t.ch === " " || t.ch === "	" || t.ch === `
`;
function gobble(tokens, start, satisfy) {
  let level = 0, commas = satisfy === "}" ? 0 : 1;
  for (let i = start; i < tokens.length; i++) {
    let t = tokens[i];
    if (t.quoted) continue;
    let c = t.ch;
    if (c === satisfy && level === 0 && commas > 0) {
      let next = tokens[i + 1];
      if (!(c === "{" && (i === 0 || isBlank(tokens[i - 1])) && (isBlank(next) || next?.ch === "}" && !next.quoted))) return i;
      continue;
    }
    c === "{" ? level++ : c === "}" && level > 0 ? level-- : (satisfy === "}" && level === 0 && c === "," || satisfy === "}" && level === 0 && c === "." && tokens[i + 1]?.ch === "." && !tokens[i + 1]?.quoted && tokens[i + 2]?.ch !== "}") && commas++;
  }
  return -1;
}
function findBrace(tokens) {
  for (let from = 0; ; ) {
    let open = gobble(tokens, from, "{");
    if (open < 0) return;
    let close = gobble(tokens, open + 1, "}");
    if (close >= 0) return { open, close };
    from = open + 1;
  }
}
function braceExpand(tokens) {
  let found = findBrace(tokens);
  if (!found) return [tokens];
  let { open, close } = found, preamble = tokens.slice(0, open), amble = tokens.slice(open + 1, close), postamble = tokens.slice(close + 1), tack;
  if (amble.some((t) => t.ch === "," && !t.escaped))
    tack = expandAmble(amble);
  else {
    let sequenced = sequence(amble);
    if (sequenced) tack = sequenced;
    else if (postamble.length > 0) tack = [tokens.slice(open, close + 1)];
    else return [tokens];
  }
  let result = tack.map((item) => [...preamble, ...item]);
  if (postamble.length > 0) {
    let rest = braceExpand(postamble);
    if (result.length * rest.length > 1024)
      throw new Refusal(
        "brace-too-large",
        "the brace expansion makes more than 1024 words; list fewer names"
      );
    result = result.flatMap((head) => rest.map((tail) => [...head, ...tail]));
  }
  return result;
}
function expandAmble(amble) {
  let out = [], start = 0;
  for (; ; ) {
    let comma = gobble(amble, start, ","), end = comma < 0 ? amble.length : comma;
    if (out.push(...braceExpand(amble.slice(start, end))), out.length > 1024)
      throw new Refusal(
        "brace-too-large",
        "the brace expansion makes more than 1024 words; list fewer names"
      );
    if (comma < 0) return out;
    start = comma + 1;
  }
}
function sequence(inner) {
  if (inner.some((t) => t.quoted)) return;
  let text2 = inner.map((t) => t.ch).join(""), numeric = /^([-+]?\d+)\.\.([-+]?\d+)(?:\.\.([-+]?\d+))?$/.exec(text2), letters = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.([-+]?\d+))?$/.exec(text2), match = numeric ?? letters;
  if (!match) return;
  let [, left = "", right = "", step] = match, from = numeric ? Number(left) : left.charCodeAt(0), to = numeric ? Number(right) : right.charCodeAt(0), magnitude = Math.abs(Number(step ?? "1")) || 1, increment = from <= to ? magnitude : -magnitude, count = Math.floor(Math.abs(to - from) / magnitude) + 1;
  if (count > 1024)
    throw new Refusal(
      "brace-too-large",
      `the brace sequence {${text2}} makes ${count} words; list fewer names`
    );
  let zeroPadded = /^-?0\d/.test(left) || /^-?0\d/.test(right), width = numeric && zeroPadded ? Math.max(left.length, right.length) : 0, results = [];
  for (let k = 0, value = from; k < count; k++, value += increment) {
    let item;
    if (numeric) {
      let digits = String(Math.abs(value)), sign = value < 0 ? "-" : "";
      item = width > 0 ? sign + digits.padStart(width - sign.length, "0") : sign + digits;
    } else item = String.fromCharCode(value);
    results.push([...item].map((ch) => ({ ch, quoted: !1 })));
  }
  return results;
}
function removeGeneratedBackslashes(tokens) {
  if (!tokens.some((t) => !t.quoted && t.ch === "\\")) return tokens;
  let out = [];
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i];
    if (!t.quoted && t.ch === "\\") {
      let next = tokens[++i];
      next && out.push({ ch: next.ch, quoted: !0, escaped: !0 });
    } else out.push(t);
  }
  return out;
}
function fieldOf(value, glob) {
  return glob ? toField([...value].map((ch) => ({ ch, quoted: !1 }))) : literalField(value);
}
function literalField(value) {
  return {
    value,
    glob: !1,
    segments: value.split("/").map((text2) => ({ kind: "literal", text: text2 })),
    shell: value === "" ? "''" : singleQuote(value)
  };
}
function toField(raw) {
  let tokens = removeGeneratedBackslashes(raw);
  if (!tokens.some((t) => !t.quoted && (t.ch === "*" || t.ch === "?" || t.ch === "[")))
    return literalField(tokens.map((t) => t.ch).join(""));
  let segments = [], current = [];
  for (let t of tokens)
    t.ch === "/" ? (segments.push(segment(current)), current = []) : current.push(t);
  segments.push(segment(current));
  let value = tokens.map((t) => t.ch).join(""), glob = segments.some((s) => s.kind === "glob");
  return { value, glob, segments, shell: shellOf(tokens, glob) };
}
function segment(tokens) {
  if (!tokens.some((t) => !t.quoted && (t.ch === "*" || t.ch === "?" || t.ch === "[")))
    return { kind: "literal", text: tokens.map((t) => t.ch).join("") };
  let regex = "", glob = !1, leadingDot = tokens[0]?.ch === ".";
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i];
    if (!t.quoted && t.ch === "*")
      regex += ".*", glob = !0;
    else if (!t.quoted && t.ch === "?")
      regex += ".", glob = !0;
    else if (!t.quoted && t.ch === "[") {
      let bracket = parseBracket(tokens, i);
      bracket ? (regex += bracket.regex, glob = !0, i === 0 && bracket.matchesDot && (leadingDot = !0), i = bracket.end) : regex += "\\[";
    } else regex += escapeRegex(t.ch);
  }
  let text2 = tokens.map((t) => t.ch).join("");
  return glob ? { kind: "glob", regex: new RegExp(`^${regex}$`, "s"), leadingDot, text: text2 } : { kind: "literal", text: text2 };
}
var CLASSES = {
  alpha: "A-Za-z",
  digit: "0-9",
  alnum: "A-Za-z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
  word: "A-Za-z0-9_",
  print: " -~",
  graph: "!-~",
  cntrl: "\\x00-\\x1f\\x7f"
};
function parseBracket(tokens, open) {
  let i = open + 1, negated = !1, first = tokens[i];
  first && !first.quoted && (first.ch === "!" || first.ch === "^") && (negated = !0, i++);
  let body = "", members = "", start = i;
  for (; i < tokens.length; i++) {
    let t = tokens[i];
    if (t.ch === "/") return;
    if (!t.quoted && t.ch === "]" && i > start) {
      let matchesDot = negated ? !members.includes(".") : members.includes(".") || /-/.test(body);
      return { regex: `[${negated ? "^" : ""}${body}]`, end: i, matchesDot };
    }
    if (!t.quoted && t.ch === "[" && tokens[i + 1]?.ch === ":") {
      let rest = tokens.slice(i + 2).map((x) => x.ch).join(""), name = /^([a-z]+):\]/.exec(rest), cls = name ? CLASSES[name[1] ?? ""] : void 0;
      if (name && cls !== void 0) {
        body += cls, members += cls.includes(".") || name[1] === "punct" || name[1] === "print" || name[1] === "graph" ? "." : "", i += 2 + (name[0]?.length ?? 0) - 1;
        continue;
      }
    }
    if (!t.quoted && t.ch === "-" && i > start && tokens[i + 1] && !(tokens[i + 1]?.ch === "]" && !tokens[i + 1]?.quoted)) {
      body += "-", members += "-";
      continue;
    }
    body += escapeClass(t.ch), members += t.ch;
  }
}
function escapeRegex(ch) {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
function escapeClass(ch) {
  return ch.replace(/[\]\\^-]/g, "\\$&");
}
var BARE = /^[A-Za-z0-9_./*?[\]!^:%+@=-]$/;
function shellOf(tokens, glob) {
  if (!glob) return tokens.length === 0 ? "''" : singleQuote(tokens.map((t) => t.ch).join(""));
  let out = "", run = "", flush = () => {
    run !== "" && (out += `'${run.replace(/'/g, "'\\''")}'`), run = "";
  };
  for (let t of tokens)
    !t.quoted && BARE.test(t.ch) ? (flush(), out += t.ch) : run += t.ch;
  return flush(), out;
}

// src/policy/canonical.ts
function renderScript(script, source) {
  let renderer = new Renderer(source);
  return renderer.list(script.commands), renderer.output.replace(/\n+$/, `
`);
}
var Renderer = class {
  constructor(source) {
    this.source = source;
  }
  source;
  output = "";
  pending = [];
  delimiterCount = 0;
  list(statements) {
    for (let statement of statements)
      this.node(statement.command), this.newline();
  }
  newline() {
    this.output += `
`;
    for (let heredoc of this.pending.splice(0)) {
      let delimiter = this.delimiterFor(heredoc);
      this.output += `${heredoc.body.text}${delimiter}
`;
    }
  }
  node(node) {
    switch (node.type) {
      case "AndOr":
        node.commands.forEach((child, index) => {
          index > 0 && (this.output += ` ${node.operators[index - 1] ?? "&&"} `), this.node(child);
        });
        return;
      case "Pipeline":
        node.prefixes.some((prefix) => prefix.type === "Negation") && (this.output += "! "), node.commands.forEach((child, index) => {
          index > 0 && (this.output += ` ${node.operators[index - 1] ?? "|"} `), this.command(child);
        });
        return;
      default:
        this.command(node);
    }
  }
  command(node) {
    switch (node.type) {
      case "Command":
        this.simple(node);
        return;
      case "Subshell":
        this.output += "(", this.newline(), this.list(node.body.commands), this.output += ")";
        return;
      case "BraceGroup":
        this.output += "{", this.newline(), this.list(node.body.commands), this.output += "}";
        return;
      case "Redirected":
        this.command(node.command);
        for (let redirect of node.redirects) this.redirect(redirect);
        return;
      default:
        throw new Error(`cannot render ${node.type}`);
    }
  }
  simple(node) {
    let parts = [];
    node.name && parts.push(this.word(node.name)), this.output += parts.join(" ");
    for (let item of node.prefix) item.type !== "Assignment" && this.redirect(item);
    for (let item of node.suffix)
      if (item.type === "Word") this.output += ` ${this.word(item)}`;
      else {
        if (item.type === "Assignment") throw new Error("assignment in approved command");
        this.redirect(item);
      }
  }
  word(word) {
    let resolved = resolveWord(word, this.source);
    if (!resolved.ok) throw new Error(`unresolvable word in approved command: ${resolved.reason}`);
    return resolved.word.shell;
  }
  redirect(redirect) {
    let fd = redirect.descriptor?.type === "FileDescriptor" ? String(redirect.descriptor.value) : "";
    if (redirect.type === "HereDoc") {
      this.pending.push(redirect);
      let delimiter = this.delimiterFor(redirect), quoted = redirect.delimiter?.quoted ?? !1;
      this.output += ` ${fd}${redirect.operator}${quoted ? `'${delimiter}'` : delimiter}`;
      return;
    }
    if (!redirect.target) throw new Error("redirection without target in approved command");
    let target = (redirect.operator === ">&" || redirect.operator === "<&") && /^(\d+|-)$/.test(redirect.target.value) ? redirect.target.value : this.word(redirect.target);
    this.output += ` ${fd}${redirect.operator} ${target}`;
  }
  delimiters = /* @__PURE__ */ new Map();
  /** A delimiter that no line of the body equals (tabs stripped for <<-), so the body ends where it did. */
  delimiterFor(heredoc) {
    let known = this.delimiters.get(heredoc);
    if (known) return known;
    let lines = new Set(heredoc.body.text.split(`
`).map((line) => line.replace(/^\t+/, ""))), delimiter = "KUBRICK_EOF";
    for (; lines.has(delimiter); ) delimiter = `KUBRICK_EOF_${++this.delimiterCount}`;
    return this.delimiters.set(heredoc, delimiter), delimiter;
  }
};

// src/policy/characters.ts
var INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u115f\u1160\u3164\uffa0\ufeff]/u;
function findHiddenCharacter(source, skip) {
  for (let index = 0; index < source.length; index++) {
    let char = source[index] ?? "";
    if (!(char === `
` || char === "	") && !(char.charCodeAt(0) < 128 && char >= " " && char !== "\x7F") && !(skip.some((range) => index >= range.pos && index < range.end) && char !== "\0") && INVISIBLE.test(char))
      return { char, index };
  }
}
function describeCharacter(char) {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
function isPlainAscii(text2) {
  return /^[\x20-\x7e]*$/.test(text2);
}

// src/policy/denied-programs.ts
var GROUPS = [
  {
    rule: "program-wrapper",
    reason: "runs another command given as its arguments, hiding it from the allowlist; run the command directly",
    programs: [
      "eval",
      "exec",
      "source",
      ".",
      "command",
      "builtin",
      "env",
      "sudo",
      "doas",
      "su",
      "runuser",
      "pkexec",
      "xargs",
      "nohup",
      "timeout",
      "nice",
      "ionice",
      "stdbuf",
      "setsid",
      "setpriv",
      "chroot",
      "unshare",
      "nsenter",
      "strace",
      "ltrace",
      "watch",
      "parallel",
      "flock",
      "script",
      "time",
      "busybox",
      "taskset",
      "chrt",
      "systemd-run",
      "at",
      "batch",
      "crontab",
      "firejail",
      "bwrap",
      "proot",
      "fakeroot",
      "sg",
      "newgrp",
      "coproc"
    ]
  },
  {
    rule: "shell-state",
    reason: "changes shell state (variables, options, traps, aliases, directory stack) that later commands would inherit",
    programs: [
      "trap",
      "alias",
      "unalias",
      "set",
      "shopt",
      "enable",
      "declare",
      "typeset",
      "export",
      "local",
      "readonly",
      "unset",
      "let",
      "read",
      "mapfile",
      "readarray",
      "hash",
      "ulimit",
      "umask",
      "pushd",
      "popd",
      "fc",
      "history",
      "bind",
      "complete",
      "compgen",
      "caller",
      "getopts",
      "dirs"
    ]
  },
  {
    rule: "process-control",
    reason: "acts on other processes or jobs, which commands may not do",
    programs: ["kill", "pkill", "killall", "wait", "disown", "fg", "bg", "jobs", "suspend"]
  }
], REASONS = /* @__PURE__ */ new Map();
for (let group of GROUPS) for (let program of group.programs) REASONS.set(program, group);
function alwaysDenied(program) {
  return REASONS.get(program);
}
var ALWAYS_DENIED_PROGRAMS = GROUPS.flatMap((group) => group.programs);

// src/policy/judge-command.ts
import fs4 from "node:fs";
import path6 from "node:path";

// src/policy/awk-program.ts
var EXEC = {
  rule: "awk-exec",
  reason: "the awk program runs commands (system(), a pipe to or from a command, or |&)"
}, FILE = {
  rule: "awk-file",
  reason: "the awk program reads or writes files of its own (getline < file, print > file)"
}, ENVIRON = {
  rule: "awk-environ",
  reason: "the awk program reads the environment or interpreter internals (ENVIRON, PROCINFO, SYMTAB, FUNCTAB)"
}, ARGV = {
  rule: "awk-argv",
  reason: "the awk program uses ARGV or ARGC, through which it can open files that are not on its command line"
}, INDIRECT = {
  rule: "awk-indirect",
  reason: "the awk program uses @ syntax (indirect calls, @load, @include, @namespace)"
}, CONTINUATION = {
  rule: "awk-continuation",
  reason: "the awk program continues a line with a backslash, which can split a call from its name"
}, ENVIRONMENT = /* @__PURE__ */ new Set(["ENVIRON", "PROCINFO", "SYMTAB", "FUNCTAB"]), ARGUMENTS = /* @__PURE__ */ new Set(["ARGV", "ARGC"]), KEYWORDS = /* @__PURE__ */ new Set([
  "print",
  "printf",
  "return",
  "in",
  "case",
  "do",
  "else",
  "getline",
  "if",
  "while",
  "for",
  "BEGIN",
  "END"
]);
function endsOperand(token) {
  return token ? token.kind === "ident" ? !KEYWORDS.has(token.text) : token.kind === "number" || token.kind === "string" || token.kind === "regex" ? !0 : token.text === ")" || token.text === "]" || token.text === "++" || token.text === "--" || token.text === "$" : !1;
}
function checkAwkProgram(program) {
  let tokens = tokenize(program);
  if ("rule" in tokens) return tokens;
  for (let k = 0; k < tokens.length; k++) {
    let token = tokens[k];
    if (token.kind === "ident") {
      if (token.text === "system") return EXEC;
      if (ENVIRONMENT.has(token.text)) return ENVIRON;
      if (ARGUMENTS.has(token.text)) return ARGV;
      if (token.text === "getline" && readsFile(tokens, k + 1)) return FILE;
      if (token.text === "print" || token.text === "printf") {
        let problem = printRedirect(tokens, k + 1);
        if (problem) return problem;
      }
    }
    if (token.kind === "op" && (token.text === "|" || token.text === "|&")) return EXEC;
  }
}
function readsFile(tokens, start) {
  let k = start;
  if (tokens[k]?.text === "$") k += 2;
  else if (tokens[k]?.kind === "ident" && (k++, tokens[k]?.text === "[")) {
    let depth = 0;
    for (; k < tokens.length; k++)
      if (tokens[k]?.text === "[" && depth++, tokens[k]?.text === "]" && --depth === 0) {
        k++;
        break;
      }
  }
  return tokens[k]?.text === "<";
}
function printRedirect(tokens, start) {
  let depth = 0;
  for (let k = start; k < tokens.length; k++) {
    let token = tokens[k];
    if (token.text === "(" || token.text === "[") depth++;
    else if (token.text === ")" || token.text === "]") {
      if (--depth < 0) return;
    } else {
      if (depth === 0 && (token.kind === "newline" || token.text === ";" || token.text === "}" || token.text === "{"))
        return;
      if (depth === 0 && (token.text === ">" || token.text === ">>")) return FILE;
    }
  }
}
function tokenize(program) {
  let tokens = [], n = program.length, i = 0, last = () => tokens[tokens.length - 1];
  for (; i < n; ) {
    let ch = program[i];
    if (ch === "\\" && (program[i + 1] === `
` || program[i + 1] === "\r" && program[i + 2] === `
`))
      return CONTINUATION;
    if (ch === `
`) {
      tokens.push({ kind: "newline", text: `
` }), i++;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "#") {
      for (; i < n && program[i] !== `
`; ) i++;
      continue;
    }
    if (ch === "@") return INDIRECT;
    if (ch === '"') {
      let k = i + 1;
      for (; k < n && program[k] !== '"'; ) {
        if (program[k] === "\\" && k++, program[k] === `
`)
          return { rule: "awk-continuation", reason: "an awk string runs over a line end" };
        k++;
      }
      if (k >= n)
        return { rule: "awk-exec", reason: "an awk string is not closed, so the program cannot be checked" };
      tokens.push({ kind: "string", text: program.slice(i, k + 1) }), i = k + 1;
      continue;
    }
    if (ch === "/" && !endsOperand(last())) {
      let k = i + 1, inBracket = !1;
      for (; k < n && (program[k] !== "/" || inBracket); ) {
        if (program[k] === "\\" ? k++ : program[k] === "[" ? inBracket = !0 : program[k] === "]" && (inBracket = !1), program[k] === `
`)
          return {
            rule: "awk-exec",
            reason: "an awk regex runs over a line end, so the program cannot be checked"
          };
        k++;
      }
      if (k >= n)
        return { rule: "awk-exec", reason: "an awk regex is not closed, so the program cannot be checked" };
      tokens.push({ kind: "regex", text: program.slice(i, k + 1) }), i = k + 1;
      continue;
    }
    let word = /^[A-Za-z_][A-Za-z_0-9]*/.exec(program.slice(i, i + 64));
    if (word) {
      tokens.push({ kind: "ident", text: word[0] }), i += word[0].length;
      continue;
    }
    let number = /^(?:0[xX][0-9A-Fa-f]+|\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)/.exec(
      program.slice(i, i + 64)
    );
    if (number) {
      tokens.push({ kind: "number", text: number[0] }), i += number[0].length;
      continue;
    }
    let op = /^(?:\|&|\|\||&&|>>|<=|>=|==|!=|\+\+|--|\+=|-=|\*=|\/=|%=|\^=|\*\*=|\*\*|!~|[-+*/%^!<>|?:=~$(){}[\];,])/.exec(
      program.slice(i, i + 4)
    );
    if (!op) return { rule: "awk-exec", reason: `the awk program has a character it cannot read ("${ch}")` };
    tokens.push({ kind: "op", text: op[0] }), i += op[0].length;
  }
  return tokens;
}

// src/policy/grammar/index.ts
import path5 from "node:path";

// src/policy/grammar/archive.ts
import path3 from "node:path";

// src/policy/content.ts
import fs3 from "node:fs";
import zlib from "node:zlib";
var MAX_ARCHIVE_BYTES = 256 * 1024 * 1024, MAX_ENTRIES = 2e4;
function readArchive(file) {
  try {
    let stat = fs3.statSync(file);
    return !stat.isFile() || stat.size > MAX_ARCHIVE_BYTES ? void 0 : fs3.readFileSync(file);
  } catch {
    return;
  }
}
function listTar(data) {
  let buffer = data;
  if (buffer[0] === 31 && buffer[1] === 139)
    try {
      buffer = zlib.gunzipSync(buffer, { maxOutputLength: MAX_ARCHIVE_BYTES });
    } catch {
      return { ok: !1, why: "the gzip data cannot be read" };
    }
  else {
    if (buffer.subarray(0, 3).toString("latin1") === "BZh")
      return { ok: !1, why: "bzip2 archives cannot be listed here; use a .tar or .tar.gz" };
    if (buffer[0] === 253 && buffer.subarray(1, 6).toString("latin1") === "7zXZ\0")
      return { ok: !1, why: "xz archives cannot be listed here; use a .tar or .tar.gz" };
    if (buffer.readUInt32LE(0) === 4247762216)
      return { ok: !1, why: "zstd archives cannot be listed here; use a .tar or .tar.gz" };
  }
  let entries = [], offset = 0, longName, longLink, pax = {}, globalPax = {};
  for (; offset + 512 <= buffer.length; ) {
    let header = buffer.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    if (!validChecksum(header)) return { ok: !1, why: `a tar header at byte ${offset} is damaged` };
    let size = octal(header.subarray(124, 136));
    if (size === void 0) return { ok: !1, why: "a tar header has an unreadable size" };
    let type = String.fromCharCode(header[156] ?? 0), body = buffer.subarray(offset + 512, offset + 512 + size);
    if (offset += 512 + Math.ceil(size / 512) * 512, type === "L") {
      longName = cstring(body);
      continue;
    }
    if (type === "K") {
      longLink = cstring(body);
      continue;
    }
    if (type === "x" || type === "g") {
      let records = parsePax(body);
      type === "x" ? pax = records : globalPax = { ...globalPax, ...records };
      continue;
    }
    let prefix = header.subarray(257, 262).toString("latin1") === "ustar" ? cstring(header.subarray(345, 500)) : "", baseName = cstring(header.subarray(0, 100)), name = pax.path ?? globalPax.path ?? longName ?? (prefix ? `${prefix}/${baseName}` : baseName), link = pax.linkpath ?? globalPax.linkpath ?? longLink ?? cstring(header.subarray(157, 257));
    longName = void 0, longLink = void 0, pax = {};
    let kind = type === "0" || type === "\0" || type === "7" ? "file" : type === "5" ? "dir" : type === "2" ? "symlink" : type === "1" ? "hardlink" : "other";
    if (entries.push({ name, kind, ...kind === "symlink" || kind === "hardlink" ? { link } : {} }), entries.length > MAX_ENTRIES)
      return { ok: !1, why: `the archive has more than ${MAX_ENTRIES} members` };
  }
  return { ok: !0, entries };
}
function validChecksum(header) {
  let stored = octal(header.subarray(148, 156));
  if (stored === void 0) return !1;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i] ?? 0;
  return sum === stored;
}
function octal(field) {
  if ((field[0] ?? 0) & 128) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0);
    return value;
  }
  let text2 = field.toString("latin1").replace(/\0.*$/s, "").trim();
  return text2 === "" ? 0 : /^[0-7]+$/.test(text2) ? parseInt(text2, 8) : void 0;
}
function cstring(field) {
  let end = field.indexOf(0);
  return field.subarray(0, end < 0 ? field.length : end).toString("utf8");
}
function parsePax(body) {
  let out = {}, offset = 0;
  for (; offset < body.length; ) {
    let space = body.indexOf(32, offset);
    if (space < 0) break;
    let length = Number(body.subarray(offset, space).toString("latin1"));
    if (!Number.isFinite(length) || length <= 0) break;
    let record2 = body.subarray(space + 1, offset + length - 1).toString("utf8"), equals = record2.indexOf("=");
    equals > 0 && (out[record2.slice(0, equals)] = record2.slice(equals + 1)), offset += length;
  }
  return out;
}
function listZip(buffer) {
  let end = findEndOfCentralDirectory(buffer);
  if (end < 0) return { ok: !1, why: "the file is not a zip archive" };
  let count = buffer.readUInt16LE(end + 10), offset = buffer.readUInt32LE(end + 16), entries = [];
  for (let k = 0; k < count; k++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 33639248)
      return { ok: !1, why: "the zip central directory is damaged" };
    let method = buffer.readUInt16LE(offset + 10), compressedSize = buffer.readUInt32LE(offset + 20), nameLength = buffer.readUInt16LE(offset + 28), extraLength = buffer.readUInt16LE(offset + 30), commentLength = buffer.readUInt16LE(offset + 32), mode = buffer.readUInt32LE(offset + 38) >>> 16, local = buffer.readUInt32LE(offset + 42), name = buffer.subarray(offset + 46, offset + 46 + nameLength).toString("utf8");
    offset += 46 + nameLength + extraLength + commentLength;
    let fileType = mode & 61440;
    if (fileType === 40960) {
      let link = zipData(buffer, local, method, compressedSize);
      if (link === void 0) return { ok: !1, why: `the link target of "${name}" cannot be read` };
      entries.push({ name, kind: "symlink", link });
    } else entries.push({ name, kind: name.endsWith("/") || fileType === 16384 ? "dir" : "file" });
    if (entries.length > MAX_ENTRIES)
      return { ok: !1, why: `the archive has more than ${MAX_ENTRIES} members` };
  }
  return { ok: !0, entries };
}
function findEndOfCentralDirectory(buffer) {
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65557); i--)
    if (buffer.readUInt32LE(i) === 101010256) return i;
  return -1;
}
function zipData(buffer, local, method, size) {
  if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 67324752) return;
  let start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28), data = buffer.subarray(start, start + size);
  try {
    if (method === 0) return data.toString("utf8");
    if (method === 8) return zlib.inflateRawSync(data, { maxOutputLength: 65536 }).toString("utf8");
  } catch {
    return;
  }
}
function patchTargets(text2) {
  let names = [], plainNames = [], symlink = !1;
  for (let line of text2.split(`
`)) {
    let header = /^(?:---|\+\+\+|\*\*\*) (.+?)(?:\t.*)?$/.exec(line);
    header?.[1] && !/^\*\*\*\* /.test(line) && !/^\*\*\* \d/.test(line) && !/^--- \d/.test(line) && names.push(unquote(header[1]));
    let git = /^diff --git (\S+) (\S+)$/.exec(line);
    git?.[1] && git[2] && names.push(unquote(git[1]), unquote(git[2]));
    let index = /^Index: (.+)$/.exec(line);
    index?.[1] && plainNames.push(index[1].trim());
    let moved = /^(?:rename|copy) (?:from|to) (.+)$/.exec(line);
    moved?.[1] && plainNames.push(unquote(moved[1])), /^(?:new file mode|new mode|old mode|deleted file mode|index [0-9a-f]+\.\.[0-9a-f]+) 120000/.test(line) && (symlink = !0);
  }
  return { names: names.filter((n) => n !== "/dev/null"), plainNames, symlink };
}
function unquote(name) {
  let trimmed = name.trim();
  return trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).replace(/\\(["\\])/g, "$1").replace(/\\t/g, "	").replace(/\\n/g, `
`) : trimmed;
}
function stripComponents(name, count) {
  let parts = name.split("/").filter((p) => p !== "");
  if (!(parts.length <= count))
    return (name.startsWith("/") && count === 0 ? "/" : "") + parts.slice(count).join("/");
}

// src/policy/grammar/dsl.ts
function opts(...specs) {
  return specs.flatMap(parseSpec);
}
function parseSpec(spec) {
  let first = parseOne(spec), shorts = (spec.split(/[=?@]/)[0] ?? "").split(",").filter((n) => n.length === 1);
  return [first, ...shorts.slice(1).map((letter) => ({ ...first, short: letter, long: [] }))];
}
function parseOne(spec) {
  let [body = "", sets] = spec.split("@"), match = /^([^=?]+)(?:([=?])(.*))?$/.exec(body);
  if (!match) throw new Error(`bad option spec ${spec}`);
  let [, names = "", kind, role] = match, list = names.split(","), short = list.find((n) => n.length === 1), long = list.filter((n) => n.length > 1);
  return {
    ...short ? { short } : {},
    ...long.length > 0 ? { long } : {},
    arg: kind === "=" ? "required" : kind === "?" ? "optional" : "none",
    ...role ? { role } : {},
    ...sets ? { sets } : {}
  };
}
function refuse(rule, reason, ...specs) {
  return opts(...specs).map((spec) => ({ ...spec, deny: { rule, reason } }));
}
var HELP = opts("help", "version");

// src/policy/grammar/parse.ts
var indexes = /* @__PURE__ */ new WeakMap();
function indexOf(grammar) {
  let index = indexes.get(grammar);
  if (!index) {
    index = { short: /* @__PURE__ */ new Map(), long: /* @__PURE__ */ new Map(), longNames: [] };
    for (let spec of grammar.options) {
      spec.short && index.short.set(spec.short, spec);
      for (let name of spec.long ?? []) index.long.set(name, spec);
    }
    index.longNames = [...index.long.keys()], indexes.set(grammar, index);
  }
  return index;
}
function lookupLong(grammar, name) {
  let index = indexOf(grammar), exact = index.long.get(name);
  if (exact) return exact;
  if (grammar.abbreviations === !1 || name === "") return;
  let candidates = new Set(index.longNames.filter((n) => n.startsWith(name)).map((n) => index.long.get(n)));
  return candidates.size === 1 ? [...candidates][0] : candidates.size > 1 ? "ambiguous" : void 0;
}
function lookupShort(grammar, letter) {
  return indexOf(grammar).short.get(letter);
}
function parseOptions(grammar, args, program) {
  let parsed = { options: [], operands: [], afterDashDash: -1, sets: /* @__PURE__ */ new Set() }, permute = grammar.permute !== !1, optionsDone = !1;
  for (let i = 0; i < args.length; i++) {
    let arg = args[i], value = arg.value;
    if (parsed.ended && (optionsDone = !0), optionsDone || value === "-" || !value.startsWith("-") || grammar.operandLike?.test(value)) {
      parsed.operands.push(arg), permute || (optionsDone = !0);
      continue;
    }
    if (value === "--") {
      optionsDone = !0, parsed.afterDashDash = parsed.operands.length;
      continue;
    }
    if (grammar.numericOption && /^-\d+$/.test(value)) continue;
    let take = () => args[++i];
    if (value.startsWith("--")) {
      let equals = value.indexOf("="), name = value.slice(2, equals < 0 ? void 0 : equals), spec = lookupLong(grammar, name);
      if (!spec && grammar.negatable && name.startsWith("no-")) {
        let positive = lookupLong(grammar, name.slice(3));
        positive && positive !== "ambiguous" && equals < 0 && (spec = { long: [name], arg: "none", role: "text" });
      }
      if (!spec && grammar.acceptLong?.test(name) && (spec = { long: [name], arg: equals >= 0 ? "optional" : "none", role: "text" }), spec === "ambiguous")
        return denial(
          "option-unknown",
          `${program} option "--${name}" is an ambiguous abbreviation; write the option out in full`,
          arg.source
        );
      if (!spec)
        return denial(
          "option-unknown",
          `${program} has no option "--${name}" that the policy knows; unknown options are refused`,
          arg.source
        );
      let option = { spec, name: `--${name}`, attached: equals >= 0, extra: [] }, kind = spec.arg ?? "none";
      if (equals >= 0) {
        if (kind === "none")
          return denial("option-unknown", `${program} option "--${name}" takes no value`, arg.source);
        option.value = sliceArg(arg, equals + 1);
      } else if (kind === "required" && (option.value = take(), !option.value))
        return missing(program, `--${name}`, arg);
      let extra = takeExtra(spec, args, i);
      if (i += extra.length, option.extra = extra, extra.length < (spec.extraArgs ?? 0)) return missing(program, `--${name}`, arg);
      record(parsed, option);
      continue;
    }
    for (let k = 1; k < value.length; k++) {
      let letter = value[k], spec = lookupShort(grammar, letter);
      if (!spec)
        return denial(
          "option-unknown",
          `${program} has no option "-${letter}" that the policy knows (in "${value}"); unknown options are refused`,
          arg.source
        );
      let kind = spec.arg ?? "none", option = { spec, name: `-${letter}`, attached: !1, extra: [] };
      if (kind === "none") {
        record(parsed, option);
        continue;
      }
      if (k + 1 < value.length)
        option.value = sliceArg(arg, k + 1), option.attached = !0;
      else if (kind === "required" && (option.value = take(), !option.value))
        return missing(program, `-${letter}`, arg);
      let extra = takeExtra(spec, args, i);
      i += extra.length, option.extra = extra, record(parsed, option);
      break;
    }
  }
  return parsed;
}
function takeExtra(spec, args, i) {
  let count = spec.extraArgs ?? 0;
  return args.slice(i + 1, i + 1 + count);
}
function record(parsed, option) {
  parsed.options.push(option), option.spec.sets && parsed.sets.add(option.spec.sets), option.spec.ends && (parsed.ended = !0);
}
function missing(program, name, arg) {
  return denial("option-value-missing", `${program} option "${name}" needs a value`, arg.source);
}
function sliceArg(arg, from) {
  let value = arg.value.slice(from);
  return { value, source: arg.source, field: fieldOf(value, arg.field.glob) };
}

// src/policy/grammar/search.ts
function patternThenFiles(parsed, env) {
  let files = parsed.sets.has("pattern") || parsed.sets.has("files-mode") ? parsed.operands : parsed.operands.slice(1);
  for (let file of files) {
    let found = env.arg(file, "read");
    if (found) return found;
  }
  return parsed.sets.has("follow") ? followEach(files, env) : void 0;
}
function followEach(operands, env) {
  let roots = operands.length > 0 ? [...operands] : [dotArg()];
  for (let root of roots) {
    let found = env.followTree(root);
    if (found) return found;
  }
}
function dotArg() {
  return {
    value: ".",
    source: ".",
    field: { value: ".", glob: !1, segments: [{ kind: "literal", text: "." }], shell: "." }
  };
}
var GREP = {
  names: ["grep", "egrep", "fgrep"],
  numericOption: !0,
  options: [
    ...HELP,
    ...opts(
      "E,extended-regexp",
      "F,fixed-strings",
      "G,basic-regexp",
      "P,perl-regexp",
      "e,regexp=pattern@pattern",
      "f,file=read@pattern",
      "i,ignore-case",
      "y",
      "no-ignore-case",
      "v,invert-match",
      "w,word-regexp",
      "x,line-regexp",
      "c,count",
      "color,colour?text",
      "L,files-without-match",
      "l,files-with-matches",
      "m,max-count=number",
      "o,only-matching",
      "q,quiet,silent",
      "s,no-messages",
      "b,byte-offset",
      "H,with-filename",
      "h,no-filename",
      "label=text",
      "n,line-number",
      "T,initial-tab",
      "u,unix-byte-offsets",
      "Z,null",
      "z,null-data",
      "A,after-context=number",
      "B,before-context=number",
      "C,context=number",
      "a,text",
      "binary-files=text",
      "D,devices=text",
      "d,directories=text",
      "exclude=pattern",
      "exclude-from=read",
      "exclude-dir=pattern",
      "I",
      "include=pattern",
      "r,recursive",
      "R,dereference-recursive@follow",
      "line-buffered",
      "U,binary",
      "V"
    )
  ],
  judge: patternThenFiles
}, RG = {
  names: ["rg"],
  abbreviations: !1,
  options: [
    ...opts(
      "h,help",
      "V,version",
      "a,text",
      "no-text",
      "b,byte-offset",
      "no-byte-offset",
      "c,count",
      "count-matches",
      "F,fixed-strings",
      "no-fixed-strings",
      "H,with-filename",
      "I,no-filename",
      "i,ignore-case",
      "S,smart-case",
      "s,case-sensitive",
      "l,files-with-matches",
      "files-without-match",
      "files@files-mode",
      "L,follow@follow",
      "no-follow",
      "n,line-number",
      "N,no-line-number",
      "o,only-matching",
      "p,pretty",
      "q,quiet",
      "u,unrestricted",
      "v,invert-match",
      "no-invert-match",
      "w,word-regexp",
      "x,line-regexp",
      "U,multiline",
      "no-multiline",
      "multiline-dotall",
      "no-multiline-dotall",
      "z,search-zip",
      "no-search-zip",
      "0,null",
      "null-data",
      "hidden",
      "no-hidden",
      ".",
      "no-ignore",
      "ignore",
      "no-ignore-vcs",
      "ignore-vcs",
      "no-ignore-dot",
      "no-ignore-global",
      "no-ignore-parent",
      "no-ignore-exclude",
      "no-ignore-files",
      "no-ignore-messages",
      "no-messages",
      "messages",
      "no-heading",
      "heading",
      "column",
      "no-column",
      "json",
      "no-json",
      "vimgrep",
      "stats",
      "no-stats",
      "trim",
      "no-trim",
      "sort-files",
      "type-list",
      "debug",
      "trace",
      "passthru",
      "passthrough",
      "line-buffered",
      "block-buffered",
      "crlf",
      "no-crlf",
      "no-config",
      "one-file-system",
      "no-one-file-system",
      "binary",
      "no-binary",
      "glob-case-insensitive",
      "no-glob-case-insensitive",
      "ignore-file-case-insensitive",
      "no-unicode",
      "unicode",
      "P,pcre2",
      "no-pcre2",
      "auto-hybrid-regex",
      "no-pcre2-unicode",
      "mmap",
      "no-mmap",
      "include-zero",
      "no-include-zero",
      "no-require-git",
      "max-columns-preview",
      "no-max-columns-preview",
      "line-number",
      "no-unicode",
      "block-buffered",
      "no-block-buffered",
      "no-line-buffered",
      "pcre2-version",
      "no-context-separator",
      "search-zip",
      "A,after-context=number",
      "B,before-context=number",
      "C,context=number",
      "color=text",
      "colors=text",
      "context-separator=text",
      "field-context-separator=text",
      "field-match-separator=text",
      "d,max-depth,maxdepth=number",
      "dfa-size-limit=text",
      "E,encoding=text",
      "e,regexp=pattern@pattern",
      "f,file=read@pattern",
      "g,glob=pattern",
      "iglob=pattern",
      "ignore-file=read",
      "j,threads=number",
      "M,max-columns=number",
      "m,max-count=number",
      "max-filesize=text",
      "path-separator=text",
      "pre-glob=pattern",
      "r,replace=text",
      "regex-size-limit=text",
      "sort=text",
      "sortr=text",
      "t,type=text",
      "T,type-not=text",
      "type-add=text",
      "type-clear=text",
      "engine=text",
      "generate=text",
      "hyperlink-format=text"
    ),
    ...refuse(
      "program-option-exec",
      "rg --pre and --hostname-bin run another program",
      "pre=",
      "hostname-bin="
    )
  ],
  judge: patternThenFiles
}, FIND_VALUE_PRIMARIES = {
  "-name": "pattern",
  "-iname": "pattern",
  "-path": "pattern",
  "-ipath": "pattern",
  "-wholename": "pattern",
  "-iwholename": "pattern",
  "-regex": "pattern",
  "-iregex": "pattern",
  "-lname": "pattern",
  "-ilname": "pattern",
  "-type": "text",
  "-xtype": "text",
  "-user": "text",
  "-group": "text",
  "-uid": "number",
  "-gid": "number",
  "-size": "text",
  "-perm": "text",
  "-mtime": "text",
  "-atime": "text",
  "-ctime": "text",
  "-mmin": "text",
  "-amin": "text",
  "-cmin": "text",
  "-newer": "read",
  "-anewer": "read",
  "-cnewer": "read",
  "-samefile": "read",
  "-inum": "number",
  "-links": "text",
  "-maxdepth": "number",
  "-mindepth": "number",
  "-used": "text",
  "-fstype": "text",
  "-context": "text",
  "-regextype": "text",
  "-printf": "text",
  "-fprint": "write",
  "-fprint0": "write",
  "-fls": "write",
  "-files0-from": "read"
}, FIND_FLAGS = new Set(
  "-print -print0 -ls -prune -quit -true -false -empty -executable -readable -writable -nouser -nogroup -depth -d -mount -xdev -noleaf -ignore_readdir_race -noignore_readdir_race -daystart -follow -warn -nowarn -a -and -o -or -not ! ( ) , -help --help -version --version".split(" ")
), FIND_EXEC = /* @__PURE__ */ new Set(["-exec", "-execdir", "-ok", "-okdir"]);
function judgeFind(args, env) {
  let i = 0, follow = !1;
  for (; i < args.length; ) {
    let value = args[i]?.value ?? "";
    if (/^-[HLP]+$/.test(value)) {
      for (let letter of value.slice(1)) follow = letter === "L";
      i++;
    } else if (/^-O\d?$/.test(value)) i++;
    else if (value === "-D") i += 2;
    else break;
  }
  let starts = [];
  for (; i < args.length; i++) {
    let arg = args[i], value = arg.value;
    if (value.startsWith("-") || value === "(" || value === "!" || value === ")" || value === ",") break;
    starts.push(arg);
    let found = env.arg(arg, "read");
    if (found) return found;
  }
  if (follow || args.slice(i).some((arg) => arg.value === "-follow")) {
    let found = followEach(starts, env);
    if (found) return found;
  }
  for (; i < args.length; i++) {
    let arg = args[i], value = arg.value;
    if (FIND_EXEC.has(value))
      return env.deny("find-exec", "find -exec, -execdir, -ok and -okdir run arbitrary commands", value);
    if (value === "-delete")
      return env.deny(
        "find-delete",
        "find -delete removes every match, and a broad expression removes the workspace",
        value
      );
    if (FIND_FLAGS.has(value)) continue;
    if (/^-newer[aBcmt][aBcmt]$/.test(value)) {
      let reference = args[++i];
      if (!reference) return env.deny("option-value-missing", `find ${value} needs a reference`, value);
      if (!value.endsWith("t")) {
        let found = env.arg(reference, "read");
        if (found) return found;
      }
      continue;
    }
    if (value === "-fprintf") {
      let file = args[++i], format = args[++i];
      if (!file || !format)
        return env.deny("option-value-missing", "find -fprintf needs a file and a format", value);
      let found = env.arg(file, "write");
      if (found) return found;
      continue;
    }
    let role = FIND_VALUE_PRIMARIES[value];
    if (role) {
      let operand = args[++i];
      if (!operand) return env.deny("option-value-missing", `find ${value} needs a value`, value);
      if (role === "read" || role === "write") {
        let found = env.arg(operand, role);
        if (found) return found;
      }
      continue;
    }
    return env.deny(
      "option-unknown",
      `find has no primary "${value}" that the policy knows; unknown primaries are refused`,
      arg.source
    );
  }
}
var SEARCH = [GREP, RG];

// src/policy/grammar/archive.ts
var TAR_RUNS = "tar --to-command, --use-compress-program (-I), --checkpoint-action, --info-script (-F), --new-volume-script and --rsh-command run other programs", TAR = {
  names: ["tar", "gtar"],
  options: [
    ...HELP,
    ...opts(
      "A,catenate,concatenate@append",
      "c,create@create",
      "d,diff,compare@list",
      "delete@delete",
      "r,append@append",
      "t,list@list",
      "test-label@list",
      "u,update@append",
      "x,extract,get@extract",
      "f,file=text@archive",
      "C,directory=base-dir",
      "T,files-from=read@files-from",
      "X,exclude-from=read",
      "exclude=pattern",
      "exclude-vcs",
      "exclude-vcs-ignores",
      "exclude-backups",
      "exclude-caches",
      "exclude-caches-under",
      "exclude-caches-all",
      "exclude-tag=text",
      "exclude-tag-under=text",
      "exclude-tag-all=text",
      "z,gzip,gunzip,ungzip",
      "j,bzip2",
      "J,xz",
      "Z,compress,uncompress",
      "a,auto-compress",
      "no-auto-compress",
      "zstd",
      "lzip",
      "lzma",
      "lzop",
      "v,verbose",
      "k,keep-old-files",
      "keep-newer-files",
      "keep-directory-symlink",
      "overwrite",
      "overwrite-dir",
      "no-overwrite-dir",
      "skip-old-files",
      "p,preserve-permissions,same-permissions",
      "no-same-permissions",
      "same-owner",
      "no-same-owner",
      "numeric-owner",
      "h,dereference@follow",
      "hard-dereference",
      "S,sparse",
      "O,to-stdout@stdout",
      "m,touch",
      "strip-components=number",
      "b,blocking-factor=number",
      "B,read-full-records",
      "record-size=number",
      "i,ignore-zeros",
      "N,newer,after-date=date-or-file",
      "newer-mtime=date-or-file",
      "g,listed-incremental=write",
      "G,incremental",
      "level=number",
      "K,starting-file=text",
      "L,tape-length=number",
      "M,multi-volume",
      "V,label=text",
      "W,verify",
      "w,interactive,confirmation",
      "remove-files@remove",
      "owner=text",
      "group=text",
      "mode=text",
      "mtime=date-or-file",
      "sort=text",
      "format=text",
      "H=text",
      "posix",
      "wildcards",
      "no-wildcards",
      "wildcards-match-slash",
      "no-wildcards-match-slash",
      "anchored",
      "no-anchored",
      "ignore-case",
      "no-ignore-case",
      "recursion",
      "no-recursion",
      "null",
      "no-null",
      "verbatim-files-from",
      "no-verbatim-files-from",
      "unquote",
      "no-unquote",
      "totals?text",
      "checkpoint?number",
      "warning=text",
      "occurrence?number",
      "one-file-system",
      "one-top-level?text@top-level",
      "index-file=write",
      "atime-preserve?text",
      "delay-directory-restore",
      "no-delay-directory-restore",
      "U,unlink-first",
      "recursive-unlink",
      "suffix=text",
      "backup?text",
      "xattrs",
      "no-xattrs",
      "xattrs-include=text",
      "xattrs-exclude=text",
      "acls",
      "no-acls",
      "selinux",
      "no-selinux",
      "ignore-failed-read",
      "ignore-command-error",
      "no-ignore-command-error",
      "s,preserve-order,same-order",
      "show-transformed-names",
      "show-stored-names",
      "show-defaults",
      "show-omitted-dirs",
      "full-time",
      "utc",
      "quoting-style=text",
      "quote-chars=text",
      "no-quote-chars=text",
      "force-local",
      "restrict",
      "l,check-links",
      "R,block-number",
      "o",
      "no-check-device",
      "check-device",
      "clamp-mtime",
      "pax-option=text",
      "hole-detection=text",
      "no-seek",
      "n,seek",
      "utc",
      "volno-file=write"
    ),
    ...refuse(
      "program-option-exec",
      TAR_RUNS,
      "to-command=",
      "I,use-compress-program=",
      "checkpoint-action=",
      "F,info-script,new-volume-script=",
      "rsh-command=",
      "rmt-command="
    ),
    ...refuse(
      "tar-absolute-names",
      "tar -P keeps absolute and ../ member names, and --transform renames members, so extraction targets cannot be checked",
      "P,absolute-names",
      "transform,xform="
    )
  ],
  judge: (parsed, env) => judgeTar(parsed, env)
}, OLD_STYLE_VALUES = /* @__PURE__ */ new Set([..."fbCTXNLKgVIFH"]);
function tarArgs(args) {
  let first = args[0];
  if (!first || first.value.startsWith("-") || !/^[A-Za-z]+$/.test(first.value)) return [...args];
  let rest = args.slice(1), out = [], next = 0;
  for (let letter of first.value)
    out.push({ ...first, value: `-${letter}` }), OLD_STYLE_VALUES.has(letter) && rest[next] && out.push(rest[next++]);
  return [...out, ...rest.slice(next)];
}
function parseTar(args, program) {
  return parseOptions(TAR, tarArgs(args), program);
}
function judgeTar(parsed, env) {
  let archive = parsed.options.find((o) => o.spec.sets === "archive")?.value;
  if (archive && !parsed.options.some((o) => o.name === "--force-local") && /^[^/]*:/.test(archive.value))
    return env.deny(
      "program-option-exec",
      `the archive "${archive.value}" names a remote host, which tar reaches by running rsh or ssh; use a local file`,
      archive.source
    );
  let listed = judgeFilesFrom(parsed, env);
  if (listed) return listed;
  let directories = parsed.options.filter((o) => o.spec.short === "C" && o.value).map((o) => o.value), bases = baseDirectories(directories, env);
  if (parsed.sets.has("create") || parsed.sets.has("append") || parsed.sets.has("delete")) {
    if (archive && archive.value !== "-") {
      let found = env.arg(archive, "write");
      if (found) return found;
    }
    let role = parsed.sets.has("remove") ? "write-tree" : "read";
    for (let operand of parsed.operands) {
      let found = env.arg(operand, role, bases);
      if (found) return found;
    }
    return parsed.sets.has("follow") ? followEach(parsed.operands, { ...env, cwds: bases }) : void 0;
  }
  if (archive && archive.value !== "-") {
    let found = env.arg(archive, "read");
    if (found) return found;
  }
  if (!parsed.sets.has("extract") || parsed.sets.has("stdout")) return;
  if (!archive || archive.value === "-" || archive.field.glob)
    return env.deny(
      "archive-unlisted",
      "tar extraction needs a named archive file (-f FILE) so its members can be checked first",
      env.argv.join(" ")
    );
  let strip = Number(parsed.options.find((o) => o.name.startsWith("--strip"))?.value?.value ?? "0"), top = "", topLevel = parsed.options.find((o) => o.spec.sets === "top-level");
  return topLevel && (top = topLevel.value?.value ?? path3.posix.basename(archive.value).replace(/\.(tar(\.\w+)?|tgz|tbz2?|txz)$/, "")), judgeMembers(archive, "tar", env, bases, strip, top);
}
function judgeFilesFrom(parsed, env) {
  let verbatim = parsed.options.some((o) => o.name.startsWith("--verbatim"));
  for (let option of parsed.options.filter((o) => o.spec.sets === "files-from")) {
    let list = option.value;
    if (list.value === "-") {
      if (!verbatim)
        return env.deny(
          "archive-unlisted",
          "tar -T - reads names (and options) from standard input, which cannot be checked; name a list file",
          list.source
        );
      continue;
    }
    for (let cwd of env.cwds) {
      let text2 = env.judge.readText(list.value, cwd);
      if (text2 === void 0)
        return env.deny(
          "archive-unlisted",
          `the tar name list "${list.value}" cannot be read now, so it cannot be checked`,
          list.source
        );
      let names = text2.split(parsed.options.some((o) => o.name === "--null") ? "\0" : `
`).filter((line) => line !== ""), option2 = verbatim ? void 0 : names.find((line) => line.startsWith("-"));
      if (option2)
        return env.deny(
          "program-option-exec",
          `the tar name list "${list.value}" holds the option line "${option2.slice(0, 60)}", which tar would obey`,
          list.source
        );
      for (let name of names) {
        let found = env.path(name, parsed.sets.has("extract") ? "write-name" : "read", list.source, [cwd]);
        if (found) return found;
      }
    }
  }
}
function baseDirectories(directories, env) {
  if (directories.length === 0) return [...env.cwds];
  let out = [];
  for (let cwd of env.cwds)
    for (let directory of directories) {
      let real = env.judge.real(directory.value, cwd);
      real && out.push(real);
    }
  return out;
}
function judgeMembers(archive, format, env, bases, strip, top) {
  for (let cwd of env.cwds) {
    let real = env.judge.real(archive.value, cwd), data = real ? readArchive(real) : void 0;
    if (!data)
      return env.deny(
        "archive-unlisted",
        `the archive "${archive.value}" cannot be read now, so what it would write cannot be checked`,
        archive.source
      );
    let listing = format === "tar" ? listTar(data) : listZip(data);
    if (!listing.ok)
      return env.deny(
        "archive-unlisted",
        `the archive "${archive.value}" cannot be listed: ${listing.why}`,
        archive.source
      );
    let denied = judgeEntries(listing.entries, env, bases, strip, top, archive.source);
    if (denied) return denied;
  }
}
function judgeEntries(entries, env, bases, strip, top, offending) {
  for (let entry of entries) {
    let stripped = strip > 0 ? stripComponents(entry.name, strip) : entry.name;
    if (stripped === void 0) continue;
    let name = top ? `${top}/${stripped}` : stripped, found = env.path(name, "write-name", `${offending} (member ${entry.name})`, bases);
    if (found)
      return {
        ...found,
        rule: "content-write",
        reason: `the archive member "${entry.name}" would be written: ${found.reason}`
      };
    if (entry.kind === "symlink" || entry.kind === "hardlink")
      for (let base of bases) {
        let denied = entry.kind === "symlink" ? env.linkTarget(entry.link ?? "", name, base, !1, `${offending} (member ${entry.name})`) : env.path(entry.link ?? "", "write", `${offending} (member ${entry.name})`, [base]);
        if (denied)
          return {
            ...denied,
            rule: "archive-link",
            reason: `the archive member "${entry.name}" is a link: ${denied.reason}`
          };
      }
  }
}
var UNZIP = {
  names: ["unzip"],
  options: [
    ...opts(
      "h",
      "v",
      "l@list",
      "t@list",
      "z@list",
      "Z@list",
      "p@stdout",
      "c@stdout",
      "f",
      "u",
      "n",
      "o",
      "j@junk",
      "q",
      "a",
      "b",
      "C",
      "K",
      "L",
      "M",
      "V",
      "X",
      "D",
      "d=base-dir",
      "x=pattern",
      "P=text"
    )
  ],
  judge: (parsed, env) => {
    let [archive, ...members] = parsed.operands;
    if (!archive) return;
    let found = env.arg(archive, "read");
    if (found) return found;
    if (parsed.sets.has("list") || parsed.sets.has("stdout")) return;
    let directory = parsed.options.find((o) => o.spec.short === "d")?.value, bases = directory ? baseDirectories([directory], env) : [...env.cwds];
    return archive.field.glob ? env.deny(
      "archive-unlisted",
      "unzip needs a named archive so its members can be checked first",
      archive.source
    ) : parsed.sets.has("junk") ? judgeMembers(archive, "zip", { ...env }, bases, 0, "") : judgeMembers(archive, "zip", env, bases, 0, "");
  }
}, PATCH = {
  names: ["patch"],
  options: [
    ...HELP,
    ...opts(
      "b,backup",
      "backup-if-mismatch",
      "no-backup-if-mismatch",
      "B,prefix=text@backup-affix",
      "Y,basename-prefix=text@backup-affix",
      "z,suffix=text@backup-affix",
      "V,version-control=text",
      "c,context",
      "d,directory=base-dir",
      "D,ifdef=text",
      "dry-run@dry",
      "E,remove-empty-files",
      "e,ed",
      "f,force",
      "F,fuzz=number",
      "g,get=number",
      "i,input=read@input",
      "l,ignore-whitespace",
      "merge?text",
      "N,forward",
      "n,normal",
      "o,output=write@output",
      "p,strip=number@strip",
      "posix",
      "quoting-style=text",
      "R,reverse",
      "r,reject-file=write",
      "s,quiet,silent",
      "T,set-time",
      "t,batch",
      "u,unified",
      "v",
      "verbose",
      "x,debug=number",
      "Z,set-utc",
      "follow-symlinks",
      "read-only=text",
      "reject-format=text"
    )
  ],
  judge: (parsed, env) => {
    let affix = parsed.options.find((o) => o.spec.sets === "backup-affix")?.value?.value;
    if (affix !== void 0 && /[/*]/.test(affix))
      return env.deny(
        "path-protected-write",
        `the backup prefix or suffix "${affix}" holds "/" or "*", so backups could land anywhere`,
        affix
      );
    let [file, patchArg] = parsed.operands, input = parsed.options.find((o) => o.spec.sets === "input")?.value ?? patchArg;
    if (parsed.sets.has("dry")) return input ? env.arg(input, "read") : void 0;
    let source = input?.value ?? env.stdinPath;
    if (input) {
      let found = env.arg(input, "read");
      if (found) return found;
    }
    if (file)
      return env.arg(file, "write");
    if (parsed.sets.has("output")) return;
    let directory = parsed.options.find((o) => o.spec.short === "d")?.value, bases = directory ? baseDirectories([directory], env) : [...env.cwds], strip = parsed.options.find((o) => o.spec.sets === "strip")?.value?.value;
    return judgePatchFile(
      source,
      env,
      bases,
      strip === void 0 ? void 0 : Number(strip),
      input?.source ?? "patch"
    );
  }
};
function judgePatchFile(source, env, bases, strip, offending) {
  if (source === void 0)
    return env.deny(
      "archive-unlisted",
      "the patch must come from a named file (-i FILE or < FILE) so what it changes can be checked first",
      offending
    );
  for (let cwd of env.cwds) {
    let text2 = env.judge.readText(source, cwd, 5e7);
    if (text2 === void 0)
      return env.deny(
        "archive-unlisted",
        `the patch "${source}" cannot be read now, so what it changes cannot be checked`,
        offending
      );
    let targets = patchTargets(text2);
    if (targets.symlink)
      return env.deny("archive-link", `the patch "${source}" creates or changes a symbolic link`, offending);
    let candidates = new Set(targets.plainNames);
    for (let name of targets.names) {
      let depth = name.split("/").length, levels = strip === void 0 ? Array.from({ length: depth }, (_, k) => k) : [strip];
      for (let level of levels) {
        let stripped = stripComponents(name, level);
        stripped !== void 0 && candidates.add(stripped);
      }
    }
    for (let name of candidates) {
      let found = env.path(name, "write-name", offending, bases);
      if (found)
        return { ...found, rule: "content-write", reason: `the patch changes "${name}": ${found.reason}` };
    }
  }
}
var ARCHIVES = [TAR, UNZIP, PATCH];

// src/policy/grammar/coreutils.ts
import path4 from "node:path";
function operandsAre(role) {
  return (parsed, env) => {
    for (let operand of parsed.operands) {
      let found = env.arg(operand, role);
      if (found) return found;
    }
  };
}
var reads = operandsAre("read");
function readsFollowing(recursiveByDefault) {
  return (parsed, env) => {
    let found = reads(parsed, env);
    return found || ((recursiveByDefault || parsed.sets.has("recursive")) && parsed.sets.has("follow") && !parsed.sets.has("no-follow") ? followEach(parsed.operands, env) : void 0);
  };
}
var NO_PRESERVE_ROOT = refuse(
  "workspace-root",
  '--no-preserve-root lets a recursive command act on "/"',
  "no-preserve-root"
), CAT = {
  names: ["cat"],
  options: [
    ...HELP,
    ...opts(
      "A,show-all",
      "b,number-nonblank",
      "e",
      "E,show-ends",
      "n,number",
      "s,squeeze-blank",
      "t",
      "T,show-tabs",
      "u",
      "v,show-nonprinting"
    )
  ],
  judge: reads
}, HEAD = {
  names: ["head"],
  numericOption: !0,
  options: [
    ...HELP,
    ...opts("c,bytes=number", "n,lines=number", "q,quiet,silent", "v,verbose", "z,zero-terminated")
  ],
  judge: reads
}, TAIL = {
  names: ["tail"],
  numericOption: !0,
  options: [
    ...HELP,
    ...opts(
      "c,bytes=number",
      "f,follow?text",
      "F",
      "n,lines=number",
      "max-unchanged-stats=number",
      "pid=number",
      "q,quiet,silent",
      "retry",
      "s,sleep-interval=number",
      "v,verbose",
      "z,zero-terminated",
      "debug"
    )
  ],
  judge: reads
}, WC = {
  names: ["wc"],
  options: [
    ...HELP,
    ...opts("c,bytes", "m,chars", "l,lines", "L,max-line-length", "w,words", "files0-from=read", "total=text")
  ],
  judge: reads
}, CUT = {
  names: ["cut"],
  options: [
    ...HELP,
    ...opts(
      "b,bytes=text",
      "c,characters=text",
      "d,delimiter=text",
      "f,fields=text",
      "n",
      "complement",
      "s,only-delimited",
      "output-delimiter=text",
      "z,zero-terminated"
    )
  ],
  judge: reads
}, FILE2 = {
  names: ["file"],
  options: [
    ...HELP,
    ...opts(
      "b,brief",
      "c,checking-printout",
      "E",
      "h,no-dereference",
      "i,mime",
      "mime-type",
      "mime-encoding",
      "k,keep-going",
      "l,list",
      "L,dereference",
      "N,no-pad",
      "n,no-buffer",
      "p,preserve-date",
      "r,raw",
      "s,special-files",
      "S,no-sandbox",
      "z,uncompress",
      "Z,uncompress-noprelimit",
      "0,print0",
      "apple",
      "extension",
      "exclude-quiet=text",
      "debug",
      "e,exclude=text",
      "f,files-from=read",
      "F,separator=text",
      "m,magic-file=read",
      "P,parameter=text",
      "C,compile@compile"
    )
  ],
  judge: (parsed, env) => {
    if (parsed.sets.has("compile")) {
      let magic = parsed.options.find((o) => o.spec.short === "m")?.value?.value ?? "magic", found = env.path(`${path4.posix.basename(magic)}.mgc`, "write", "-C");
      if (found) return found;
    }
    return reads(parsed, env);
  }
}, STAT = {
  names: ["stat"],
  options: [
    ...HELP,
    ...opts("L,dereference", "f,file-system", "c,format=text", "printf=text", "t,terse", "cached=text")
  ],
  judge: reads
}, DU = {
  names: ["du"],
  options: [
    ...HELP,
    ...opts(
      "0,null",
      "a,all",
      "apparent-size",
      "B,block-size=text",
      "b,bytes",
      "c,total",
      "D,H,dereference-args",
      "d,max-depth=number",
      "files0-from=read",
      "h,human-readable",
      "inodes",
      "k",
      "L,dereference@follow",
      "l,count-links",
      "m",
      "P,no-dereference",
      "S,separate-dirs",
      "si",
      "s,summarize",
      "t,threshold=text",
      "time?text",
      "time-style=text",
      "X,exclude-from=read",
      "exclude=pattern",
      "x,one-file-system"
    )
  ],
  judge: readsFollowing(!0)
}, LS = {
  names: ["ls", "dir", "vdir"],
  options: [
    ...HELP,
    ...opts(
      "a,all",
      "A,almost-all",
      "author",
      "b,escape",
      "block-size=text",
      "B,ignore-backups",
      "c",
      "C",
      "color,colour?text",
      "d,directory",
      "D,dired",
      "f",
      "F,classify?text",
      "file-type",
      "format=text",
      "full-time",
      "g",
      "group-directories-first",
      "G,no-group",
      "h,human-readable",
      "si",
      "H,dereference-command-line",
      "dereference-command-line-symlink-to-dir",
      "hide=pattern",
      "hyperlink?text",
      "indicator-style=text",
      "i,inode",
      "I,ignore=pattern",
      "k,kibibytes",
      "l",
      "L,dereference@follow",
      "m",
      "n,numeric-uid-gid",
      "N,literal",
      "o",
      "p",
      "q,hide-control-chars",
      "show-control-chars",
      "Q,quote-name",
      "quoting-style=text",
      "r,reverse",
      "R,recursive@recursive",
      "s,size",
      "S",
      "sort=text",
      "time=text",
      "time-style=text",
      "t",
      "T,tabsize=number",
      "u",
      "U",
      "v",
      "w,width=number",
      "x",
      "X",
      "Z,context",
      "zero",
      "1"
    )
  ],
  judge: readsFollowing(!1)
}, DIFF = {
  names: ["diff"],
  numericOption: !0,
  options: [
    ...HELP,
    ...opts(
      "normal",
      "q,brief",
      "s,report-identical-files",
      "c",
      "C,context?number",
      "u",
      "U,unified?number",
      "e,ed",
      "n,rcs",
      "y,side-by-side",
      "W,width=number",
      "left-column",
      "suppress-common-lines",
      "p,show-c-function",
      "F,show-function-line=pattern",
      "label=text",
      "L=text",
      "t,expand-tabs",
      "T,initial-tab",
      "tabsize=number",
      "suppress-blank-empty",
      "l,paginate",
      "r,recursive@recursive",
      "no-dereference@no-follow",
      "N,new-file",
      "unidirectional-new-file",
      "ignore-file-name-case",
      "no-ignore-file-name-case",
      "x,exclude=pattern",
      "X,exclude-from=read",
      "S,starting-file=text",
      "from-file=read",
      "to-file=read",
      "i,ignore-case",
      "E,ignore-tab-expansion",
      "Z,ignore-trailing-space",
      "b,ignore-space-change",
      "w,ignore-all-space",
      "B,ignore-blank-lines",
      "I,ignore-matching-lines=pattern",
      "a,text",
      "strip-trailing-cr",
      "D,ifdef=text",
      "GTYPE-group-format=text",
      "old-group-format=text",
      "new-group-format=text",
      "unchanged-group-format=text",
      "changed-group-format=text",
      "line-format=text",
      "old-line-format=text",
      "new-line-format=text",
      "unchanged-line-format=text",
      "d,minimal",
      "horizon-lines=number",
      "speed-large-files",
      "color?text",
      "palette=text"
    )
  ],
  judge: (parsed, env) => {
    let found = reads(parsed, env);
    return found || (parsed.sets.has("recursive") && !parsed.sets.has("no-follow") ? followEach(parsed.operands, env) : void 0);
  }
}, SORT = {
  names: ["sort"],
  options: [
    ...HELP,
    ...opts(
      "b,ignore-leading-blanks",
      "d,dictionary-order",
      "f,ignore-case",
      "g,general-numeric-sort",
      "i,ignore-nonprinting",
      "M,month-sort",
      "h,human-numeric-sort",
      "n,numeric-sort",
      "R,random-sort",
      "random-source=read",
      "r,reverse",
      "sort=text",
      "V,version-sort",
      "batch-size=number",
      "c",
      "check?text",
      "C",
      "debug",
      "files0-from=read",
      "k,key=text",
      "m,merge",
      "o,output=write",
      "s,stable",
      "S,buffer-size=text",
      "t,field-separator=text",
      "T,temporary-directory=write",
      "parallel=number",
      "u,unique",
      "z,zero-terminated"
    ),
    ...refuse("program-option-exec", "sort --compress-program runs another program", "compress-program=")
  ],
  judge: reads
}, UNIQ = {
  names: ["uniq"],
  options: [
    ...HELP,
    ...opts(
      "c,count",
      "d,repeated",
      "D",
      "all-repeated?text",
      "f,skip-fields=number",
      "group?text",
      "i,ignore-case",
      "s,skip-chars=number",
      "u,unique",
      "z,zero-terminated",
      "w,check-chars=number"
    )
  ],
  judge: (parsed, env) => {
    let [input, output] = parsed.operands;
    return (input && env.arg(input, "read")) ?? (output && env.arg(output, "write")) ?? void 0;
  }
}, TEE = {
  names: ["tee"],
  options: [...HELP, ...opts("a,append", "i,ignore-interrupts", "p", "output-error?text")],
  judge: operandsAre("write")
}, TOUCH = {
  names: ["touch"],
  options: [
    ...HELP,
    ...opts(
      "a",
      "c,no-create",
      "d,date=text",
      "f",
      "h,no-dereference",
      "m",
      "r,reference=read",
      "t=text",
      "time=text"
    )
  ],
  judge: operandsAre("write")
}, MKDIR = {
  names: ["mkdir"],
  options: [...HELP, ...opts("m,mode=text", "p,parents", "v,verbose", "Z", "context?text")],
  judge: (parsed, env) => {
    for (let operand of parsed.operands) {
      let found = env.arg(operand, "write");
      if (found) return found;
      for (let cwd of env.cwds) {
        let real = env.judge.real(operand.value, cwd);
        real && env.judge.fs.addDirectory(real);
      }
    }
  }
}, RM = {
  names: ["rm"],
  options: [
    ...HELP,
    ...NO_PRESERVE_ROOT,
    ...opts(
      "f,force",
      "i",
      "I",
      "interactive?text",
      "one-file-system",
      "preserve-root?text",
      "r,R,recursive@recursive",
      "d,dir",
      "v,verbose"
    )
  ],
  judge: (parsed, env) => operandsAre(parsed.sets.has("recursive") ? "write-tree" : "write-name")(parsed, env)
}, RMDIR = {
  names: ["rmdir"],
  options: [...HELP, ...opts("ignore-fail-on-non-empty", "p,parents", "v,verbose")],
  judge: operandsAre("write-tree")
};
function ownership(names, extra) {
  return {
    names,
    operandLike: names[0] === "chmod" ? /^-[rwxXstugoa=+,0-7-]+$/ : void 0,
    options: [
      ...HELP,
      ...NO_PRESERVE_ROOT,
      ...opts(
        "c,changes",
        "f,silent,quiet",
        "v,verbose",
        "preserve-root",
        "reference=read@reference",
        "R,recursive@recursive",
        ...extra
      )
    ],
    judge: (parsed, env) => {
      let targets = parsed.sets.has("reference") ? parsed.operands : parsed.operands.slice(1), role = parsed.sets.has("recursive") ? "write-tree" : "write-name";
      for (let target of targets) {
        let found = env.arg(target, role);
        if (found) return found;
      }
    }
  };
}
var CHMOD = ownership(["chmod"], []), CHOWN = ownership(
  ["chown", "chgrp"],
  ["H", "L", "P", "dereference", "h,no-dereference", "from=text"]
), COPY_COMMON = [
  "b",
  "backup?text",
  "f,force",
  "i,interactive",
  "n,no-clobber",
  "S,suffix=text@suffix",
  "t,target-directory=write@target",
  "T,no-target-directory@no-target",
  "u",
  "update?text",
  "v,verbose",
  "Z",
  "context?text",
  "strip-trailing-slashes",
  "debug"
], CP = {
  names: ["cp"],
  options: [
    ...HELP,
    ...opts(
      ...COPY_COMMON,
      "a,archive@recursive",
      "attributes-only",
      "copy-contents",
      "d@no-deref",
      "H",
      "l,link@link",
      "L,dereference@follow",
      "P,no-dereference@no-deref",
      "p",
      "preserve?text",
      "no-preserve=text",
      "parents@parents",
      "R,r,recursive@recursive",
      "reflink?text",
      "remove-destination",
      "sparse=text",
      "s,symbolic-link@symlink",
      "x,one-file-system",
      "keep-directory-symlink"
    )
  ],
  judge: (parsed, env) => judgeCopy(parsed, env, "copy")
}, MV = {
  names: ["mv"],
  options: [...HELP, ...opts(...COPY_COMMON, "exchange", "no-copy")],
  judge: (parsed, env) => judgeCopy(parsed, env, "move")
}, LN = {
  names: ["ln"],
  options: [
    ...HELP,
    ...opts(
      "b",
      "backup?text",
      "d,F,directory",
      "f,force",
      "i,interactive",
      "L,logical",
      "n,no-dereference@no-target",
      "P,physical",
      "r,relative@relative",
      "s,symbolic@symlink",
      "S,suffix=text@suffix",
      "t,target-directory=write@target",
      "T,no-target-directory@no-target",
      "v,verbose"
    )
  ],
  judge: (parsed, env) => judgeLink(parsed, env)
};
function sourcesAndDestination(parsed) {
  let target = parsed.options.find((o) => o.spec.sets === "target")?.value;
  if (target) return { sources: parsed.operands, destination: target, intoDirectory: !0 };
  let operands = parsed.operands;
  return operands.length < 2 ? { sources: operands, destination: void 0, intoDirectory: !1 } : { sources: operands.slice(0, -1), destination: operands[operands.length - 1], intoDirectory: !1 };
}
function judgeCopy(parsed, env, kind) {
  let suffix = parsed.options.find((o) => o.spec.sets === "suffix")?.value?.value;
  if (suffix !== void 0 && /[/*]/.test(suffix))
    return env.deny(
      "path-protected-write",
      `the backup suffix "${suffix}" holds "/" or "*", so the backup could land anywhere`,
      suffix
    );
  let { sources, destination, intoDirectory } = sourcesAndDestination(parsed), sourceRole = kind === "move" ? "write-tree" : parsed.sets.has("link") ? "write" : "read";
  for (let source of sources) {
    let found2 = env.arg(source, sourceRole);
    if (found2) return found2;
  }
  if (parsed.sets.has("follow") && parsed.sets.has("recursive")) {
    let found2 = followEach(sources, env);
    if (found2) return found2;
  }
  if (!destination) return;
  let found = env.arg(destination, "write");
  if (found) return found;
  if (destination.field.glob) return;
  let recursive = kind === "move" || parsed.sets.has("recursive") || parsed.sets.has("no-deref");
  for (let cwd of env.cwds) {
    let toDirectory = intoDirectory || sources.length > 1 || !parsed.sets.has("no-target") && env.judge.isDirectory(destination.value, cwd);
    for (let source of sources) {
      if (source.field.glob)
        continue;
      let name = parsed.sets.has("parents") ? source.value : path4.posix.basename(source.value.replace(/\/+$/, "") || "/"), landing = toDirectory ? `${destination.value}/${name}` : destination.value, deniedLanding = env.path(landing, "write", destination.source, [cwd]);
      if (deniedLanding) return deniedLanding;
      if (recursive) {
        let tree = env.copyTree(source.value, landing, cwd, destination.source);
        if (tree) return tree;
      } else if (kind === "copy" && parsed.sets.has("symlink")) {
        let link = env.linkTarget(source.value, landing, cwd, !1, source.source);
        if (link) return link;
      }
    }
  }
}
function judgeLink(parsed, env) {
  let symbolic = parsed.sets.has("symlink"), target = parsed.options.find((o) => o.spec.sets === "target")?.value, pairs, operands = parsed.operands;
  if (target)
    pairs = operands.map((t) => ({
      target: t,
      link: `${target.value}/${path4.posix.basename(t.value)}`,
      linkSource: target.source
    }));
  else if (operands.length === 1 && operands[0]) {
    let only = operands[0];
    pairs = [{ target: only, link: path4.posix.basename(only.value), linkSource: only.source }];
  } else {
    let destination = operands[operands.length - 1], sources = operands.slice(0, -1);
    pairs = sources.map((t) => {
      let intoDirectory = sources.length > 1 || !parsed.sets.has("no-target") && env.cwds.some((cwd) => env.judge.isDirectory(destination.value, cwd));
      return {
        target: t,
        link: intoDirectory ? `${destination.value}/${path4.posix.basename(t.value)}` : destination.value,
        linkSource: destination.source
      };
    });
  }
  for (let pair of pairs) {
    let found = env.path(pair.link, "write-name", pair.linkSource);
    if (found) return found;
    if (pair.target.field.glob)
      return env.deny(
        "symlink-target",
        "a link target may not be a file pattern; name the target",
        pair.target.source
      );
    if (!symbolic) {
      let hard = env.arg(pair.target, "write");
      if (hard) return hard;
      continue;
    }
    for (let cwd of env.cwds) {
      let denied = env.linkTarget(
        pair.target.value,
        pair.link,
        cwd,
        parsed.sets.has("relative"),
        pair.target.source
      );
      if (denied) return denied;
    }
  }
}
var COREUTILS = [
  CAT,
  HEAD,
  TAIL,
  WC,
  CUT,
  FILE2,
  STAT,
  DU,
  LS,
  DIFF,
  SORT,
  UNIQ,
  TEE,
  TOUCH,
  MKDIR,
  RM,
  RMDIR,
  CHMOD,
  CHOWN,
  CP,
  MV,
  LN
];

// src/policy/grammar/git.ts
var CONFIG_OVERRIDE = "git -c and --config-env set configuration such as core.pager or alias.x that runs arbitrary commands", REPOSITORY = "git -C, --git-dir, --work-tree and --bare point git at another repository, whose configuration can run commands", GLOBALS = {
  names: ["git"],
  permute: !1,
  abbreviations: !1,
  options: [
    ...opts(
      "v,version",
      "h,help",
      "html-path",
      "man-path",
      "info-path",
      "p,paginate",
      "P,no-pager",
      "no-replace-objects",
      "no-lazy-fetch",
      "no-optional-locks",
      "no-advice",
      "literal-pathspecs",
      "glob-pathspecs",
      "noglob-pathspecs",
      "icase-pathspecs",
      "namespace=text",
      "list-cmds=text",
      "attr-source=text",
      "exec-path?text@exec-path"
    ),
    ...refuse("git-config-override", CONFIG_OVERRIDE, "c=", "config-env="),
    ...refuse("git-repository-override", REPOSITORY, "C=", "git-dir=", "work-tree=", "bare", "super-prefix=")
  ],
  judge: () => {
  }
}, EXTERNAL = "this git option runs an external program (a diff driver, a pager, an upload or receive pack)", OUTPUT = "git --output writes its result to any file, bypassing the redirection checks; redirect with > instead", DIFF_OPTIONS = [
  ...opts(
    "p,u,patch",
    "s,no-patch",
    "U,unified?number",
    "output-indicator-new=text",
    "output-indicator-old=text",
    "output-indicator-context=text",
    "raw",
    "patch-with-raw",
    "t",
    "indent-heuristic",
    "no-indent-heuristic",
    "minimal",
    "patience",
    "histogram",
    "anchored=text",
    "diff-algorithm=text",
    "stat?text",
    "stat-width=number",
    "stat-name-width=number",
    "stat-graph-width=number",
    "stat-count=number",
    "compact-summary",
    "numstat",
    "shortstat",
    "X,dirstat?text",
    "cumulative",
    "dirstat-by-file?text",
    "summary",
    "patch-with-stat",
    "z",
    "name-only",
    "name-status",
    "submodule?text",
    "color?text",
    "no-color",
    "color-moved?text",
    "no-color-moved",
    "color-moved-ws=text",
    "no-color-moved-ws",
    "word-diff?text",
    "word-diff-regex=pattern",
    "color-words?pattern",
    "no-renames",
    "rename-empty",
    "no-rename-empty",
    "check",
    "ws-error-highlight=text",
    "full-index",
    "binary",
    "abbrev?number",
    "no-abbrev",
    "B,break-rewrites?text",
    "M,find-renames?text",
    "C,find-copies?text",
    "find-copies-harder",
    "D,irreversible-delete",
    "l=number",
    "diff-filter=text",
    "S=text",
    "G=pattern",
    "find-object=text",
    "pickaxe-all",
    "pickaxe-regex",
    "O=read",
    "skip-to=text",
    "rotate-to=text",
    "R",
    "relative?text",
    "no-relative",
    "a,text",
    "ignore-cr-at-eol",
    "ignore-space-at-eol",
    "b,ignore-space-change",
    "w,ignore-all-space",
    "ignore-blank-lines",
    "I,ignore-matching-lines=pattern",
    "inter-hunk-context=number",
    "W,function-context",
    "no-function-context",
    "exit-code",
    "no-exit-code",
    "quiet",
    "no-ext-diff",
    "textconv",
    "no-textconv",
    "ignore-submodules?text",
    "src-prefix=text",
    "dst-prefix=text",
    "no-prefix",
    "default-prefix",
    "line-prefix=text",
    "ita-invisible-in-index",
    "ita-visible-in-index",
    "cc",
    "combined-all-paths",
    "m",
    "dd",
    "remerge-diff?text",
    "diff-merges=text",
    "no-diff-merges",
    "first-parent",
    "follow",
    "no-follow"
  ),
  ...refuse("git-external-program", EXTERNAL, "ext-diff"),
  ...refuse("git-output", OUTPUT, "output=")
], REVISION_OPTIONS = opts(
  "n,max-count=number",
  "skip=number",
  "since,after,since-as-filter=text",
  "until,before=text",
  "max-age=text",
  "min-age=text",
  "author=pattern",
  "committer=pattern",
  "grep-reflog=pattern",
  "grep=pattern",
  "all-match",
  "invert-grep",
  "i,regexp-ignore-case",
  "basic-regexp",
  "E,extended-regexp",
  "F,fixed-strings",
  "P,perl-regexp",
  "remove-empty",
  "merges",
  "no-merges",
  "min-parents=number",
  "max-parents=number",
  "no-min-parents",
  "no-max-parents",
  "exclude-first-parent-only",
  "not",
  "all",
  "branches?pattern",
  "tags?pattern",
  "remotes?pattern",
  "glob=pattern",
  "exclude=pattern",
  "exclude-hidden=text",
  "reflog",
  "alternate-refs",
  "single-worktree",
  "ignore-missing",
  "bisect",
  "cherry-mark",
  "cherry-pick",
  "left-only",
  "right-only",
  "cherry",
  "g,walk-reflogs",
  "merge",
  "boundary",
  "simplify-by-decoration",
  "show-pulls",
  "full-history",
  "dense",
  "sparse",
  "simplify-merges",
  "ancestry-path?text",
  "date-order",
  "author-date-order",
  "topo-order",
  "reverse",
  "no-walk?text",
  "do-walk",
  "pretty?text",
  "format=text",
  "abbrev-commit",
  "no-abbrev-commit",
  "oneline",
  "encoding=text",
  "expand-tabs?number",
  "no-expand-tabs",
  "notes?text",
  "no-notes",
  "show-notes?text",
  "show-notes-by-default",
  "show-signature",
  "no-show-signature",
  "relative-date",
  "date=text",
  "parents",
  "children",
  "left-right",
  "graph",
  "no-graph",
  "show-linear-break?text",
  "decorate?text",
  "no-decorate",
  "decorate-refs=pattern",
  "decorate-refs-exclude=pattern",
  "clear-decorations",
  "source",
  "use-mailmap",
  "no-use-mailmap",
  "mailmap",
  "no-mailmap",
  "full-diff",
  "log-size",
  "L=text",
  "in-commit-order",
  "no-standard-notes",
  "standard-notes",
  "count",
  "k"
);
function sub(names, options, judge, numericOption = !1) {
  return {
    names,
    options: [...opts("h", "q,quiet", "v,verbose"), ...options],
    negatable: !0,
    numericOption,
    judge: (parsed, env) => judge(parsed, env) ?? pathspecsRead(parsed, env)
  };
}
function pathspecsRead(parsed, env) {
  if (!(parsed.afterDashDash < 0))
    for (let spec of parsed.operands.slice(parsed.afterDashDash)) {
      if (spec.value.startsWith(":")) continue;
      let found = env.arg(spec, "read");
      if (found) return found;
    }
}
var text = () => {
};
function pathspecWrite(spec, env, remove = !1) {
  if (spec.value.startsWith(":"))
    return env.deny(
      "option-unknown",
      'pathspec magic (":(\u2026)") is not supported in a path that is written; name the files',
      spec.source
    );
  if (/[*?[]/.test(spec.value)) {
    let hit = gitPatternHitsProtected(spec.value, env.judge.protectedPaths);
    if (hit)
      return env.deny(
        "glob-protected-write",
        `the git pathspec "${spec.value}" can match the protected path "${hit}" (git's * crosses "/"); name the files`,
        spec.source
      );
  }
  let found = env.arg(spec, remove ? "write-tree" : "write");
  if (found || remove) return found;
  for (let cwd of env.cwds) {
    let real = env.judge.real(spec.value, cwd), relative = real === void 0 ? void 0 : env.judge.relative(real);
    if (relative === void 0 || relative === "" || relative.startsWith("..")) continue;
    let holder = containsProtected(relative, env.judge.protectedPaths);
    if (holder)
      return env.deny(
        "path-protected-write",
        `the git pathspec "${spec.value}" covers the protected path "${holder}"`,
        spec.source
      );
  }
}
function gitPatternHitsProtected(pattern, protectedPaths) {
  let source = pattern.replace(/^\.\//, "").replace(/\[!/g, "[^").split("").map(
    (ch) => ch === "*" ? ".*" : ch === "?" ? "." : ch === "[" || ch === "]" ? ch : ch.replace(/[.+^${}()|\\/]/g, "\\$&")
  ).join(""), regex;
  try {
    regex = new RegExp(`^${source}(/.*)?$`, "is");
  } catch {
    return pattern;
  }
  return [
    ".git/config",
    ".git/hooks/pre-commit",
    "x/.git/config",
    ...protectedPaths.map((p) => p.replace(/\*\*$/, "x.yml"))
  ].find((sample) => regex.test(sample) || regex.test(sample.split("/").slice(0, -1).join("/")));
}
function pathspecsWrite(skipFirst) {
  return (parsed, env) => {
    let split = parsed.afterDashDash, specs = split >= 0 ? parsed.operands.slice(split) : parsed.operands.slice(skipFirst ? 1 : 0);
    for (let spec of specs) {
      let found = pathspecWrite(spec, env);
      if (found) return found;
    }
  };
}
var PATHSPEC_FILE = opts("pathspec-from-file=read", "pathspec-file-nul"), DIFF2 = sub(
  ["diff"],
  [
    ...DIFF_OPTIONS,
    ...opts("cached,staged", "merge-base", "no-index@no-index", "1,base", "2,ours", "3,theirs", "0")
  ],
  (parsed, env) => {
    if (parsed.sets.has("no-index"))
      for (let operand of parsed.operands) {
        let found = env.arg(operand, "read");
        if (found) return found;
      }
  },
  !0
), LOG = sub(
  ["log", "whatchanged", "rev-list"],
  [...DIFF_OPTIONS, ...REVISION_OPTIONS, ...opts("c", "e,email", "w=text", "s,summary", "committer-only")],
  text,
  !0
), SHOW = sub(["show"], [...DIFF_OPTIONS, ...REVISION_OPTIONS], text, !0), SHORTLOG = sub(
  ["shortlog"],
  [
    ...REVISION_OPTIONS,
    ...opts("n,numbered", "s,summary", "e,email", "w?text", "c,committer", "group=text", "format=text")
  ],
  text,
  !0
), STATUS = sub(
  ["status"],
  opts(
    "s,short",
    "b,branch",
    "show-stash",
    "porcelain?text",
    "long",
    "u,untracked-files?text",
    "ignore-submodules?text",
    "ignored?text",
    "z",
    "column?text",
    "ahead-behind",
    "renames",
    "find-renames?text"
  ),
  text
), GREP2 = sub(
  ["grep"],
  [
    ...opts(
      "cached",
      "no-index@no-index",
      "untracked",
      "exclude-standard",
      "recurse-submodules",
      "a,text",
      "textconv",
      "i,ignore-case",
      "I",
      "max-depth=number",
      "r,recursive",
      "w,word-regexp",
      "v,invert-match",
      "H",
      "full-name",
      "E,extended-regexp",
      "G,basic-regexp",
      "P,perl-regexp",
      "F,fixed-strings",
      "n,line-number",
      "column",
      "l,files-with-matches,name-only",
      "L,files-without-match",
      "z,null",
      "o,only-matching",
      "c,count",
      "color?text",
      "break",
      "heading",
      "p,show-function",
      "C,context=number",
      "A,after-context=number",
      "B,before-context=number",
      "W,function-context",
      "m,max-count=number",
      "threads=number",
      "f=read@pattern",
      "e=pattern@pattern",
      "and",
      "or",
      "not",
      "all-match",
      "no-color"
    ),
    ...refuse(
      "git-external-program",
      "git grep -O / --open-files-in-pager runs a pager program on the matches",
      "O,open-files-in-pager?"
    )
  ],
  (parsed, env) => {
    if (!parsed.sets.has("no-index")) return;
    let files = parsed.sets.has("pattern") ? parsed.operands : parsed.operands.slice(1);
    for (let file of files) {
      let found = env.arg(file, "read");
      if (found) return found;
    }
  },
  !0
), BLAME = sub(
  ["blame", "annotate"],
  opts(
    "b",
    "root",
    "show-stats",
    "f,show-name",
    "n,show-number",
    "p,porcelain",
    "line-porcelain",
    "incremental",
    "l",
    "t",
    "s",
    "e,show-email",
    "w",
    "abbrev?number",
    "c",
    "score-debug",
    "L=text",
    "S=read",
    "reverse=text",
    "first-parent",
    "contents=read",
    "date=text",
    "progress",
    "M?number",
    "C?number",
    "ignore-rev=text",
    "ignore-revs-file=read",
    "color-lines",
    "color-by-age",
    "minimal",
    "encoding=text"
  ),
  text
), LS_FILES = sub(
  ["ls-files"],
  opts(
    "c,cached",
    "d,deleted",
    "m,modified",
    "o,others",
    "i,ignored",
    "s,stage",
    "u,unmerged",
    "k,killed",
    "directory",
    "empty-directory",
    "eol",
    "deduplicate",
    "x,exclude=pattern",
    "X,exclude-from=read",
    "exclude-per-directory=text",
    "exclude-standard",
    "error-unmatch",
    "with-tree=text",
    "t",
    "f",
    "full-name",
    "recurse-submodules",
    "abbrev?number",
    "debug",
    "sparse",
    "format=text",
    "z",
    "resolve-undo"
  ),
  text
), REV_PARSE = {
  names: ["rev-parse"],
  options: opts("q", "h"),
  acceptLong: /^[a-z]/,
  judge: text
}, BRANCH = sub(
  ["branch"],
  opts(
    "a,all",
    "r,remotes",
    "l,list",
    "show-current",
    "d,delete",
    "D",
    "m,move",
    "M",
    "c,copy",
    "C",
    "f,force",
    "merged?text",
    "no-merged?text",
    "contains?text",
    "no-contains?text",
    "points-at=text",
    "sort=text",
    "format=text",
    "color?text",
    "column?text",
    "i,ignore-case",
    "abbrev=number",
    "t,track?text",
    "u,set-upstream-to=text",
    "unset-upstream",
    "create-reflog",
    "recurse-submodules",
    "omit-empty"
  ),
  text
), ADD = sub(
  ["add", "stage"],
  [
    ...opts(
      "n,dry-run",
      "f,force",
      "i,interactive",
      "p,patch",
      "e,edit",
      "u,update",
      "A,all",
      "ignore-removal",
      "N,intent-to-add",
      "refresh",
      "ignore-errors",
      "ignore-missing",
      "warn-embedded-repo",
      "renormalize",
      "chmod=text",
      "sparse"
    ),
    ...PATHSPEC_FILE
  ],
  text
), COMMIT = sub(
  ["commit"],
  [
    ...opts(
      "a,all",
      "p,patch",
      "C,reuse-message=text",
      "c,reedit-message=text",
      "fixup=text",
      "squash=text",
      "reset-author",
      "short",
      "branch",
      "porcelain",
      "long",
      "z,null",
      "F,file=read",
      "author=text",
      "date=text",
      "m,message=text",
      "t,template=read",
      "s,signoff",
      "trailer=text",
      "n,no-verify",
      "verify",
      "allow-empty",
      "allow-empty-message",
      "cleanup=text",
      "e,edit",
      "amend",
      "post-rewrite",
      "i,include",
      "o,only",
      "u,untracked-files?text",
      "dry-run",
      "status",
      "S,gpg-sign?text"
    ),
    ...PATHSPEC_FILE
  ],
  text
), STASH = sub(
  ["stash"],
  [
    ...DIFF_OPTIONS,
    ...opts(
      "p,patch",
      "k,keep-index",
      "u,include-untracked",
      "only-untracked",
      "a,all",
      "m,message=text",
      "index",
      "S,staged"
    ),
    ...PATHSPEC_FILE
  ],
  (parsed, env) => {
    let [verb] = parsed.operands;
    if (!(verb?.value === "push" || verb?.value === "save" || verb === void 0) && !["list", "show", "drop", "pop", "apply", "branch", "clear", "create", "store"].includes(verb.value))
      return env.deny(
        "git-subcommand-unknown",
        `git stash has no subcommand "${verb.value}" that the policy knows`,
        verb.source
      );
  }
), CHECKOUT_OPTIONS = opts(
  "progress",
  "f,force",
  "ours",
  "theirs",
  "m,merge",
  "conflict=text",
  "p,patch",
  "ignore-skip-worktree-bits",
  "recurse-submodules",
  "overlay",
  "pathspec-from-file=read",
  "pathspec-file-nul"
), CHECKOUT = sub(
  ["checkout"],
  [
    ...CHECKOUT_OPTIONS,
    ...opts(
      "b=text",
      "B=text",
      "t,track?text",
      "guess",
      "l",
      "detach",
      "orphan=text",
      "ignore-other-worktrees",
      "overwrite-ignore"
    )
  ],
  pathspecsWrite(!0)
), RESTORE = sub(
  ["restore"],
  [...CHECKOUT_OPTIONS, ...opts("s,source=text", "W,worktree", "S,staged", "ignore-unmerged")],
  pathspecsWrite(!1)
), SWITCH = sub(
  ["switch"],
  opts(
    "c,create=text",
    "C,force-create=text",
    "d,detach",
    "guess",
    "f,force,discard-changes",
    "m,merge",
    "conflict=text",
    "progress",
    "t,track?text",
    "orphan=text",
    "ignore-other-worktrees",
    "recurse-submodules"
  ),
  text
), APPLY = sub(
  ["apply"],
  [
    ...opts(
      "stat@dry",
      "numstat@dry",
      "summary@dry",
      "check@dry",
      "index",
      "intent-to-add",
      "3,3way",
      "ours",
      "theirs",
      "union",
      "apply@apply",
      "add",
      "build-fake-ancestor=write",
      "R,reverse",
      "allow-binary-replacement,binary",
      "reject",
      "z",
      "p=number@strip",
      "C=number",
      "unidiff-zero",
      "inaccurate-eof",
      "recount",
      "cached",
      "ignore-space-change,ignore-whitespace",
      "whitespace=text",
      "exclude=pattern",
      "include=pattern",
      "directory=text@directory",
      "allow-empty"
    ),
    ...refuse("content-write", "git apply --unsafe-paths writes outside the repository", "unsafe-paths")
  ],
  (parsed, env) => {
    for (let patch of parsed.operands) {
      let found = env.arg(patch, "read");
      if (found) return found;
    }
    if (parsed.sets.has("dry") && !parsed.sets.has("apply")) return;
    let strip = Number(parsed.options.find((o) => o.spec.sets === "strip")?.value?.value ?? "1"), directory = parsed.options.find((o) => o.spec.sets === "directory")?.value?.value, sources = parsed.operands.length > 0 ? parsed.operands.map((p) => p.value) : [env.stdinPath];
    for (let source of sources) {
      let found = judgePatchFile(
        source,
        withPrefix(env, directory),
        env.cwds,
        strip,
        source ?? "git apply"
      );
      if (found) return found;
    }
  }
);
function withPrefix(env, directory) {
  return directory ? {
    ...env,
    path: (raw, role, offending, cwds) => env.path(`${directory}/${raw}`, role, offending, cwds)
  } : env;
}
var PUSH_FORCE = "git push --force, --mirror, --delete, --prune and +ref or :ref refspecs rewrite or delete remote history", PUSH = sub(
  ["push"],
  [
    ...opts(
      "all",
      "branches",
      "n,dry-run",
      "porcelain",
      "tags",
      "follow-tags",
      "signed?text",
      "atomic",
      "o,push-option=text",
      "repo=text",
      "u,set-upstream",
      "thin",
      "progress",
      "recurse-submodules=text",
      "verify",
      "4,ipv4",
      "6,ipv6"
    ),
    ...refuse(
      "git-push-force",
      PUSH_FORCE,
      "f,force",
      "force-with-lease?",
      "force-if-includes",
      "mirror",
      "d,delete",
      "prune"
    ),
    ...refuse("git-external-program", EXTERNAL, "receive-pack=", "exec=")
  ],
  (parsed, env) => {
    let refspec = parsed.operands.slice(1).find((o) => o.value.startsWith("+") || o.value.startsWith(":"));
    return refspec ? env.deny("git-push-force", PUSH_FORCE, refspec.source) : void 0;
  }
), FETCH = sub(
  ["fetch", "pull"],
  [
    ...opts(
      "all",
      "a,append",
      "atomic",
      "depth=number",
      "deepen=number",
      "shallow-since=text",
      "shallow-exclude=text",
      "unshallow",
      "update-shallow",
      "negotiation-tip=text",
      "negotiate-only",
      "dry-run",
      "porcelain",
      "write-fetch-head",
      "f,force",
      "k,keep",
      "multiple",
      "auto-maintenance",
      "auto-gc",
      "write-commit-graph",
      "prefetch",
      "p,prune",
      "P,prune-tags",
      "n",
      "no-tags",
      "refetch",
      "refmap=text",
      "t,tags",
      "recurse-submodules?text",
      "j,jobs=number",
      "set-upstream",
      "submodule-prefix=text",
      "progress",
      "o,server-option=text",
      "show-forced-updates",
      "4,ipv4",
      "6,ipv6",
      "u,update-head-ok",
      "filter=text",
      "rebase?text",
      "ff",
      "ff-only",
      "commit",
      "edit",
      "squash",
      "stat",
      "autostash",
      "s,strategy=text",
      "X,strategy-option=text",
      "verify",
      "verify-signatures",
      "log?number",
      "signoff",
      "allow-unrelated-histories",
      "cleanup=text",
      "S,gpg-sign?text"
    ),
    ...refuse("git-external-program", EXTERNAL, "upload-pack=")
  ],
  text
), REBASE = sub(
  ["rebase"],
  [
    ...opts(
      "onto=text",
      "keep-base",
      "apply",
      "empty=text",
      "keep-empty",
      "allow-empty-message",
      "skip",
      "edit-todo",
      "continue",
      "abort",
      "quit",
      "show-current-patch",
      "m,merge",
      "s,strategy=text",
      "X,strategy-option=text",
      "rerere-autoupdate",
      "S,gpg-sign?text",
      "stat",
      "n",
      "verify",
      "C=number",
      "f,force-rebase",
      "ff",
      "fork-point",
      "ignore-whitespace",
      "whitespace=text",
      "committer-date-is-author-date",
      "ignore-date,reset-author-date",
      "signoff",
      "i,interactive",
      "r,rebase-merges?text",
      "root",
      "autosquash",
      "autostash",
      "reschedule-failed-exec",
      "update-refs"
    ),
    ...refuse("git-runs-commands", "git rebase --exec runs a command after each commit", "x,exec=")
  ],
  text
), CONFIG = sub(
  ["config"],
  opts(
    "global@scope",
    "system@scope",
    "local",
    "worktree",
    "f,file=read",
    "blob=text",
    "get@read",
    "get-all@read",
    "get-regexp@read",
    "get-urlmatch@read",
    "replace-all@write",
    "add@write",
    "unset@write",
    "unset-all@write",
    "rename-section@write",
    "remove-section@write",
    "l,list@read",
    "fixed-value",
    "type=text",
    "bool",
    "int",
    "bool-or-int",
    "path",
    "expiry-date",
    "z,null",
    "name-only",
    "show-origin",
    "show-scope",
    "get-colorbool@read",
    "get-color@read",
    "e,edit@write",
    "includes",
    "default=text",
    "all",
    "regexp",
    "url=text",
    "value=text"
  ),
  (parsed, env) => {
    let [verb] = parsed.operands;
    if (!(!parsed.sets.has("write") && (parsed.sets.has("read") || verb?.value === "get" || verb?.value === "list" || parsed.operands.length === 1 && !["set", "unset", "edit", "rename-section", "remove-section"].includes(verb?.value ?? ""))))
      return env.deny(
        "git-config-write",
        "git config can only be read: a written setting (alias, pager, hooks path) runs commands later",
        env.argv.join(" ")
      );
  }
), PLAIN_SUBCOMMANDS = [
  "reset",
  "merge",
  "cherry-pick",
  "revert",
  "tag",
  "remote",
  "describe",
  "reflog",
  "cat-file",
  "ls-tree",
  "show-ref",
  "merge-base",
  "name-rev",
  "symbolic-ref",
  "for-each-ref",
  "count-objects",
  "fsck",
  "gc",
  "prune",
  "shortlog",
  "cherry",
  "range-diff",
  "diff-tree",
  "diff-index",
  "diff-files",
  "show-branch",
  "var",
  "version",
  "help",
  "check-ignore",
  "check-attr",
  "check-ref-format",
  "ls-remote",
  "sparse-checkout",
  "maintenance",
  "notes",
  "bisect",
  "submodule",
  "init",
  "clean",
  "rm",
  "mv",
  "worktree",
  "format-patch",
  "archive",
  "bundle",
  "am",
  "clone",
  "rerere",
  "verify-commit",
  "verify-tag",
  "grep",
  "interpret-trailers",
  "stripspace",
  "mailinfo",
  "column"
], PERMISSIVE_REFUSALS = [
  {
    names: [
      "exec",
      "upload-pack",
      "receive-pack",
      "ext-diff",
      "remote",
      "tool",
      "extcmd",
      "open-files-in-pager"
    ],
    rule: "git-external-program",
    reason: EXTERNAL
  },
  { names: ["output", "output-directory"], rule: "git-output", reason: OUTPUT },
  {
    names: ["template"],
    rule: "git-runs-commands",
    reason: "git --template copies hooks into a repository, which later git commands run"
  },
  { names: ["config"], rule: "git-config-override", reason: CONFIG_OVERRIDE },
  { names: ["separate-git-dir", "git-dir", "work-tree"], rule: "git-repository-override", reason: REPOSITORY }
], PERMISSIVE_WRITES = /* @__PURE__ */ new Set([
  "rm",
  "mv",
  "clean",
  "worktree",
  "init",
  "clone",
  "format-patch",
  "archive",
  "bundle"
]);
function judgePermissive(subcommand, args, env) {
  if (["difftool", "mergetool", "filter-branch", "filter-repo"].includes(subcommand))
    return env.deny(
      "git-runs-commands",
      `git ${subcommand} runs external tools or arbitrary commands`,
      subcommand
    );
  let values = args.map((a) => a.value);
  if (subcommand === "submodule" && values.includes("foreach"))
    return env.deny(
      "git-runs-commands",
      "git submodule foreach runs a command in every submodule",
      "submodule foreach"
    );
  if (subcommand === "bisect" && values[0] === "run")
    return env.deny("git-runs-commands", "git bisect run runs a command at every step", "bisect run");
  let afterDashDash = !1;
  for (let arg of args) {
    let value = arg.value;
    if (!afterDashDash && value === "--") {
      afterDashDash = !0;
      continue;
    }
    if (!afterDashDash && value.startsWith("--")) {
      let name = value.slice(2).split("=")[0] ?? "";
      for (let refusal of PERMISSIVE_REFUSALS)
        if (name.length > 0 && refusal.names.some((n) => n.startsWith(name) && (name.length >= 3 || n === name)))
          return env.deny(refusal.rule, refusal.reason, arg.source);
      continue;
    }
    if (!afterDashDash && value.startsWith("-") && value.length > 1) {
      if ((subcommand === "clone" || subcommand === "archive") && /^-[A-Za-z]*u/.test(value))
        return env.deny("git-external-program", EXTERNAL, arg.source);
      if (subcommand === "clone" && /^-[A-Za-z]*c/.test(value))
        return env.deny("git-config-override", CONFIG_OVERRIDE, arg.source);
      if ((subcommand === "archive" || subcommand === "format-patch") && /^-[A-Za-z]*o/.test(value))
        return env.deny("git-output", OUTPUT, arg.source);
      continue;
    }
    if (PERMISSIVE_WRITES.has(subcommand)) {
      let found = subcommand === "rm" || subcommand === "mv" || subcommand === "clean" ? pathspecWrite(arg, env, !0) : env.arg(arg, "write");
      if (found) return found;
    }
  }
}
var SUBCOMMANDS = /* @__PURE__ */ new Map();
for (let grammar of [
  DIFF2,
  LOG,
  SHOW,
  SHORTLOG,
  STATUS,
  GREP2,
  BLAME,
  LS_FILES,
  REV_PARSE,
  BRANCH,
  ADD,
  COMMIT,
  STASH,
  CHECKOUT,
  RESTORE,
  SWITCH,
  APPLY,
  PUSH,
  FETCH,
  REBASE,
  CONFIG
])
  for (let name of grammar.names) SUBCOMMANDS.set(name, grammar);
var REWRITES_TREE = /* @__PURE__ */ new Set([
  "checkout",
  "switch",
  "restore",
  "reset",
  "stash",
  "merge",
  "pull",
  "rebase",
  "cherry-pick",
  "revert",
  "am",
  "clone",
  "worktree",
  "submodule",
  "bisect",
  "sparse-checkout",
  "read-tree",
  "checkout-index"
]);
function judgeGit(args, env) {
  if (env.cwds.some((cwd) => cwd !== env.judge.workspace))
    return env.deny(
      "git-repository-override",
      "git runs only from the workspace root: in another directory a nested repository's configuration could run commands; use git -- PATH instead of cd",
      env.argv.join(" ")
    );
  let globals = parseOptions(GLOBALS, args, "git");
  if ("rule" in globals) return globals;
  for (let option of globals.options) {
    if (option.spec.deny) return env.deny(option.spec.deny.rule, option.spec.deny.reason, option.name);
    if (option.spec.sets === "exec-path" && option.value !== void 0)
      return env.deny(
        "git-exec-path",
        "git --exec-path=DIR changes where git finds its helper programs",
        option.name
      );
  }
  let [subcommand, ...rest] = globals.operands;
  if (!subcommand) return;
  let grammar = SUBCOMMANDS.get(subcommand.value), verdict;
  if (grammar) verdict = env.grammar(grammar, rest, `git ${subcommand.value}`);
  else if (PLAIN_SUBCOMMANDS.includes(subcommand.value) || ["difftool", "mergetool", "filter-branch", "filter-repo"].includes(subcommand.value))
    verdict = judgePermissive(subcommand.value, rest, env);
  else
    return env.deny(
      "git-subcommand-unknown",
      `git "${subcommand.value}" is not a subcommand the policy knows (aliases included); run the git command it stands for`,
      subcommand.source
    );
  let readOnlyStash = subcommand.value === "stash" && ["list", "show"].includes(rest.find((a) => !a.value.startsWith("-"))?.value ?? "");
  return !verdict && REWRITES_TREE.has(subcommand.value) && !readOnlyStash && (env.judge.opaqueAfter = `git ${subcommand.value}`), verdict;
}

// src/policy/grammar/tools.ts
var SED = {
  names: ["sed", "gsed"],
  options: [
    ...HELP,
    ...opts(
      "n,quiet,silent",
      "debug",
      "e,expression=text@script",
      "f,file=read@script-file",
      "follow-symlinks",
      "i,in-place?text@in-place",
      "l,line-length=number",
      "posix",
      "E,r,regexp-extended",
      "s,separate",
      "sandbox",
      "u,unbuffered",
      "z,null-data",
      "b,binary"
    )
  ],
  judge: (parsed, env) => judgeSed(parsed, env)
};
function judgeSed(parsed, env) {
  let sources = [];
  for (let option of parsed.options)
    if (option.spec.sets === "script" && sources.push(option.value?.value ?? ""), option.spec.sets === "script-file") {
      let file = option.value;
      if (file.value === "-")
        return env.deny(
          "sed-script-file",
          "sed -f - reads its script from standard input, which cannot be checked",
          file.source
        );
      let text2 = env.cwds.map((cwd) => env.judge.readText(file.value, cwd));
      if (text2.some((t) => t === void 0))
        return env.deny(
          "sed-script-file",
          `the sed script file "${file.value}" cannot be read now, so it cannot be checked`,
          file.source
        );
      sources.push(...text2);
    }
  let files = parsed.operands;
  if (sources.length === 0) {
    let [script, ...rest] = parsed.operands;
    if (!script) return;
    sources.push(script.value), files = rest;
  }
  let problem = env.sedScript(sources.join(`
`));
  if (problem) return problem;
  let inPlace = parsed.options.find((o) => o.spec.sets === "in-place"), suffix = inPlace?.value?.value;
  if (suffix !== void 0 && /[/*]/.test(suffix))
    return env.deny(
      "sed-in-place-suffix",
      `the sed -i backup suffix "${suffix}" holds "/" or "*", so the backup could be written anywhere`,
      inPlace?.name ?? suffix
    );
  for (let file of files) {
    let found = env.arg(file, inPlace ? "write" : "read");
    if (found) return found;
    if (suffix && !file.field.glob) {
      let backup = env.path(`${file.value}${suffix}`, "write", file.source);
      if (backup) return backup;
    }
  }
}
var AWK_EXTENSION = "awk -l/--load, -i/--include, -E/--exec and -D/--debug load code the checker cannot see", AWK = {
  names: ["awk", "gawk", "mawk", "nawk"],
  permute: !1,
  options: [
    ...opts(
      "f,file=read@program-file",
      "F,field-separator=text",
      "v,assign=text",
      "e,source=text@program",
      "b,characters-as-bytes",
      "c,traditional",
      "C,copyright",
      "d,dump-variables?text@dump",
      "g,gen-pot",
      "h,help",
      "L,lint?text",
      "M,bignum",
      "N,use-lc-numeric",
      "n,non-decimal-data",
      "o,pretty-print?text@pretty",
      "O,optimize",
      "s,no-optimize",
      "p,profile?text@profile",
      "P,posix",
      "r,re-interval",
      "S,sandbox",
      "t,lint-old",
      "V,version",
      "k,csv",
      "W=text@mawk"
    ),
    ...refuse("awk-extension", AWK_EXTENSION, "l,load=", "i,include=", "E,exec=", "D,debug?")
  ],
  judge: (parsed, env) => judgeAwk(parsed, env)
};
function judgeAwk(parsed, env) {
  let programs = [];
  for (let option of parsed.options) {
    let value = option.value;
    if (option.spec.sets === "program" && programs.push(value?.value ?? ""), option.spec.sets === "program-file" && value) {
      let text2 = env.cwds.map((cwd) => env.judge.readText(value.value, cwd));
      if (text2.some((t) => t === void 0))
        return env.deny(
          "awk-program-file",
          `the awk program file "${value.value}" cannot be read now, so it cannot be checked`,
          value.source
        );
      programs.push(...text2);
    }
    if (option.spec.sets === "mawk" && /^e/.test(value?.value ?? ""))
      return env.deny(
        "awk-extension",
        "mawk -W exec loads a program file the checker cannot see",
        option.name
      );
    let defaults = {
      dump: "awkvars.out",
      pretty: "awkprof.out",
      profile: "awkprof.out"
    }, written = option.spec.sets ? defaults[option.spec.sets] : void 0;
    if (written) {
      let found = value ? env.arg(value, "write") : env.path(written, "write", option.name);
      if (found) return found;
    }
  }
  let operands = parsed.operands;
  if (programs.length === 0) {
    let [program, ...rest] = operands;
    if (!program) return;
    programs.push(program.value), operands = rest;
  }
  for (let program of programs) {
    let problem = env.awkProgram(program);
    if (problem) return problem;
  }
  for (let operand of operands) {
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(operand.value)) continue;
    let found = env.arg(operand, "read");
    if (found) return found;
  }
}
var JQ = {
  names: ["jq", "gojq"],
  abbreviations: !1,
  options: opts(
    "n,null-input",
    "r,raw-output",
    "raw-output0",
    "j,join-output",
    "a,ascii-output",
    "s,slurp",
    "c,compact-output",
    "C,color-output",
    "M,monochrome-output",
    "S,sort-keys",
    "e,exit-status",
    "R,raw-input",
    "tab",
    "indent=number",
    "seq",
    "stream",
    "stream-errors",
    "unbuffered",
    "f,from-file@from-file",
    "L,library-path=read",
    "h,help",
    "V,version",
    "build-configuration",
    "b,binary",
    "debug-dump-disasm",
    "debug-trace",
    "args@args",
    "jsonargs@args"
  ).concat([
    { long: ["arg"], arg: "required", role: "text", extraArgs: 1 },
    { long: ["argjson"], arg: "required", role: "text", extraArgs: 1 },
    { long: ["slurpfile"], arg: "required", role: "text", extraArgs: 1, sets: "file-arg" },
    { long: ["rawfile"], arg: "required", role: "text", extraArgs: 1, sets: "file-arg" }
  ]),
  judge: (parsed, env) => {
    for (let option of parsed.options) {
      if (option.spec.sets !== "file-arg") continue;
      let file = option.extra[0], found = file ? env.arg(file, "read") : void 0;
      if (found) return found;
    }
    let [program, ...rest] = parsed.operands;
    if (program) {
      if (parsed.sets.has("from-file")) {
        let found = env.arg(program, "read");
        if (found) return found;
        let text2 = env.cwds.map((cwd) => env.judge.readText(program.value, cwd));
        if (text2.some((t) => t === void 0))
          return env.deny(
            "jq-module",
            `the jq program file "${program.value}" cannot be read now, so it cannot be checked`,
            program.source
          );
        for (let source of text2) {
          let problem = env.jqProgram(source);
          if (problem) return problem;
        }
      } else {
        let problem = env.jqProgram(program.value);
        if (problem) return problem;
      }
      if (!parsed.sets.has("args"))
        for (let file of rest) {
          let found = env.arg(file, "read");
          if (found) return found;
        }
    }
  }
};
function scriptArguments(operands, env) {
  for (let operand of operands) {
    let found = env.arg(operand, "generic");
    if (found) return found;
  }
}
function interpreterJudge(parsed, env) {
  let inline = parsed.sets.has("inline") || parsed.operands[0]?.value === "-";
  if (inline && !env.bareAllowed)
    return env.deny(
      "interpreter-inline",
      `inline code (sh -c, python -c, node -e, or a script on standard input) is allowed only when the policy allows ${env.program} by its bare name`,
      parsed.options.find((o) => o.spec.sets === "inline")?.name ?? "-"
    );
  let module = parsed.options.find((o) => o.spec.sets === "module")?.value?.value;
  if (module === "pytest") return env.grammar(PYTEST, parsed.operands, "pytest");
  if (inline || module !== void 0) return scriptArguments(parsed.operands, env);
  let [script, ...rest] = parsed.operands;
  if (script) {
    let found = env.arg(script, "read");
    if (found) return found;
  }
  return scriptArguments(rest, env);
}
var NODE = {
  names: ["node", "nodejs"],
  permute: !1,
  abbreviations: !1,
  acceptLong: /^(experimental-|no-|trace-|harmony|max-|enable-|expose-|allow-|frozen-|preserve-|jitless|abort-|stack-|test-|watch|report-|unhandled-|pending-|throw-|force-|insecure-|use-|disable-|zero-|secure-|tls-|dns-|network-|inspect)/,
  options: opts(
    "e,eval=code@inline",
    "p,print=code@inline",
    "c,check",
    "i,interactive",
    "v,version",
    "h,help",
    "r,require=module",
    "import=module",
    "loader,experimental-loader=module",
    "input-type=text",
    "env-file=read",
    "env-file-if-exists=read",
    "stack-size=number",
    "max-old-space-size=number",
    "title=text",
    "C,conditions=text",
    "test",
    "watch",
    "watch-path=read",
    "test-reporter=text",
    "test-reporter-destination=write",
    "test-name-pattern=pattern",
    "test-skip-pattern=pattern",
    "test-concurrency=number",
    "test-timeout=number",
    "redirect-warnings=write",
    "report-directory=write",
    "diagnostic-dir=write",
    "heap-prof-dir=write",
    "cpu-prof-dir=write",
    "openssl-config=read",
    "icu-data-dir=read",
    "disable-warning=text",
    "unhandled-rejections=text",
    "run=text",
    "enable-source-maps",
    "inspect?code@inline",
    "inspect-brk?code@inline",
    "inspect-wait?code@inline",
    "cpu-prof",
    "heap-prof",
    "prof"
  ),
  judge: interpreterJudge
}, PYTHON = {
  names: ["python", "pypy"],
  permute: !1,
  abbreviations: !1,
  // -c and -m end python's own options: what follows is sys.argv for the code or module.
  options: opts("c=code@inline", "m=text@module").map((spec) => ({ ...spec, ends: !0 })).concat(
    opts(
      "W=text",
      "X=text",
      "b",
      "B",
      "d",
      "E",
      "h,help",
      "i",
      "I",
      "O",
      "P",
      "q",
      "R",
      "s",
      "S",
      "u",
      "v",
      "V,version",
      "x",
      "check-hash-based-pycs=text",
      "help-env",
      "help-xoptions",
      "help-all"
    )
  ),
  judge: interpreterJudge
}, PYTEST = {
  names: ["pytest", "py.test"],
  abbreviations: !1,
  acceptLong: /^(benchmark-|randomly-|reruns|only-rerun|rerun-|hypothesis-|django-|ds=|nomigrations|create-db|reuse-db|mypy|flake8|black|isort|asyncio-|timeout-method|xdist-|looponfail|sugar|instafail|snapshot-update)/,
  options: opts(
    "h,help",
    "V,version",
    "x,exitfirst",
    "maxfail=number",
    "q,quiet",
    "v,verbose",
    "verbosity=number",
    "s",
    "capture=text",
    "k=text",
    "m=text",
    "l,showlocals",
    "no-showlocals",
    "tb=text",
    "r=text",
    "lf,last-failed",
    "ff,failed-first",
    "nf,new-first",
    "sw,stepwise",
    "sw-skip,stepwise-skip",
    "co,collect-only",
    "durations=number",
    "durations-min=number",
    "pdb",
    "pdbcls=text",
    "trace",
    "strict-markers",
    "strict-config",
    "strict",
    "disable-warnings,disable-pytest-warnings",
    "W,pythonwarnings=text",
    "fixtures,funcargs",
    "fixtures-per-test",
    "markers",
    "setup-only",
    "setup-show",
    "setup-plan",
    "runxfail",
    "color=text",
    "code-highlight=text",
    "no-header",
    "no-summary",
    "no-fold-skipped",
    "import-mode=text",
    "pyargs",
    "doctest-modules",
    "doctest-glob=pattern",
    "doctest-report=text",
    "doctest-continue-on-failure",
    "doctest-ignore-import-errors",
    "continue-on-collection-errors",
    "keep-duplicates",
    "noconftest",
    "collect-in-virtualenv",
    "full-trace",
    "show-capture=text",
    "log-level=text",
    "log-format=text",
    "log-date-format=text",
    "log-cli-level=text",
    "log-cli-format=text",
    "log-cli-date-format=text",
    "log-file=write",
    "log-file-level=text",
    "log-file-mode=text",
    "log-file-format=text",
    "log-file-date-format=text",
    "log-auto-indent=text",
    "log-disable=text",
    "trace-config",
    "debug?write",
    "assert=text",
    "junit-xml,junitxml=write",
    "junit-prefix=text",
    "basetemp=write-tree",
    "rootdir=read",
    "c,config-file=read",
    "confcutdir=read",
    "ignore=read",
    "ignore-glob=pattern",
    "deselect=text",
    "o,override-ini=text@ini",
    "cache-clear",
    "cache-show?text",
    "lfnf,last-failed-no-failures=text",
    "p=text",
    "html=write",
    "self-contained-html",
    "cov?text",
    "cov-report=text@cov-report",
    "cov-config=read",
    "cov-fail-under=number",
    "cov-branch",
    "cov-append",
    "cov-context=text",
    "no-cov",
    "no-cov-on-fail",
    "timeout=number",
    "n,numprocesses=text",
    "dist=text",
    "maxprocesses=number",
    "asyncio-mode=text",
    "runslow",
    "emoji",
    "last-failed-no-failures=text",
    "co"
  ),
  judge: (parsed, env) => {
    for (let option of parsed.options) {
      let value = option.value?.value ?? "";
      if (option.spec.sets === "ini") {
        let match = /^([A-Za-z_]*(?:dir|path|file|temp))=(.*)$/.exec(value);
        if (match?.[2] !== void 0) {
          let found = env.path(match[2], "write-tree", option.name);
          if (found) return found;
        }
      }
      if (option.spec.sets === "cov-report" && value.includes(":")) {
        let found = env.path(value.slice(value.indexOf(":") + 1), "write", option.name);
        if (found) return found;
      }
    }
    for (let operand of parsed.operands) {
      let file = operand.value.split("::")[0] ?? "", found = env.path(file, "read", operand.source);
      if (found) return found;
    }
  }
}, NPM_RUNS = [
  "prefix",
  "script-shell",
  "shell",
  "userconfig",
  "globalconfig",
  "node-options",
  "editor",
  "browser",
  "git",
  "init-module",
  "onload-script",
  "call",
  "global",
  "location",
  "cafile",
  "node-gyp",
  "viewer"
], NPM_PATHS = ["cache", "tmp", "logs-dir", "workspace", "w"];
function npmKey(arg, names) {
  if (!arg.startsWith("--") || arg.length < 3) return;
  let given = (arg.slice(2).split("=")[0] ?? "").replace(/^no-/, "");
  if (given !== "")
    return names.find((name) => name === given) ?? names.find((name) => name.startsWith(given) && given.length >= 2);
}
function judgeNpm(args, env, npx) {
  let runs = "npm options that choose the shell, node options, config files, editor or install location run or load other code", scripts = "npm config flags like --ignore-scripts=false or --no-ignore-scripts turn install scripts back on", afterDashDash = !1, subcommand;
  for (let i = 0; i < args.length; i++) {
    let arg = args[i], value = arg.value;
    if (afterDashDash) {
      let found2 = env.arg(arg, "generic");
      if (found2) return found2;
      continue;
    }
    if (value === "--") {
      afterDashDash = !0;
      continue;
    }
    if (npmKey(value, NPM_RUNS)) return env.deny("npm-config", runs, arg.source);
    if (value === "-C" || /^-C./.test(value) || value === "-g" || value === "-c" && (npx || ["exec", "x"].includes(subcommand ?? "")))
      return env.deny(
        value === "-c" ? "npm-runs-commands" : "npm-config",
        value === "-c" ? "npx -c and npm exec -c run a shell command line" : runs,
        arg.source
      );
    if (/^--(?:no-)?ig/.test(value) && (value.includes("=") || value.startsWith("--no-")) || /^--(?:no-)?foreground-scripts/.test(value))
      return env.deny("npm-scripts-enabled", scripts, arg.source);
    if (npmKey(value, NPM_PATHS)) {
      let inline = value.indexOf("="), target = inline >= 0 ? value.slice(inline + 1) : args[++i]?.value;
      if (target !== void 0) {
        let found2 = env.path(target, "write", arg.source);
        if (found2) return found2;
      }
      continue;
    }
    if (value.startsWith("-")) continue;
    if (npx) {
      let found2 = env.arg(arg, "generic");
      if (found2) return found2;
      afterDashDash = !0;
      continue;
    }
    if (subcommand === void 0) {
      if (subcommand = value, ["explore", "edit", "set", "delete"].includes(value))
        return env.deny(
          "npm-runs-commands",
          "npm explore, edit and config set run commands or change npm configuration",
          value
        );
      continue;
    }
    if ((subcommand === "config" || subcommand === "c") && ["set", "edit", "delete", "fix"].includes(value))
      return env.deny(
        "npm-runs-commands",
        "npm config set/edit/delete changes npm configuration that later commands run with",
        `${subcommand} ${value}`
      );
    let found = env.arg(arg, "generic");
    if (found) return found;
  }
}
var TOOLS = [SED, AWK, JQ, NODE, PYTHON, PYTEST];

// src/policy/grammar/index.ts
var HANDLERS = /* @__PURE__ */ new Map();
for (let grammar of [...COREUTILS, ...SEARCH, ...ARCHIVES, ...TOOLS])
  for (let name of grammar.names) HANDLERS.set(name, { kind: "grammar", grammar });
HANDLERS.set("find", { kind: "custom", judge: judgeFind });
HANDLERS.set("git", { kind: "custom", judge: judgeGit });
HANDLERS.set("npm", { kind: "custom", judge: (args, env) => judgeNpm(args, env, !1) });
HANDLERS.set("npx", { kind: "custom", judge: (args, env) => judgeNpm(args, env, !0) });
for (let name of TAR.names)
  HANDLERS.set(name, {
    kind: "custom",
    judge: (args, env) => {
      let parsed = parseTar(args, name);
      return "rule" in parsed ? parsed : env.grammarParsed(TAR, parsed, name);
    }
  });
var INLINE_CODE_FLAGS = {
  sh: ["-c"],
  bash: ["-c"],
  dash: ["-c"],
  zsh: ["-c"],
  ksh: ["-c"],
  fish: ["-c", "--command"],
  bun: ["-e", "-p", "--eval", "--print"],
  deno: ["eval"],
  perl: ["-e", "-E"],
  ruby: ["-e"],
  php: ["-r"],
  lua: ["-e"],
  Rscript: ["-e"]
};
function programName(argv0) {
  let base = path5.posix.basename(argv0);
  return /^(python|pypy|ruby|perl|php|lua|node)[0-9.]*$/.exec(base)?.[1] ?? base;
}
function handlerFor(argv0) {
  return HANDLERS.get(programName(argv0));
}
var GRAMMAR_PROGRAMS = [...HANDLERS.keys()].sort(), INTERPRETER_NAMES = [
  "node",
  "nodejs",
  "python",
  "pypy",
  ...Object.keys(INLINE_CODE_FLAGS)
];

// src/policy/jq-program.ts
function checkJqProgram(program) {
  let directive = /\b(import|include)\s*"((?:[^"\\]|\\.)*)"([^;]*);/g;
  for (let match of program.matchAll(directive)) {
    let module = match[2] ?? "", rest = match[3] ?? "", parts = module.split("/");
    if (module.startsWith("/") || module.startsWith("~") || module.startsWith("$") || parts.includes("..") || /\\/.test(module))
      return {
        rule: "jq-module",
        reason: `the jq module path "${module}" is absolute or climbs with "..", so it can read any file`
      };
    if (/\bsearch\b/.test(rest))
      return { rule: "jq-module", reason: "the jq import sets its own module search path" };
  }
  if (/\b(import|include)\b/.test(program.replace(/"(?:[^"\\]|\\.)*"/g, '""')) && !/\b(import|include)\s*"/.test(program))
    return { rule: "jq-module", reason: "the jq program has an import or include the checker cannot read" };
}

// src/policy/sed-script.ts
var EXEC2 = {
  rule: "sed-exec",
  reason: "the sed script runs a command (the e command or the e flag of s)"
}, FILE3 = {
  rule: "sed-file",
  reason: "the sed script reads or writes a file of its own (r, R, w, W, or the w flag of s)"
}, unparsed = (why) => ({
  rule: "sed-unparsed",
  reason: `the sed script cannot be checked: ${why}`
}), BARE2 = /* @__PURE__ */ new Set([..."=dDgGhHnNpPxzF"]);
function checkSedScript(script) {
  return new SedParser(script).run();
}
var SedParser = class {
  constructor(script) {
    this.script = script;
  }
  script;
  i = 0;
  depth = 0;
  /** The command being read had an address, so it may not be empty. */
  hadAddress = !1;
  at(k) {
    return this.script[k] ?? "";
  }
  get done() {
    return this.i >= this.script.length;
  }
  skipBlanks() {
    for (; !this.done && (this.at(this.i) === " " || this.at(this.i) === "	"); ) this.i++;
  }
  skipDigits() {
    for (; /[0-9]/.test(this.at(this.i)); ) this.i++;
  }
  /** Reads up to the next unescaped delimiter; false when the line or the script ends first. */
  delimited(delimiter, allowEscapedNewline) {
    for (; !this.done; ) {
      let ch = this.at(this.i++);
      if (ch === "\\") {
        if (this.at(this.i) === `
` && !allowEscapedNewline) return !1;
        this.i++;
      } else {
        if (ch === delimiter) return !0;
        if (ch === `
`) return !1;
      }
    }
    return !1;
  }
  run() {
    for (; !this.done; ) {
      let ch = this.at(this.i);
      if (ch === " " || ch === "	" || ch === `
` || ch === ";") {
        this.i++;
        continue;
      }
      if (ch === "#") {
        for (; !this.done && this.at(this.i) !== `
`; ) this.i++;
        continue;
      }
      let problem = this.addresses() ?? this.command();
      if (problem) return problem;
    }
    return this.depth === 0 ? void 0 : unparsed("an unclosed {");
  }
  /** `addr`, `addr,addr`, `addr,+N`, `addr,~N`, then any number of `!`. */
  addresses() {
    let first = this.address();
    if (typeof first == "object") return first;
    if (this.hadAddress = first, first && (this.skipBlanks(), this.at(this.i) === ","))
      if (this.i++, this.skipBlanks(), this.at(this.i) === "+" || this.at(this.i) === "~") {
        if (this.i++, !/[0-9]/.test(this.at(this.i))) return unparsed("a bad address step");
        this.skipDigits();
      } else {
        let second = this.address();
        if (typeof second == "object") return second;
        if (!second) return unparsed("a second address is missing");
      }
    for (this.skipBlanks(); this.at(this.i) === "!"; )
      this.i++, this.skipBlanks();
  }
  address() {
    let ch = this.at(this.i);
    if (/[0-9]/.test(ch))
      return this.skipDigits(), this.at(this.i) === "~" && (this.i++, this.skipDigits()), !0;
    if (ch === "$")
      return this.i++, !0;
    if (ch !== "/" && ch !== "\\") return !1;
    let delimiter = "/";
    if (ch === "\\") {
      if (delimiter = this.at(this.i + 1), delimiter === "" || delimiter === `
` || delimiter === "\\")
        return unparsed("a bad address delimiter");
      this.i += 2;
    } else this.i++;
    if (!this.delimited(delimiter, !1)) return unparsed("an address regex is not closed");
    for (; this.at(this.i) === "I" || this.at(this.i) === "M"; ) this.i++;
    return !0;
  }
  command() {
    let command = this.at(this.i++);
    if (command === "") return this.hadAddress ? unparsed("an address without a command") : void 0;
    let problem = this.commandBody(command);
    if (problem) return problem;
    if (command === "{") return;
    this.skipBlanks();
    let end = this.at(this.i);
    if (end !== "" && end !== ";" && end !== `
` && end !== "}" && end !== "#")
      return unparsed(`unexpected "${end}" after the ${command} command`);
  }
  commandBody(command) {
    if (command === "{") {
      this.depth++;
      return;
    }
    if (command === "}") return --this.depth < 0 ? unparsed("an unmatched }") : void 0;
    if (!BARE2.has(command)) {
      if ("lLqQ".includes(command)) {
        this.skipBlanks(), this.skipDigits();
        return;
      }
      if (":btTv".includes(command)) {
        for (this.skipBlanks(); !this.done && this.at(this.i) !== `
` && this.at(this.i) !== ";"; ) this.i++;
        return;
      }
      return "aic".includes(command) ? this.text() : command === "s" ? this.substitute() : command === "y" ? this.transliterate() : command === "e" ? EXEC2 : "rRwW".includes(command) ? FILE3 : unparsed(`"${command}" is not a sed command`);
    }
  }
  /** GNU one-liner or classic `a\` text: to an unescaped newline; a backslash continues it. */
  text() {
    for (this.skipBlanks(), this.at(this.i) === "\\" && (this.i++, this.at(this.i) === `
` && this.i++); !this.done && this.at(this.i) !== `
`; ) this.i += this.at(this.i) === "\\" ? 2 : 1;
  }
  substitute() {
    let delimiter = this.at(this.i++);
    if (delimiter === "" || delimiter === `
` || delimiter === "\\") return unparsed("a bad s delimiter");
    if (!this.delimited(delimiter, !1)) return unparsed("the s regex is not closed");
    if (!this.delimited(delimiter, !0)) return unparsed("the s replacement is not closed");
    for (; ; ) {
      let flag = this.at(this.i);
      if (flag === "e") return EXEC2;
      if (flag === "w") return FILE3;
      if (flag === "" || !/[gpiImM0-9]/.test(flag)) return;
      this.i++;
    }
  }
  transliterate() {
    let delimiter = this.at(this.i++);
    if (delimiter === "" || delimiter === `
` || delimiter === "\\") return unparsed("a bad y delimiter");
    if (!this.delimited(delimiter, !1) || !this.delimited(delimiter, !1))
      return unparsed("the y command is not closed");
  }
};

// src/policy/judge-command.ts
var TEXT_PROGRAMS = /* @__PURE__ */ new Set([
  "echo",
  "printf",
  "true",
  "false",
  ":",
  "pwd",
  "test",
  "[",
  "exit",
  "return",
  "shift",
  "break",
  "continue",
  "type",
  "which",
  "basename",
  "dirname",
  "seq",
  "sleep",
  "expr",
  "whoami",
  "id",
  "uname",
  "nproc",
  "tty",
  "cd"
]), MAX_TREE_ENTRIES = 2e4;
function judgeArguments(input) {
  let [name, ...args] = input.args;
  if (!name) return;
  let program = programName(name.value), builtin = judgeBuiltin(program, args);
  if (builtin) return builtin;
  if (TEXT_PROGRAMS.has(program)) return;
  let env = makeEnv(input, program), handler = handlerFor(name.value);
  return handler ? (handler.kind === "grammar" ? env.grammar(handler.grammar, args, program) : handler.judge(args, env)) ?? globOption(args, env) : judgeGeneric(program, args, env);
}
function judgeBuiltin(program, args) {
  if (program === "test" || program === "[")
    for (let i = 0; i < args.length; i++) {
      let value = args[i]?.value;
      if ((value === "-v" || value === "-R") && (args[i + 1]?.value ?? "").includes("["))
        return denial(
          "builtin-subscript",
          `${program} ${value} evaluates the array subscript of "${args[i + 1]?.value ?? ""}", which can run commands`,
          args[i + 1]?.source ?? ""
        );
    }
  if (program === "printf") {
    let first = args[0]?.value ?? "";
    if (first === "-v" || /^-v./.test(first))
      return denial(
        "printf-assign",
        "printf -v assigns a shell variable that later commands would see",
        first
      );
  }
  if (["exit", "return", "shift", "break", "continue"].includes(program)) {
    let odd = args.find((arg) => !/^-?\d+$/.test(arg.value));
    if (odd)
      return denial(
        "builtin-subscript",
        `${program} takes a plain number; "${odd.value}" would be evaluated as arithmetic`,
        odd.source
      );
  }
}
function globOption(args, env) {
  for (let arg of args) {
    let first = arg.field.segments[0];
    if (!(!arg.field.glob || first?.kind !== "glob" || /^[A-Za-z0-9_.]/.test(arg.value))) {
      if (env.judge.createdDashName)
        return denial(
          "glob-option",
          `the pattern "${arg.value}" could expand to a file named like an option that this script creates; write it as ./${arg.value}`,
          arg.source
        );
      for (let cwd of env.cwds) {
        let hit = env.judge.globMatches(arg.field, cwd).find((match) => /^-./.test(match));
        if (hit)
          return denial(
            "glob-option",
            `the pattern "${arg.value}" expands to "${hit}", which ${env.program} would read as an option; write it as ./${arg.value}`,
            arg.source
          );
      }
    }
  }
}
function judgeGeneric(program, args, env) {
  let flags = INLINE_CODE_FLAGS[program];
  if (flags && !env.bareAllowed) {
    let short = flags.filter((f) => /^-[A-Za-z]$/.test(f)).map((f) => f[1]).join("");
    for (let arg of args) {
      let value = arg.value, key = value.split("=")[0] ?? value, cluster = short !== "" && /^-[A-Za-z0-9]+$/.test(value) && [...value.slice(1)].some((ch) => short.includes(ch));
      if (flags.includes(key) || cluster)
        return denial(
          "interpreter-inline",
          `inline code (${program} ${value}) is allowed only when the policy allows ${program} by its bare name`,
          value
        );
    }
  }
  for (let arg of args) {
    let found = env.arg(arg, "generic");
    if (found) return found;
  }
}
function looksLikePath(value, env) {
  return value.includes("/") || value.startsWith(".") ? !0 : value !== "" && env.cwds.some((cwd) => env.judge.fs.kind(path6.posix.join(cwd, value)) !== "missing");
}
function genericCandidates(value, env) {
  let assigned = /^[-A-Za-z0-9_.]*=/.test(value) ? [value.slice(value.indexOf("=") + 1)] : [];
  if (!value.startsWith("-"))
    return [value, ...assigned].filter((candidate) => candidate !== "" && looksLikePath(candidate, env));
  let out = [...assigned], bare = value.replace(/^-+/, "");
  bare.includes("/") && out.push(bare, value);
  let attached = /^-[A-Za-z]+(.*\/.*)$/.exec(value);
  return attached?.[1] && out.push(attached[1]), out.filter((candidate) => candidate !== "" && looksLikePath(candidate, env));
}
function makeEnv(input, program) {
  let { judge } = input, env = {
    argv: input.args.map((a) => a.value),
    program,
    cwds: input.cwds,
    stdinPath: input.stdinPath,
    judge,
    bareAllowed: input.bareAllowed,
    deny: denial,
    arg: (arg, role, cwds) => judgeArg(env, arg, role, cwds ?? input.cwds),
    path: (raw, access, offending, cwds) => judge.path(raw, access, cwds ?? input.cwds, offending),
    linkTarget: (target, link, cwd, relative, offending) => judgeLinkTarget(judge, target, link, cwd, relative, offending),
    copyTree: (source, landing, cwd, offending) => judgeTree(judge, env, source, landing, cwd, offending),
    grammar: (grammar, args, label) => {
      let parsed = parseOptions(grammar, args, label);
      return "rule" in parsed ? parsed : env.grammarParsed(grammar, parsed, label);
    },
    grammarParsed: (grammar, parsed, label) => judgeParsed(env, grammar, parsed, label),
    // A pattern is walked from where it starts: the working directory.
    followTree: (arg) => env.judge.treeLinksOut(arg.field.glob ? "." : arg.value, input.cwds, arg.source),
    sedScript: (script) => problemDenial(checkSedScript(script), script),
    awkProgram: (program2) => problemDenial(checkAwkProgram(program2), program2),
    jqProgram: (program2) => problemDenial(checkJqProgram(program2), program2)
  };
  return env;
}
function problemDenial(problem, offending) {
  return problem ? denial(
    problem.rule,
    problem.reason,
    offending.length > 120 ? `${offending.slice(0, 117)}...` : offending
  ) : void 0;
}
function judgeParsed(env, grammar, parsed, label) {
  for (let option of parsed.options) {
    let refusal = option.spec.deny;
    if (refusal)
      return denial(
        refusal.rule,
        refusal.reason,
        option.value ? `${option.name} ${option.value.value}` : option.name
      );
    if (option.value && option.spec.role) {
      let found = env.arg(option.value, option.spec.role);
      if (found) return found;
    }
  }
  return grammar.judge(parsed, env);
}
function judgeArg(env, arg, role, cwds) {
  switch (role) {
    case "read":
    case "write":
    case "write-name":
    case "write-tree":
      return env.judge.field(arg.field, role, cwds, arg.source);
    case "base-dir":
      return env.judge.field(arg.field, "read", cwds, arg.source);
    case "date-or-file":
      return /^[./]/.test(arg.value) ? env.judge.field(arg.field, "read", cwds, arg.source) : void 0;
    case "module":
      return /^(data|https?|file):/i.test(arg.value) && !env.bareAllowed ? denial(
        "interpreter-inline",
        `a module given as a URL ("${arg.value.slice(0, 40)}") is inline code, allowed only when the policy allows ${env.program} by its bare name`,
        arg.source
      ) : arg.value.startsWith(".") || arg.value.startsWith("/") ? env.judge.field(arg.field, "read", cwds, arg.source) : void 0;
    case "generic":
    case "generic-read": {
      let access = role === "generic" ? "write" : "read";
      if (arg.field.glob) return env.judge.field(arg.field, access, cwds, arg.source);
      for (let candidate of genericCandidates(arg.value, env)) {
        let found = env.judge.path(candidate, access, cwds, arg.source);
        if (found) return found;
      }
      return;
    }
    default:
      return;
  }
}
function judgeLinkTarget(judge, target, link, cwd, relative, offending) {
  if (target === "") return denial("symlink-target", "a symbolic link needs a target", offending);
  let directory = judge.real(path6.posix.dirname(link), cwd);
  if (!directory)
    return denial("path-unresolvable", `the directory of the link "${link}" cannot be resolved`, offending);
  let linkPath = path6.posix.join(directory, path6.posix.basename(link)), base = relative ? cwd : directory, resolved = judge.fs.resolve(base, target, !0);
  if (!resolved.ok)
    return denial("path-unresolvable", `the link target "${target}" cannot be resolved`, offending);
  if (!isInside(resolved.path, judge.workspace))
    return denial(
      "symlink-target",
      `the link "${link}" would point at ${resolved.path}, outside the workspace`,
      offending
    );
  let hit = protectedHit(path6.relative(judge.workspace, resolved.path), judge.protectedPaths);
  if (hit)
    return denial(
      "symlink-target",
      `the link "${link}" would point into the protected path "${hit}"`,
      offending
    );
  judge.fs.addLink(linkPath, relative ? path6.posix.relative(directory, resolved.path) || "." : target);
}
function judgeTree(judge, env, source, landing, cwd, offending) {
  let named = judge.real(source.replace(/\/+$/, "") || source, cwd, !1);
  if (!named) return;
  if (judge.fs.kind(named) === "link") {
    let target = judge.fs.readlink(named);
    return target === void 0 ? void 0 : env.linkTarget(target, landing, cwd, !1, offending);
  }
  let root = judge.real(source, cwd);
  if (!root || judge.fs.kind(root) !== "dir") return;
  let queue = [""], count = 0;
  for (; queue.length > 0; ) {
    let relative = queue.shift(), entries;
    try {
      entries = fs4.readdirSync(path6.join(root, relative), { withFileTypes: !0 });
    } catch {
      continue;
    }
    for (let entry of entries) {
      if (++count > MAX_TREE_ENTRIES)
        return denial(
          "content-too-large",
          `"${source}" holds more than ${MAX_TREE_ENTRIES} entries to check`,
          offending
        );
      let child = relative === "" ? entry.name : `${relative}/${entry.name}`, destination = `${landing}/${child}`, found = judge.path(destination, "write-name", [cwd], offending);
      if (found)
        return denial(
          "content-write",
          `copying "${source}" would write "${destination}": ${found.reason}`,
          offending
        );
      if (entry.isSymbolicLink()) {
        let target = fs4.readlinkSync(path6.join(root, child)), link = env.linkTarget(target, destination, cwd, !1, offending);
        if (link) return denial("archive-link", `"${source}/${child}" is a link: ${link.reason}`, offending);
      } else entry.isDirectory() && queue.push(child);
    }
  }
}

// src/policy/decide.ts
var MAX_COMMAND_LENGTH = 1e5, MAX_DIRECTORIES = 8, NO_POLICY_REASON = "no command policy file exists, so no command may run; a maintainer can add `.github/kubrick-policy.yml` on the default branch (see docs/policy.md)";
function decide(command, policy, ctx) {
  try {
    return policy === null ? deny(denial("no-policy", NO_POLICY_REASON, command)) : decideWithPolicy(command, policy, ctx);
  } catch (error) {
    return deny(
      denial(
        "parse-error",
        `the command could not be checked (${errorMessage(error)}), so it was refused`,
        command
      )
    );
  }
}
function deny(found, commands) {
  return {
    decision: "deny",
    rule: found.rule,
    reason: found.reason,
    offending: found.offending,
    ...commands ? { commands } : {}
  };
}
function decideWithPolicy(command, policy, ctx) {
  if (command.trim() === "") return deny(denial("empty-command", "the command is empty", command));
  if (command.length > MAX_COMMAND_LENGTH)
    return deny(
      denial(
        "command-too-long",
        `the command is longer than ${MAX_COMMAND_LENGTH} characters`,
        command.slice(0, 80)
      )
    );
  if (command.includes("\0"))
    return deny(denial("nul-byte", "the command contains a NUL byte", "NUL (U+0000)"));
  let script = parse(command), errors = script.errors ?? [];
  if (errors.length > 0) {
    let first = errors[0];
    return deny(
      denial(
        "parse-error",
        `the command does not parse as complete shell syntax (${first?.message ?? "parse error"}); check quotes and brackets`,
        command.slice(first?.pos ?? 0, (first?.pos ?? 0) + 40)
      )
    );
  }
  let walker = new Walker(command, policy, ctx), found = walker.script(script);
  if (found) return deny(found, walker.commands);
  let hidden = findHiddenCharacter(command, walker.literalBodies);
  if (hidden)
    return deny(
      denial(
        "hidden-character",
        `the command contains an invisible or control character (${describeCharacter(hidden.char)}) that makes it read differently from how it runs`,
        describeCharacter(hidden.char)
      ),
      walker.commands
    );
  if (walker.commands.length === 0)
    return deny(denial("empty-command", "the command contains no command to run", command));
  let interpreters = [...new Set(walker.bareInterpreters)], anyCode = interpreters.length > 0 ? `; ${interpreters.map((name) => `"${name}"`).join(", ")} ${interpreters.length > 1 ? "are" : "is"} allowed by bare name, so ${interpreters.length > 1 ? "they run" : "it runs"} any code, inline code included (the sandbox contains it)` : "";
  return {
    decision: "allow",
    reason: `every command matches an allowed prefix (${walker.matched.map((entry) => `"${entry.text}"`).join(", ")})${anyCode}`,
    commands: walker.commands,
    execution: execution(script, command, walker)
  };
}
function execution(script, source, walker) {
  let node = (script.commands.length === 1 ? script.commands[0] : void 0)?.command;
  return node?.type === "Command" && node.redirects.length === 0 && !walker.sawPattern ? { kind: "argv", argv: walker.commands[0] ?? [] } : { kind: "script", script: renderScript(script, source) };
}
var CONTROL_NAMES = {
  If: "if",
  For: "for",
  ArithmeticFor: "for ((\u2026))",
  While: "while/until",
  Case: "case",
  Select: "select",
  TestCommand: "[[ \u2026 ]]",
  ArithmeticCommand: "(( \u2026 ))",
  Coproc: "coproc"
}, Walker = class {
  constructor(source, policy, ctx) {
    this.source = source;
    this.policy = policy;
    this.ctx = ctx;
    this.bases = [ctx.workspace], this.judge = new PathJudge(ctx);
  }
  source;
  policy;
  ctx;
  commands = [];
  matched = [];
  bareInterpreters = [];
  /** Quoted heredoc bodies: data, exempt from the hidden-character scan. */
  literalBodies = [];
  sawPattern = !1;
  judge;
  bases;
  /** Directories a `cd` just moved to, for the && chain that follows it. */
  lastCd;
  text(node) {
    return this.source.slice(node.pos, node.end);
  }
  script(script) {
    return this.statements(script.commands);
  }
  statements(statements) {
    for (let statement of statements) {
      if (statement.background)
        return denial(
          "background",
          "running a command in the background (&) is not allowed",
          this.text(statement)
        );
      let found = this.node(statement.command);
      if (found) return found;
    }
  }
  node(node) {
    switch (node.type) {
      case "AndOr": {
        let entry = this.bases;
        for (let [index, child] of node.commands.entries()) {
          node.operators[index - 1] === "||" && (this.bases = union(entry, this.bases)), this.lastCd = void 0;
          let found = this.node(child);
          if (found) return found;
          this.lastCd && child.type === "Command" && node.operators[index] === "&&" && (this.bases = this.lastCd);
        }
        this.bases = union(entry, this.bases);
        return;
      }
      case "Pipeline":
        for (let prefix of node.prefixes)
          if (prefix.type !== "Negation")
            return denial(
              "time-keyword",
              "the `time` keyword is not allowed; run the command directly",
              this.text(prefix)
            );
        for (let child of node.commands) {
          let found = this.command(child);
          if (found) return found;
        }
        return;
      default:
        return this.command(node);
    }
  }
  command(node) {
    switch (node.type) {
      case "Command":
        return this.simple(node);
      case "Subshell":
      case "BraceGroup":
        return this.statements(node.body.commands);
      case "Redirected":
        return node.command.type !== "Subshell" && node.command.type !== "BraceGroup" ? this.compound(node.command.type, node) : this.redirects(node.redirects) ?? this.statements(node.command.body.commands);
      case "Function":
        return denial(
          "function-definition",
          "defining shell functions is not allowed; run commands directly",
          this.text(node)
        );
      default:
        return this.compound(node.type, node);
    }
  }
  compound(type, node) {
    return denial(
      "control-structure",
      `shell control structures (${CONTROL_NAMES[type] ?? type}) are not allowed; run each command on its own`,
      this.text(node).slice(0, 120)
    );
  }
  simple(node) {
    let assignment = node.prefix.find((item) => item.type === "Assignment");
    if (assignment)
      return denial(
        "assignment",
        "setting environment variables before a command is not allowed; the environment is fixed",
        this.text(assignment)
      );
    if (!node.name)
      return denial(
        "redirect-without-command",
        "a redirection without a command is not allowed",
        this.text(node)
      );
    let words = [];
    for (let item of [node.name, ...node.suffix]) {
      if (item.type === "Assignment")
        return denial("assignment", "variable assignments are not allowed", this.text(item));
      if (item.type !== "Word") continue;
      let resolved = resolveWord(item, this.source);
      if (!resolved.ok) return denial(resolved.rule, resolved.reason, resolved.offending);
      words.push(resolved.word);
    }
    let args = words.flatMap(
      (word) => word.fields.map((field) => ({ value: field.value, field, source: word.source }))
    ), argv = args.map((arg) => arg.value);
    this.commands.push(argv), args.some((arg) => arg.field.glob) && (this.sawPattern = !0);
    let redirects = [
      ...node.prefix.filter((item) => item.type !== "Assignment"),
      ...node.redirects
    ];
    return this.checkProgram(words, args) ?? this.checkPolicy(args) ?? this.checkCharacters(words) ?? this.redirects(redirects) ?? judgeArguments({
      args,
      cwds: this.bases,
      judge: this.judge,
      bareAllowed: this.bareAllowed(argv[0] ?? ""),
      stdinPath: stdinOf(redirects, this.source)
    }) ?? this.followCd(args);
  }
  bareAllowed(program) {
    return this.policy.allow.some((entry) => entry.words.length === 1 && entry.words[0] === program);
  }
  checkProgram(words, args) {
    let name = words[0], program = args[0]?.value ?? "";
    if (!name) return denial("empty-command", "missing command name", "");
    if (args[0]?.field.glob)
      return denial("glob-command-name", "a command name may not be a file pattern", name.source);
    if (program === "" || !isPlainAscii(program))
      return denial(
        "non-ascii",
        "the command name contains non-ASCII or invisible characters (look-alike letters are refused)",
        name.source
      );
    let always = alwaysDenied(program) ?? alwaysDenied(path7.posix.basename(program));
    if (always) return denial(always.rule, `"${program}" ${always.reason}`, program);
  }
  checkPolicy(args) {
    let argv = args.map((a) => a.value), plain = withoutGitGlobals(args), denied = this.policy.deny.find((entry) => matchesDeny(entry, plain) || matchesDeny(entry, args));
    if (denied)
      return denial(
        "prefix-denied",
        `the command matches the denied prefix "${denied.text}"`,
        argv.join(" ")
      );
    let allowed = this.policy.allow.find((entry) => matchesAllow(entry, plain));
    if (!allowed)
      return denial(
        "prefix-not-allowed",
        `"${argv.slice(0, 3).join(" ")}" does not start with any allowed prefix`,
        argv.join(" ")
      );
    this.matched.push(allowed), allowed.words.length === 1 && INTERPRETER_NAMES.includes(programName(allowed.words[0] ?? "")) && this.bareInterpreters.push(allowed.words[0] ?? "");
  }
  checkCharacters(words) {
    for (let word of words) {
      if (word.value.startsWith("-") && !isPlainAscii(word.value) || DASH_LOOKALIKE.test(word.value))
        return denial("non-ascii", "an option contains non-ASCII look-alike characters", word.source);
      if (word.unquotedNonAscii)
        return denial(
          "non-ascii",
          "an unquoted word contains non-ASCII characters (look-alike letters are refused); quote it if it is text",
          word.source
        );
    }
  }
  redirects(redirects) {
    for (let redirect of redirects) {
      let found = this.redirect(redirect);
      if (found) return found;
    }
  }
  redirect(redirect) {
    let offending = this.text(redirect);
    if (redirect.descriptor?.type === "FileDescriptorVariable")
      return denial(
        "redirect-fd-variable",
        "redirections that assign a file-descriptor variable ({fd}>\u2026) are not allowed",
        offending
      );
    if (redirect.type === "HereDoc") {
      if (!redirect.closing || !redirect.delimiter)
        return denial("heredoc-unclosed", "the here-document is not closed by its delimiter line", offending);
      if (redirect.delimiter.quoted) {
        this.literalBodies.push({ pos: redirect.body.pos, end: redirect.body.end });
        return;
      }
      return /[$`]/.test(redirect.body.text) ? denial(
        "heredoc-expansion",
        `an unquoted here-document body with "$" or a backtick would be expanded; quote the delimiter (<<'${redirect.delimiter.value}')`,
        offending
      ) : void 0;
    }
    if (!redirect.target) return denial("parse-error", "a redirection has no target", offending);
    let resolved = resolveWord(redirect.target, this.source);
    if (!resolved.ok) return denial(resolved.rule, resolved.reason, resolved.offending);
    let target = resolved.word;
    if (redirect.type === "HereString") return;
    let op = redirect.operator;
    if ((op === ">&" || op === "<&") && /^(\d+|-)$/.test(target.value)) return;
    if (op === "<&") return denial("parse-error", "input duplication needs a descriptor number", offending);
    if (target.pattern || target.fields.length !== 1)
      return denial(
        "redirect-pattern",
        "a redirection target may not be a file pattern or a brace expansion; name the file",
        offending
      );
    if (target.value === "") return denial("parse-error", "a redirection target is empty", offending);
    let access = op === "<" ? "read" : "write", found = this.judge.path(target.value, access, this.bases, offending);
    if (found)
      return {
        ...found,
        reason: `cannot ${access === "read" ? "read from" : "write to"} that file: ${found.reason}`
      };
  }
  /**
   * `cd DIR` (when the policy allows `cd`) moves later commands; relative paths after it are
   * checked from every directory the script may then be in, resolved as the kernel resolves them.
   */
  followCd(args) {
    if (args[0]?.value !== "cd") return;
    let target = args[1], shown = args.map((a) => a.value).join(" ");
    if (args.length !== 2 || !target || target.field.glob || target.value.startsWith("-"))
      return denial("cd-target", "cd needs exactly one directory inside the workspace", shown);
    let found = this.judge.path(target.value, "read", this.bases, target.source);
    if (found) return found;
    let after = [];
    for (let base of this.bases) {
      let real = this.judge.real(target.value, base);
      if (!real) return denial("path-unresolvable", `cd target "${target.value}" cannot be resolved`, shown);
      after.push(real);
    }
    let next = union(this.bases, after);
    if (next.length > MAX_DIRECTORIES)
      return denial("too-many-directories", "too many directory changes to check paths reliably", shown);
    this.lastCd = [...new Set(after)], this.bases = next;
  }
}, DASH_LOOKALIKE = /^[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;
function stdinOf(redirects, source) {
  let found;
  for (let redirect of redirects)
    if (redirect.type === "HereDoc" || redirect.type === "HereString") found = void 0;
    else if (redirect.operator === "<" && redirect.target && (redirect.descriptor === void 0 || redirect.descriptor.type === "FileDescriptor" && redirect.descriptor.value === 0)) {
      let resolved = resolveWord(redirect.target, source);
      found = resolved.ok && !resolved.word.pattern ? resolved.word.value : void 0;
    }
  return found;
}
var GIT_GLOBALS_WITH_VALUE = /* @__PURE__ */ new Set([
  "-c",
  "-C",
  "--git-dir",
  "--work-tree",
  "--namespace",
  "--config-env",
  "--super-prefix",
  "--list-cmds",
  "--attr-source",
  "--exec-path"
]);
function withoutGitGlobals(args) {
  if (args[0]?.value !== "git") return args;
  let index = 1;
  for (; index < args.length; ) {
    let value = args[index]?.value ?? "";
    if (!value.startsWith("-") || args[index]?.field.glob) break;
    index += GIT_GLOBALS_WITH_VALUE.has(value) ? 2 : 1;
  }
  return index === 1 ? args : [args[0], ...args.slice(index)];
}
function union(a, b) {
  return [.../* @__PURE__ */ new Set([...a, ...b])];
}
function matchesAllow(entry, args) {
  return args.length < entry.words.length ? !1 : entry.words.every((expected, index) => {
    let arg = args[index];
    return arg !== void 0 && !arg.field.glob && arg.value === expected;
  });
}
function matchesDeny(entry, args) {
  return args.length < entry.words.length ? !1 : entry.words.every((expected, index) => {
    let arg = args[index];
    return arg !== void 0 && (arg.field.glob || arg.value === expected);
  });
}
function formatDenial(decision, policy) {
  let lines = [`Command denied: ${decision.reason}.`];
  if (decision.rule && lines.push(`Rule: ${decision.rule}`), decision.offending && lines.push(`Offending part: ${decision.offending}`), policy === null)
    lines.push("Allowed command prefixes: none (no policy file).");
  else {
    let allowed = policy.allow.map((entry) => `\`${entry.text}\``).join(", ");
    lines.push(`Allowed command prefixes: ${allowed || "none"}.`), policy.deny.length > 0 && lines.push(`Denied prefixes: ${policy.deny.map((entry) => `\`${entry.text}\``).join(", ")}.`), lines.push(
      "Commands may combine allowed prefixes with &&, ||, ;, | and redirect output to workspace files; no $ expansions, substitutions or paths outside the workspace."
    );
  }
  return lines.join(`
`);
}

// src/policy/types.ts
var PolicyError = class extends Error {
  constructor(message, details = {}) {
    super(message);
    this.details = details;
    this.name = "PolicyError";
  }
  details;
};

// src/policy/load.ts
var import_yaml = __toESM(require_dist(), 1);
var entryList = array(string({ error: 'must be a string (a command prefix such as "npm test")' })), mcpList = array(string({ error: 'must be a string (a server.tool name such as "docs.search")' })), policySchema = strictObject({
  version: literal(1, { error: "must be 1" }),
  allow: entryList,
  deny: entryList.optional(),
  mcp: strictObject({ allow: mcpList.optional(), deny: mcpList.optional() }).optional(),
  tests: strictObject({
    allow: entryList.optional(),
    deny: entryList.optional(),
    mcp_allow: mcpList.optional(),
    mcp_deny: mcpList.optional()
  }).optional()
}), SELF_TEST_CONTEXT = {
  workspace: "/kubrick-policy-self-test/workspace",
  protectedPaths: [...DEFAULT_PROTECTED_PATHS]
};
function loadPolicy(text2, source) {
  let lineCounter = new import_yaml.LineCounter(), document = (0, import_yaml.parseDocument)(text2, { lineCounter, prettyErrors: !1 }), lineOf = (offset) => offset === void 0 ? void 0 : lineCounter.linePos(offset).line, yamlError = document.errors[0];
  if (yamlError) {
    let line = lineOf(yamlError.pos[0]);
    throw new PolicyError(
      `${source}: invalid YAML${line ? ` at line ${line}` : ""}: ${yamlError.message.split(`
`)[0]}`,
      {
        ...line ? { line } : {}
      }
    );
  }
  let data = document.toJS();
  if (data == null)
    throw new PolicyError(
      `${source}: the policy file is empty; it needs at least "version: 1" and an "allow" list`
    );
  let parsed = policySchema.safeParse(data);
  if (!parsed.success) {
    let issues = parsed.error.issues, issue = issues.find((candidate) => candidate.code === "unrecognized_keys") ?? issues[0], keyPath = issue?.path ?? [], unknown = issue?.code === "unrecognized_keys" ? issue.keys[0] : void 0, fullPath = unknown === void 0 ? keyPath : [...keyPath, unknown], key = formatKey(fullPath), line = unknown !== void 0 ? lineOfKey(document, lineCounter, keyPath, unknown) : lineOf(nodeOffset(document, fullPath)), message = unknown !== void 0 ? unknownKeyMessage(
      key,
      schemaKeysAt(policySchema, keyPath).map((k) => formatKey([...keyPath, k]))
    ) : `"${key || "policy"}" ${issue?.message ?? "is invalid"}`;
    throw new PolicyError(`${source}${line ? ` line ${line}` : ""}: ${message}`, {
      ...key ? { key } : {},
      ...line ? { line } : {}
    });
  }
  let entries = (key, list) => (list ?? []).map(
    (entry, index) => parseEntry(entry, `${key}[${index}]`, lineOf(nodeOffset(document, [key, index])), source)
  ), policy = {
    version: 1,
    allow: entries("allow", parsed.data.allow),
    deny: entries("deny", parsed.data.deny),
    source
  };
  return parsed.data.mcp && (policy.mcp = loadMcpSection(parsed.data.mcp, source, document, lineOf)), runSelfTests(policy, parsed.data.tests, document, lineOf), runMcpSelfTests(policy, parsed.data.tests, document, lineOf), policy;
}
function formatKey(keyPath) {
  return keyPath.map((part, index) => typeof part == "number" ? `[${part}]` : `${index > 0 ? "." : ""}${String(part)}`).join("");
}
function nodeOffset(document, keyPath) {
  let node = document.getIn(keyPath, !0);
  if (node && typeof node == "object" && "range" in node) {
    let range = node.range;
    if (range) return range[0];
  }
  if (keyPath.length > 1) return nodeOffset(document, keyPath.slice(0, -1));
}
function parseEntry(text2, key, line, source) {
  let fail = (why) => {
    throw new PolicyError(`${source}${line ? ` line ${line}` : ""}: ${key} "${text2}" ${why}`, {
      key,
      ...line ? { line } : {}
    });
  };
  text2.trim() === "" && fail('is empty; write a command prefix such as "npm test"');
  let script = parse(text2);
  (script.errors ?? []).length > 0 && fail(`does not parse (${script.errors?.[0]?.message ?? "syntax error"})`);
  let statement = script.commands[0], command = statement?.command;
  if ((script.commands.length !== 1 || statement?.background || command?.type !== "Command" || !command.name) && fail("must be a plain command prefix (words only, no operators like ;, &&, |, & or newlines)"), command?.type !== "Command" || !command.name) return fail("must be a plain command prefix");
  (command.prefix.length > 0 || command.redirects.length > 0) && fail("must be words only: no variable assignments or redirections");
  let words = [];
  for (let item of [command.name, ...command.suffix]) {
    if (item.type !== "Word") return fail("must be words only: no assignments or redirections");
    let resolved = resolveWord(item, text2);
    resolved.ok || fail(`must be literal words: ${resolved.reason}`), resolved.ok && resolved.word.pattern && fail(`must be literal words: "${resolved.word.source}" is a file pattern; quote it`), resolved.ok && resolved.word.fields.length !== 1 && fail(
      `must be literal words: "${resolved.word.source}" is a brace expansion; quote it or list the entries`
    ), resolved.ok && words.push(resolved.word.value);
  }
  return { text: text2, words };
}
function runSelfTests(policy, tests, document, lineOf) {
  for (let expected of ["allow", "deny"])
    (tests?.[expected] ?? []).forEach((command, index) => {
      let decision = decide(command, policy, SELF_TEST_CONTEXT);
      if (decision.decision === expected) return;
      let key = `tests.${expected}[${index}]`, line = lineOf(nodeOffset(document, ["tests", expected, index])), outcome = expected === "allow" ? "was denied" : "was allowed";
      throw new PolicyError(
        `${policy.source}${line ? ` line ${line}` : ""}: self-test ${key} "${command}" ${outcome}: ${decision.reason}; fix the allow/deny lists or the test`,
        { key, ...line ? { line } : {} }
      );
    });
}
function loadMcpSection(section, source, document, lineOf) {
  let patterns = (key) => (section[key] ?? []).map((text2, index) => {
    let pattern = parseMcpPattern(text2);
    if (typeof pattern != "string") return pattern;
    let name = `mcp.${key}[${index}]`, line = lineOf(nodeOffset(document, ["mcp", key, index]));
    throw new PolicyError(`${source}${line ? ` line ${line}` : ""}: ${name} "${text2}" ${pattern}`, {
      key: name,
      ...line ? { line } : {}
    });
  });
  return { allow: patterns("allow"), deny: patterns("deny") };
}
function runMcpSelfTests(policy, tests, document, lineOf) {
  for (let expected of ["allow", "deny"]) {
    let key = `mcp_${expected}`;
    (tests?.[key] ?? []).forEach((name, index) => {
      let testKey = `tests.${key}[${index}]`, line = lineOf(nodeOffset(document, ["tests", key, index])), at = `${policy.source}${line ? ` line ${line}` : ""}`, details = { key: testKey, ...line ? { line } : {} };
      if (!parseMcpName(name))
        throw new PolicyError(
          `${at}: self-test ${testKey} "${name}" is not a tool name of the form server.tool (such as "docs.search")`,
          details
        );
      let decision = decideMcp(policy, name);
      if (decision.decision === expected) return;
      let outcome = expected === "allow" ? "was denied" : "was allowed";
      throw new PolicyError(
        `${at}: self-test ${testKey} "${name}" ${outcome}: ${decision.reason}; fix the mcp allow/deny lists or the test`,
        details
      );
    });
  }
}

export {
  ALWAYS_PROTECTED,
  protectedPathsFor,
  DEFAULT_PROTECTED_PATHS,
  realpathOfLongestExisting,
  decide,
  formatDenial,
  PolicyError,
  loadPolicy
};
