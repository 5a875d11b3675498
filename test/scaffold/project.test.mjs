// New Project: a template, the function, its event, a .gitignore and a README in a folder without a template.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { invokeScaffolded, lib, refused, snapshot, tempDir } from './helpers.mjs';

describe('newProject', () => {
  it('fills an empty folder with a project whose function invokes at once', async () => {
    const dir = path.join(tempDir(), 'shop');
    const result = lib.newProject(dir, { name: 'OrdersFunction', runtime: 'python3.12', trigger: 'api' });
    assert.equal(result.templateCreated, true);
    assert.equal(result.templateFile, path.join(dir, 'template.yaml'));
    assert.deepEqual(Object.keys(snapshot(dir)).sort(), [
      '.gitignore', 'README.md', 'events/', 'events/OrdersFunction/', 'events/OrdersFunction/GetOrders.json',
      'orders/', 'orders/app.py', 'template.yaml',
    ]);
    assert.deepEqual(result.filesWritten.map((file) => path.relative(dir, file)), [
      'orders/app.py', 'template.yaml', 'events/OrdersFunction/GetOrders.json', '.gitignore', 'README.md',
    ]);
    const gitignore = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n');
    assert.ok(gitignore.includes('node_modules/') && gitignore.includes('.aws-sam/'));
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    assert.match(readme, /^# shop\n/);
    assert.match(readme, /lambda-workbench invoke OrdersFunction -e events\/OrdersFunction\/GetOrders\.json/);
    const invoked = await invokeScaffolded(result);
    assert.equal(invoked.json.statusCode, 200);
  });

  it('TypeScript projects say how to install the types', () => {
    const dir = tempDir();
    lib.newProject(dir, { name: 'Api', runtime: 'nodejs22.x', language: 'typescript', trigger: 'httpapi' });
    assert.match(fs.readFileSync(path.join(dir, 'README.md'), 'utf8'), /cd api && npm install/);
  });

  it('refuses a folder that has a template, writing nothing', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'template.yml'), 'Resources: {}\n');
    const before = snapshot(dir);
    refused(() => lib.newProject(dir, { name: 'OrdersFunction', runtime: 'nodejs22.x' }),
      /already has template\.yml — nothing was written; add a function to it with New Function, or pick an empty folder$/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('keeps a README and .gitignore the folder already has', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'README.md'), 'mine\n');
    fs.writeFileSync(path.join(dir, '.gitignore'), 'mine\n');
    const result = lib.newProject(dir, { name: 'Ping', runtime: 'provided.al2023' });
    assert.equal(fs.readFileSync(path.join(dir, 'README.md'), 'utf8'), 'mine\n');
    assert.equal(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'), 'mine\n');
    assert.ok(!result.filesWritten.some((file) => /README|gitignore/.test(file)));
  });

  it('refuses bad options before creating the folder', () => {
    const dir = path.join(tempDir(), 'never');
    refused(() => lib.newProject(dir, { name: 'bad-name', runtime: 'nodejs22.x' }), /not a valid logical id/);
    assert.equal(fs.existsSync(dir), false);
  });
});
