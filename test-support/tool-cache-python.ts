/** A Python toolchain laid out as actions/setup-python leaves it, for the sandbox's toolchain tests. */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A setup-python-style install: <cache>/Python/<version>/x64 with bin/python, bin/pytest and lib/…/site-packages. */
export function installToolCachePython(cache: string): string {
  const prefix = join(cache, 'Python', '3.11.9', 'x64');
  mkdirSync(dirname(prefix), { recursive: true });
  execFileSync('/usr/bin/python3', ['-m', 'venv', '--without-pip', prefix]);
  const version = execFileSync(join(prefix, 'bin', 'python'), [
    '-c',
    'import sys; print(f"python{sys.version_info[0]}.{sys.version_info[1]}")'
  ])
    .toString()
    .trim();
  const site = join(prefix, 'lib', version, 'site-packages', 'pytest');
  mkdirSync(site, { recursive: true });
  // A small test runner under pytest's name: it collects test_*.py and runs their test_ functions.
  writeFileSync(join(site, '__init__.py'), '');
  writeFileSync(
    join(site, '__main__.py'),
    [
      'import glob, importlib.util, os, sys, traceback',
      'sys.path.insert(0, os.getcwd())',
      'passed = failed = 0',
      'for path in sorted(glob.glob("**/test_*.py", recursive=True)):',
      '    spec = importlib.util.spec_from_file_location(path[:-3].replace("/", "."), path)',
      '    module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)',
      '    for name in dir(module):',
      '        if name.startswith("test_"):',
      '            try: getattr(module, name)(); passed += 1',
      '            except Exception: failed += 1; traceback.print_exc()',
      'print(f"{passed} passed, {failed} failed from {sys.prefix}")',
      'sys.exit(1 if failed else 0)',
      ''
    ].join('\n')
  );
  const pytest = join(prefix, 'bin', 'pytest');
  writeFileSync(
    pytest,
    `#!${join(prefix, 'bin', 'python')}\nimport runpy\nrunpy.run_module("pytest", run_name="__main__")\n`
  );
  chmodSync(pytest, 0o755);
  return join(prefix, 'bin');
}
