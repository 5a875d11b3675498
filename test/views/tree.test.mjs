// The model → tree mapping of the Lambda view: grouping, functions, triggers, saved events, error items; and the
// catalog that keeps templates loaded file by file.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fixtures, loadViews } from './views.mjs';

const views = await loadViews();
const template = (name) => path.join(fixtures, name, 'template.yaml');

function catalogOf(...names) {
  const catalog = new views.TemplateCatalog(() => ({}), (file) => path.relative(fixtures, file));
  for (const name of names) catalog.load(template(name));
  return catalog;
}

/** `kind label (description)` per node, indented by depth: the tree as a reader sees it. */
function outline(nodes, depth = 0) {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${node.kind} ${node.label}${node.description ? ` (${node.description})` : ''}`,
    ...outline(node.children, depth + 1),
  ]);
}

test('one template: its functions are the roots, with triggers, the function URL and saved events', () => {
  const roots = views.buildTree(catalogOf('project').list());
  assert.deepEqual(outline(roots), [
    'function OrdersFunction (256 MB · 10 s)',
    '  trigger GET /hello · Api (GetHello)',
    '  trigger s3:ObjectCreated:* · uploads · S3 (Thumbnails)',
    '  trigger orders-queue · SQS (Orders)',
    '  trigger Function URL',
    '  savedEvent get-hello',
    '  savedEvent ping (shared)',
    'function ReportsFunction (128 MB · 3 s)',
    '  trigger rate(5 minutes) · Schedule (Nightly)',
    '  savedEvent ping (shared)',
  ]);
  const [orders] = roots;
  assert.equal(orders.fn.runtime, 'nodejs22.x');
  assert.match(orders.tooltip, /Runtime: nodejs22\.x\nHandler: app\.handler/);
  assert.equal(orders.children[3].trigger, undefined, 'the function URL has no Events entry');
  assert.equal(orders.children[4].event.file, path.join(fixtures, 'project', 'events', 'OrdersFunction', 'get-hello.json'));
  assert.equal(orders.expanded, true, 'a small workspace starts expanded');
});

test('several templates: grouped by template, each group with its functions or its error', () => {
  const roots = views.buildTree(catalogOf('project', 'broken').list());
  assert.deepEqual(roots.map((node) => [node.kind, node.label, node.description]), [
    ['template', 'broken/template.yaml', 'error'],
    ['template', 'project/template.yaml', '2 functions'],
  ]);
  const [error] = roots[0].children;
  assert.equal(error.kind, 'templateError');
  assert.equal(error.label, 'BrokenFunction has no Handler — add Handler (e.g. app.handler) under its Properties or Globals.Function');
  assert.equal(error.description, 'template.yaml:4:3');
  assert.equal(error.tooltip, `${template('broken')}:4:3: ${error.label}`);
  assert.deepEqual({ ...error.problem, message: undefined }, { message: undefined, file: template('broken'), line: 4, column: 3 });
  assert.equal(roots[1].children.length, 2);
  assert.equal(roots[1].children[0].parent, roots[1], 'getParent() for reveal');
  assert.equal(roots[1].children[0].children[0].parent, roots[1].children[0]);
});

test('a single template with an error shows one error item', () => {
  const roots = views.buildTree(catalogOf('broken').list());
  assert.deepEqual(roots.map((node) => node.kind), ['templateError']);
  assert.equal(roots[0].parent, undefined);
});

test('templates without functions and files that are not templates are left out', () => {
  const catalog = catalogOf('project', 'infra-only', 'not-a-template');
  assert.deepEqual(catalog.list().map((entry) => entry.label), ['project/template.yaml', 'infra-only/template.yaml']);
  const roots = views.buildTree(catalog.list());
  assert.deepEqual(roots.map((node) => node.kind), ['function', 'function'], 'one template shown, so no grouping');
  assert.deepEqual(views.buildTree([]), []);
});

test('ids are unique and stable; findFunctionNode finds a function again after a rebuild', () => {
  const entries = catalogOf('project', 'broken').list();
  const ids = [];
  const walk = (nodes) => nodes.forEach((node) => { ids.push(node.id); walk(node.children); });
  walk(views.buildTree(entries));
  assert.equal(new Set(ids).size, ids.length, 'a shared event under two functions has two ids');
  const again = views.buildTree(entries);
  const found = views.findFunctionNode(again, template('project'), 'ReportsFunction');
  assert.equal(found.id, `${template('project')}#ReportsFunction`);
  assert.equal(views.findFunctionNode(again, template('project'), 'Missing'), undefined);
});

