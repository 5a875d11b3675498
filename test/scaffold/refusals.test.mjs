// The scaffolder never overwrites: an existing logical id, code folder, handler file or event file is refused with a
// one-line message naming it, and the folder is left exactly as it was. Bad names and choices are refused too.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { lib, refused, snapshot, tempDir } from './helpers.mjs';

describe('refusing to overwrite', () => {
  let dir;
  let templateFile;
  beforeEach(() => {
    dir = tempDir('commented');
    templateFile = path.join(dir, 'template.yaml');
    lib.newFunction({ templateFile, name: 'OrdersFunction', runtime: 'nodejs22.x', trigger: 'sqs' });
  });

  /** Expects newFunction(options) to be refused with `pattern` and the folder to be unchanged. */
  function assertRefused(options, pattern) {
    const before = snapshot(dir);
    const message = refused(() => lib.newFunction({ templateFile, runtime: 'nodejs22.x', ...options }), pattern);
    assert.deepEqual(snapshot(dir), before, 'nothing may be written');
    assert.match(message, /nothing was written/);
    return message;
  }

  it('a logical id the template has', () => {
    assertRefused({ name: 'OrdersFunction' }, /^A resource named OrdersFunction already exists in template\.yaml — .*choose another function name$/);
    assertRefused({ name: 'ShopFunction', runtime: 'python3.12' }, /ShopFunction already exists in template\.yaml/);
  });

  it('a logical id the trigger needs for its resource (queue, bucket, table)', () => {
    assertRefused({ name: 'Orders', trigger: 'sqs' }, /^The Orders trigger needs OrdersQueue, but a resource named OrdersQueue already exists in template\.yaml/);
  });

  it('a parameter of the same name', () => {
    assertRefused({ name: 'Stage' }, /A resource named Stage already exists|Stage already exists/);
  });

  it('an existing code folder', () => {
    fs.mkdirSync(path.join(dir, 'refunds'));
    assertRefused({ name: 'RefundsFunction' }, /^The folder refunds\/ already exists — nothing was written; choose another function name, or move it away$/);
  });

  it('an existing handler file', () => {
    fs.mkdirSync(path.join(dir, 'refunds'));
    fs.writeFileSync(path.join(dir, 'refunds', 'app.py'), 'print("mine")\n');
    assertRefused({ name: 'RefundsFunction', runtime: 'python3.11' }, /^refunds\/app\.py already exists — nothing was written/);
  });

  it('an existing event file', () => {
    fs.mkdirSync(path.join(dir, 'events', 'RefundsFunction'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'events', 'RefundsFunction', 'GetRefunds.json'), '{"mine": true}\n');
    assertRefused({ name: 'RefundsFunction', trigger: 'api' }, /^The event file events\/RefundsFunction\/GetRefunds\.json already exists — nothing was written/);
  });

  it('a template that is not valid YAML, with its line', () => {
    fs.appendFileSync(templateFile, 'Broken: [unclosed\n');
    assertRefused({ name: 'NewFunction' }, /template\.yaml:\d+:\d+: .* — nothing was written; fix the template, then add the function/);
  });

  it('when the template cannot be loaded after writing, everything written is undone', () => {
    // The YAML is fine, but another function's code folder is missing: the model refuses the template when the
    // sample event is generated, after the code and template were written.
    fs.rmSync(path.join(dir, 'shop'), { recursive: true });
    const before = snapshot(dir);
    refused(() => lib.newFunction({ templateFile, name: 'Later', runtime: 'nodejs22.x', trigger: 's3' }), /CodeUri 'shop\/' of ShopFunction does not exist/);
    assert.deepEqual(snapshot(dir), before);
  });
});

describe('refusing bad choices', () => {
  const dir = tempDir();
  const templateFile = path.join(dir, 'template.yaml');
  const assertRefused = (options, pattern) => {
    refused(() => lib.newFunction({ templateFile, name: 'GoodName', runtime: 'nodejs22.x', ...options }), pattern);
    assert.deepEqual(fs.readdirSync(dir), []);
  };

  it('names that are not CloudFormation logical ids', () => {
    assertRefused({ name: 'orders-function' }, /^Function name 'orders-function' is not a valid logical id — use only letters and digits, starting with a letter/);
    assertRefused({ name: '2Fast' }, /'2Fast' is not a valid logical id/);
    assertRefused({ name: 'Has Space' }, /not a valid logical id/);
    assertRefused({ name: '' }, /needs a name/);
    assertRefused({ name: `A${'b'.repeat(255)}` }, /is 256 characters, over CloudFormation's 255 for a logical id/);
  });

  it('runtimes, triggers and languages it does not offer', () => {
    assertRefused({ runtime: 'java21' }, /^Runtime 'java21' cannot be scaffolded — use one of: nodejs22\.x, nodejs20\.x, python3\.13, python3\.12, python3\.11, provided\.al2023$/);
    assertRefused({ trigger: 'kinesis' }, /^Trigger 'kinesis' is not one of: none, api, httpapi, s3, sqs, schedule, eventbridge, dynamodb$/);
    assertRefused({ runtime: 'python3.12', language: 'typescript' }, /only chosen for Node\.js runtimes/);
    assertRefused({ language: 'rust' }, /Language 'rust' is not javascript or typescript/);
  });

  it('a template path that is a folder', () => {
    fs.mkdirSync(path.join(dir, 'folder.yaml'));
    try {
      refused(() => lib.newFunction({ templateFile: path.join(dir, 'folder.yaml'), name: 'X', runtime: 'nodejs22.x' }), /is a folder, not a template/);
    } finally {
      fs.rmdirSync(path.join(dir, 'folder.yaml'));
    }
  });
});
