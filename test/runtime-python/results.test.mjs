// Results of the Python runtime (spec §5.2 "Results"): JSON as simplejson writes it, bytes as-is, handler lookup.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { invokePy, pyDumps, pythons, removeBytecode } from './pyFixtures.mjs';

after(() => removeBytecode());

describe('python runtime: results', () => {
  it('returns a dict as JSON with Python separators and the event as it arrived', async () => {
    const r = await invokePy('success', { event: { a: 1, list: [1, 'two', null] } });
    assert.equal(r.payload, '{"message": "hello", "event": {"a": 1, "list": [1, "two", null]}}');
    assert.equal(r.contentType, 'application/json');
    assert.equal(r.functionError, undefined);
    assert.deepEqual(r.lines, []);
  });

  it('returns null for a handler that returns None', async () => {
    const r = await invokePy('none');
    assert.equal(r.payload, 'null');
    assert.equal(r.functionError, undefined);
  });

  it('writes Decimal as its exact digits, NaN and Infinity as simplejson does', async () => {
    const r = await invokePy('decimal');
    assert.equal(r.payload,
      '{"price": 1.10, "pi": 3.14159265358979323846264338327950288, "decimalNaN": NaN, "floatNaN": NaN, "infinity": Infinity}');
  });

  it('keeps non-ASCII text as is on python3.12+ and prints it unchanged', async () => {
    const r = await invokePy('non-ascii', { runtime: 'python3.12' });
    assert.equal(r.payload, '{"text": "héllo € 😀"}');
    assert.deepEqual(r.lines, ['héllo € 😀']);
  });

  it('escapes non-ASCII text before python3.12 (ensure_ascii)', async () => {
    const r = await invokePy('non-ascii', { runtime: 'python3.11' });
    assert.equal(r.payload, '{"text": "h\\u00e9llo \\u20ac \\ud83d\\ude00"}');
  });

  it('sends a bytes result as-is with content type application/unknown', async () => {
    const r = await invokePy('bytes-result');
    assert.deepEqual(r.result.payload, Buffer.from([0, 1, ...Buffer.from('binary'), 0xff]));
    assert.equal(r.contentType, 'application/unknown');
  });

  it('imports a handler in a nested folder: src/app/main.handler is module src.app.main', async () => {
    const r = await invokePy('nested', { handler: 'src/app/main.handler' });
    assert.equal(r.payload, '{"module": "src.app.main"}');
  });

  it('imports the function\'s own module named bootstrap, not the runtime\'s', async () => {
    const r = await invokePy('shadow', { handler: 'bootstrap.handler' });
    assert.equal(r.payload, '"the function\'s own bootstrap module"');
  });

  it('hands the raw bytes to the handler when the event is not application/json', async () => {
    const r = await invokePy('raw-event', { event: 'plain text', invokeOptions: { contentType: 'text/plain' } });
    assert.equal(r.payload, pyDumps({ type: 'bytes', text: 'plain text' }));
  });

  for (const [runtime, binary] of Object.entries(pythons)) {
    it(`runs on the ${runtime} interpreter (${binary})`, async () => {
      const r = await invokePy('interpreter', { runtime });
      assert.equal(r.payload, JSON.stringify(runtime.slice('python'.length)));
    });
  }
});