test('many functions start collapsed', () => {
  const entries = catalogOf('project').list();
  const roots = views.buildTree(entries, { expandUpTo: 1 });
  assert.deepEqual(roots.map((node) => node.expanded), [false, false]);
});

const work = mkdtempSync(path.join(os.tmpdir(), 'lwb-views-tree-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('the catalog follows a template through edits, errors and deletion', () => {
  const dir = path.join(work, 'edits');
  cpSync(path.join(fixtures, 'project'), dir, { recursive: true });
  const file = path.join(dir, 'template.yaml');
  const catalog = new views.TemplateCatalog(() => ({ region: 'eu-west-1' }));
  const first = catalog.load(file);
  assert.equal(first.previous, undefined);
  assert.equal(first.unchanged, false);
  const again = catalog.load(file);
  assert.equal(again.unchanged, true, 'a second watcher event for the same text');
  assert.equal(again.current, first.current, 'not parsed again');
  assert.notEqual(catalog.load(file, true).current, first.current, 'forced: parsed again (settings changed)');
  assert.deepEqual(first.current.model.functions.map((fn) => fn.logicalId), ['OrdersFunction', 'ReportsFunction']);
  assert.equal(first.current.model.functions[0].events[2].properties.Queue, 'arn:aws:sqs:eu-west-1:123456789012:orders-queue', 'settings reach the model');

  writeFileSync(file, 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: [\n');
  const broken = catalog.load(file);
  assert.equal(broken.unchanged, false);
  assert.equal(broken.current.model, undefined);
  assert.match(broken.current.error.message, /template\.yaml:\d+:\d+: /);
  assert.equal(typeof broken.current.error.line, 'number');

  rmSync(file);
  const gone = catalog.load(file);
  assert.equal(gone.previous, broken.current);
  assert.equal(gone.current, undefined);
  assert.equal(gone.unchanged, false);
  assert.equal(catalog.load(file).unchanged, true, 'still gone');
  assert.deepEqual(catalog.list(), []);
});

test('the catalog tells which functions a changed file belongs to (code, not saved events)', () => {
  const catalog = catalogOf('project');
  const affected = (...parts) => catalog.functionsAffectedBy(path.join(fixtures, 'project', ...parts)).map((fn) => fn.logicalId);
  assert.deepEqual(affected('orders', 'app.mjs'), ['OrdersFunction']);
  assert.deepEqual(affected('orders', 'lib', 'new.js'), ['OrdersFunction']);
  assert.deepEqual(affected('reports', 'app.py'), ['ReportsFunction']);
  assert.deepEqual(affected('events', 'OrdersFunction', 'get-hello.json'), []);
  assert.deepEqual(affected('README.md'), []);
  assert.deepEqual(affected('orders'), [], 'the folder itself is not a file inside it');
});

test('watchers skip templates in build output and dependencies, as the first scan does', () => {
  assert.equal(views.isExcludedPath('/p/.aws-sam/build/template.yaml'), true);
  assert.equal(views.isExcludedPath('/p/node_modules/pkg/template.yaml'), true);
  assert.equal(views.isExcludedPath('C:\\p\\.git\\template.yaml'), true);
  assert.equal(views.isExcludedPath('/p/app/template.yaml'), false);
  assert.equal(views.isExcludedPath('/p/my.aws-sam.d/template.yaml'), false);
});

test('looksLikeTemplate: CloudFormation YAML or JSON, not other files named template.yaml', () => {
  assert.equal(views.looksLikeTemplate('AWSTemplateFormatVersion: "2010-09-09"\n'), true);
  assert.equal(views.looksLikeTemplate('# comment\nTransform: AWS::Serverless-2016-10-31\nResources: {}\n'), true);
  assert.equal(views.looksLikeTemplate('{\n  "Resources": {}\n}'), true);
  assert.equal(views.looksLikeTemplate('name: greeting\nbody: Hello\n'), false);
  assert.equal(views.looksLikeTemplate('  Resources: nested\n'), false);
});
