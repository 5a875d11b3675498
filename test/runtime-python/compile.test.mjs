// The runtime must load on every supported interpreter: compile each of its files with each one found here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { bootstrapDir, pythons } from './pyFixtures.mjs';

const sources = [
  path.join(bootstrapDir, 'bootstrap.py'),
  ...fs.readdirSync(path.join(bootstrapDir, 'lwb_runtime')).filter((f) => f.endsWith('.py')).map((f) => path.join(bootstrapDir, 'lwb_runtime', f)),
];
// compile() rather than py_compile: it checks the syntax without writing .pyc files.
const CHECK = 'import sys\nfor f in sys.argv[1:]:\n    compile(open(f, encoding="utf-8").read(), f, "exec")\nprint("ok")';

describe('python runtime: compiles', () => {
  for (const [runtime, binary] of Object.entries(pythons)) {
    it(`compiles on ${runtime}`, () => {
      const out = spawnSync(binary, ['-c', CHECK, ...sources], { encoding: 'utf8' });
      assert.equal(out.stderr, '');
      assert.equal(out.stdout, 'ok\n');
      assert.equal(out.status, 0);
    });
  }
});
