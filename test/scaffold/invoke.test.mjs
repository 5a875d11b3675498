// Every runtime the scaffolder offers × every trigger: the function it writes invokes at once through the real
// runner, with the sample event it wrote, and does what its trigger calls for.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { invokeScaffolded, lib, tempDir } from './helpers.mjs';

/** What each trigger's handler must do with its sample event; `base` is the logical id without `Function`. */
const EXPECT = {
  none: (r) => assert.deepEqual(r.json, { message: 'Hello, Lambda!' }),
  api: (r, base) => {
    assert.equal(r.json.statusCode, 200);
    assert.equal(r.json.headers['Content-Type'], 'application/json');
    const body = JSON.parse(r.json.body);
    assert.match(body.message, /^Hello/);
    assert.equal(body.path, `/${base.toLowerCase()}`);
    assert.ok(r.output.includes(`GET /${base.toLowerCase()}`), r.output.join('\n'));
  },
  httpapi: (r, base) => {
    assert.equal(r.json.statusCode, 200);
    assert.equal(JSON.parse(r.json.body).route, `GET /${base.toLowerCase()}`);
    assert.ok(r.output.includes(`GET /${base.toLowerCase()}`), r.output.join('\n'));
  },
  s3: (r, base) => {
    assert.equal(r.payload, 'null');
    assert.ok(r.output.some((line) => line.startsWith(`ObjectCreated:Put: s3://${base}Bucket/test/key`)), r.output.join('\n'));
  },
  sqs: (r) => {
    assert.deepEqual(r.json, { batchItemFailures: [] });
    assert.equal(r.output.filter((line) => line.startsWith('Message ')).length, 10, r.output.join('\n'));
  },
  schedule: (r) => {
    assert.equal(r.payload, 'null');
    assert.ok(r.output.some((line) => /^Scheduled run at \d{4}-\d\d-\d\dT/.test(line)), r.output.join('\n'));
  },
  eventbridge: (r, base) => {
    assert.equal(r.payload, 'null');
    assert.ok(r.output.some((line) => line.startsWith(`${base} Updated from com.example.${base.toLowerCase()}`)), r.output.join('\n'));
  },
  dynamodb: (r) => {
    assert.equal(r.payload, 'null');
    for (const change of ['INSERT', 'MODIFY', 'REMOVE']) {
      assert.ok(r.output.some((line) => line.startsWith(change)), `${change} missing in:\n${r.output.join('\n')}`);
    }
  },
};

for (const choice of lib.SCAFFOLD_RUNTIMES) {
  describe(choice.label, () => {
    // One project per runtime: each trigger's function is added to the template the previous ones wrote.
    const dir = tempDir();
    const templateFile = path.join(dir, 'template.yaml');

    for (const { trigger } of lib.TRIGGER_KINDS) {
      it(`trigger ${trigger}: writes a function that invokes with its sample event`, async () => {
        const base = `${trigger.charAt(0).toUpperCase()}${trigger.slice(1)}`;
        const result = lib.newFunction({ templateFile, name: `${base}Function`, runtime: choice.runtime, language: choice.language, trigger });
        assert.ok(fs.existsSync(result.handlerFile));
        assert.ok(result.eventFile.endsWith(`${path.sep}events${path.sep}${base}Function${path.sep}${path.basename(result.eventFile)}`));
        const invoked = await invokeScaffolded(result);
        assert.equal(invoked.functionError, undefined, `${invoked.payload}\n${invoked.logs.join('\n')}`);
        EXPECT[trigger](invoked, base);
      });
    }
  });
}
