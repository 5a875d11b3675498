// The launch-argument schema (for package.json's `debuggers` contribution) and the adapter's LambdaLaunchArguments
// must name the same arguments.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { root } from '../helpers/invoke.mjs';

const schema = JSON.parse(fs.readFileSync(path.join(root, 'src', 'debug', 'launchSchema.json'), 'utf8'));
const launchArgs = fs.readFileSync(path.join(root, 'src', 'debug', 'launchArgs.ts'), 'utf8');

test('launchSchema.json and launchArgs.ts describe the same launch arguments', () => {
  const declared = [...launchArgs.matchAll(/^ {2}(\w+)\?:/gm)].map((m) => m[1]).sort();
  assert.deepEqual(Object.keys(schema.properties).sort(), declared);
});

test('every launch argument in the schema says what it is for', () => {
  for (const [name, property] of Object.entries(schema.properties)) {
    assert.ok(typeof property.description === 'string' && property.description.length > 10, `${name} has no description`);
  }
});
