// The patched console (lambda-spec.md §3.3 TEXT, §3.6 JSON, §3.7 level filtering).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invoke } from './nodeRuntime.mjs';

test('TEXT: every console method gets its level, \\n becomes \\r, raw stdout is untouched', async () => {
  const result = await invoke('console-levels', 'index.handler');
  const [errorLine, ...afterError] = result.lines.slice(5);
  assert.deepEqual(result.lines.slice(0, 5), [
    '<time>\t<id>\tTRACE\ttrace message',
    '<time>\t<id>\tDEBUG\tdebug',
    '<time>\t<id>\tINFO\tinfo { a: 1 }',
    '<time>\t<id>\tINFO\tline one\rline two',
    '<time>\t<id>\tWARN\twarn',
  ]);
  assert.ok(errorLine.startsWith('<time>\t<id>\tERROR\terror Error: logged error\r    at exports.handler (<fixture>/index.js:7:26)\r'), errorLine);
  assert.ok(!errorLine.includes('\n'));
  assert.deepEqual(afterError, ['<time>\t<id>\tFATAL\tfatal', 'raw write']);
});

test('TEXT: before the first invocation the request id is "undefined"', async () => {
  const result = await invoke('console-levels', 'init.handler');
  assert.deepEqual(result.lines, ['<time>\tundefined\tINFO\twhile loading', '<time>\t<id>\tINFO\twhile invoking']);
});

test('JSON: one object per call, filtered by the application log level', async () => {
  const result = await invoke('console-levels', 'index.handler', { logFormat: 'JSON', applicationLogLevel: 'WARN' });
  const [warn, error, fatal, raw] = result.lines;
  assert.equal(result.lines.length, 4, result.lines.join('\n'));
  assert.equal(warn, '{"timestamp":"<time>","level":"WARN","requestId":"<id>","message":"warn"}');
  const parsed = JSON.parse(error);
  assert.equal(parsed.level, 'ERROR');
  assert.ok(parsed.message.startsWith('error Error: logged error\n    at exports.handler (<fixture>/index.js:7:26)\n'), parsed.message);
  assert.deepEqual({ ...parsed, message: undefined }, {
    timestamp: '<time>', level: 'ERROR', requestId: '<id>', message: undefined,
    errorType: 'Error', errorMessage: 'logged error', stackTrace: ['Error: logged error', '    at exports.handler (<fixture>/index.js:7:26)'],
  });
  assert.equal(fatal, '{"timestamp":"<time>","level":"FATAL","requestId":"<id>","message":"fatal"}');
  assert.equal(raw, 'raw write');
});

test('JSON: the default level INFO drops TRACE and DEBUG', async () => {
  const result = await invoke('console-levels', 'index.handler', { logFormat: 'JSON' });
  const levels = result.lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line).level);
  assert.deepEqual(levels, ['INFO', 'INFO', 'WARN', 'ERROR', 'FATAL']);
  assert.equal(result.lines[1], '{"timestamp":"<time>","level":"INFO","requestId":"<id>","message":"line one\\nline two"}');
});

test('JSON: objects stay objects, an Error alone becomes one, the first Error among several adds its fields', async () => {
  const result = await invoke('console-levels', 'index.json', { logFormat: 'JSON' });
  assert.equal(result.lines[0], '{"timestamp":"<time>","level":"INFO","requestId":"<id>","message":{"nested":{"a":1}}}');
  const several = JSON.parse(result.lines[1]);
  assert.ok(several.message.startsWith('3 items RangeError: second argument\n'), several.message);
  assert.deepEqual([several.errorType, several.errorMessage, several.stackTrace], [
    'RangeError', 'second argument', ['RangeError: second argument', '    at exports.json [as handler] (<fixture>/index.js:15:31)'],
  ]);
  assert.equal(result.lines[2], JSON.stringify({
    timestamp: '<time>', level: 'ERROR', requestId: '<id>',
    message: { errorType: 'TypeError', errorMessage: 'alone', stackTrace: ['TypeError: alone', '    at exports.json [as handler] (<fixture>/index.js:16:17)'] },
  }));
});

test('JSON: lines written while loading carry no requestId', async () => {
  const result = await invoke('console-levels', 'init.handler', { logFormat: 'JSON' });
  assert.deepEqual(result.lines, [
    '{"timestamp":"<time>","level":"INFO","message":"while loading"}',
    '{"timestamp":"<time>","level":"INFO","requestId":"<id>","message":"while invoking"}',
  ]);
});

test('JSON: an invocation error is logged as the error object', async () => {
  const result = await invoke('throw-values', 'index.sync', { logFormat: 'JSON' });
  assert.deepEqual(result.lines, [JSON.stringify({
    timestamp: '<time>', level: 'ERROR', requestId: '<id>',
    message: { errorType: 'RangeError', errorMessage: 'thrown synchronously', stackTrace: ['RangeError: thrown synchronously', '    at exports.sync [as handler] (<fixture>/index.js:8:9)'] },
  })]);
});
