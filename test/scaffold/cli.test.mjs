// `lambda-workbench new`: the command called with a fake CliIO (its module bundled from src/cli/new.ts), and
// through the real CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { invokeScaffolded, lib, root, snapshot, tempDir } from './helpers.mjs';

const bundle = path.join(tempDir(), 'new.cjs');
esbuild.buildSync({
  entryPoints: [path.join(root, 'src', 'cli', 'new.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs',
  target: 'node20', external: ['esbuild'], logLevel: 'warning',
});
const { newCommand } = createRequire(import.meta.url)(bundle);

function fakeIO(cwd) {
  const io = { out: '', err: '', cwd, env: {}, stderrIsTTY: false, readStdin: async () => Buffer.alloc(0) };
  io.stdout = (text) => { io.out += text; };
  io.stderr = (text) => { io.err += text; };
  return io;
}

describe('new', () => {
  it('--help prints the usage, with every runtime and trigger', async () => {
    const io = fakeIO(tempDir());
    assert.equal(await newCommand(['--help'], io), 0);
    assert.match(io.out, /^Usage: lambda-workbench new NAME --runtime RUNTIME \[--trigger KIND\] \[--language javascript\|typescript\] \[-t TEMPLATE\]\n/);
    for (const choice of lib.SCAFFOLD_RUNTIMES) assert.ok(io.out.includes(choice.runtime), choice.runtime);
    for (const choice of lib.TRIGGER_KINDS) assert.match(io.out, new RegExp(`^ +${choice.trigger} +${choice.label}: `, 'm'));
  });

  it('creates the function in ./template.yaml and prints what it wrote and how to invoke it', async () => {
    const dir = tempDir();
    const io = fakeIO(dir);
    assert.equal(await newCommand(['OrdersFunction', '--runtime', 'nodejs22.x', '--trigger', 'sqs', '--language', 'typescript'], io), 0);
    assert.equal(io.err, '');
    assert.equal(io.out, `Created OrdersFunction (nodejs22.x, typescript, trigger sqs):
  orders/app.ts
  orders/package.json
  orders/tsconfig.json
  template.yaml  (new template)
  events/OrdersFunction/Messages.json
Handler: orders/app.ts:4
Invoke it: lambda-workbench invoke OrdersFunction -e events/OrdersFunction/Messages.json
`);
    const invoked = await invokeScaffolded({
      templateFile: path.join(dir, 'template.yaml'), logicalId: 'OrdersFunction', eventFile: path.join(dir, 'events', 'OrdersFunction', 'Messages.json'),
    });
    assert.deepEqual(invoked.json, { batchItemFailures: [] });
  });

  it('adds to the template -t names, relative to the working folder', async () => {
    const dir = tempDir('commented');
    const io = fakeIO(path.join(dir, 'shop'));
    assert.equal(await newCommand(['Tick', '-t', '../template.yaml', '--runtime', 'python3.11', '--trigger', 'schedule'], io), 0);
    assert.match(io.out, /^ {2}\.\.\/template\.yaml {2}\(entries added\)$/m);
    assert.match(io.out, /^Invoke it: lambda-workbench invoke Tick -t \.\.\/template\.yaml -e \.\.\/events\/Tick\/EveryFiveMinutes\.json$/m);
    assert.deepEqual(lib.loadTemplate(path.join(dir, 'template.yaml')).functions.map((fn) => fn.logicalId), ['ShopFunction', 'Tick']);
  });

  it('finds template.yml in the working folder', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'template.yml'), 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n');
    const io = fakeIO(dir);
    assert.equal(await newCommand(['Ping', '--runtime', 'provided.al2023'], io), 0);
    assert.match(io.out, /^ {2}template\.yml {2}\(entries added\)$/m);
    assert.equal(fs.existsSync(path.join(dir, 'template.yaml')), false);
  });

  it('refuses with one line (main turns it into exit 2): a missing runtime or name, an existing function', async () => {
    const dir = tempDir();
    const io = fakeIO(dir);
    await assert.rejects(newCommand(['Ping'], io), { code: 'Usage', message: /^new needs --runtime RUNTIME, one of: nodejs22\.x, / });
    await assert.rejects(newCommand(['--runtime', 'nodejs22.x'], io), { code: 'Usage', message: /^new takes one NAME .* got none/ });
    await assert.rejects(newCommand(['A', 'B', '--runtime', 'nodejs22.x'], io), { code: 'Usage', message: /got A B/ });
    await assert.rejects(newCommand(['Ping', '--runtime', 'nodejs22.x', '--bogus'], io), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
    assert.deepEqual(fs.readdirSync(dir), []);
    assert.equal(await newCommand(['Ping', '--runtime', 'nodejs22.x'], io), 0);
    const before = snapshot(dir);
    await assert.rejects(newCommand(['Ping', '--runtime', 'python3.12'], io), { code: 'Usage', message: /^A resource named Ping already exists in template\.yaml/ });
    assert.deepEqual(snapshot(dir), before);
  });

  it('through dist/cli.js: exit 0 on success, one-line error and exit 2 on refusal', () => {
    const dir = tempDir();
    const cli = path.join(root, 'dist', 'cli.js');
    const ok = spawnSync(process.execPath, [cli, 'new', 'Ping', '--runtime', 'nodejs20.x', '--trigger', 'api'], { cwd: dir, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^Created Ping /);
    const again = spawnSync(process.execPath, [cli, 'new', 'Ping', '--runtime', 'nodejs20.x'], { cwd: dir, encoding: 'utf8' });
    assert.equal(again.status, 2);
    assert.equal(again.stdout, '');
    assert.match(again.stderr, /^lambda-workbench: A resource named Ping already exists in template\.yaml — .*\n$/);
  });
});
