// Log output of the Python runtime: TEXT (spec §3.4), levels (§3.7) and JSON (§3.6).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fixture, invokePy, pyDumps, removeBytecode } from './pyFixtures.mjs';

after(() => removeBytecode());

const JSON_TIME = /^\{"timestamp": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", /;

describe('python runtime: TEXT logs', () => {
  it('writes root-logger records in Lambda\'s format, leaves the level at WARNING, keeps print() and context.log() plain', async () => {
    const r = await invokePy('logging-text');
    const file = fixture('logging-text', 'app.py');
    assert.equal(r.payload, '"ok"');
    assert.deepEqual(r.lines, [
      '[WARNING]\t<time>\t\tinit warning', // no request id during init
      '[WARNING]\t<time>\t<id>\tlow stock',
      '[ERROR]\t<time>\t<id>\tfirst line\rsecond line', // one record stays one line
      `[ERROR]\t<time>\t<id>\tlookup failed\rTraceback (most recent call last):\r  File "${file}", line 12, in handler\r`
        + '    raise KeyError("sku")\rKeyError: \'sku\'',
      'plain print',
      'context log',
    ]);
    const raw = r.logs.find((line) => line.includes('low stock'));
    assert.match(raw, /^\[WARNING\]\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\t[0-9a-f-]{36}\tlow stock$/);
    assert.equal(raw.split('\t')[2], r.result.requestId);
  });

  it('sets the root level from AWS_LAMBDA_LOG_LEVEL', async () => {
    const r = await invokePy('log-level', { environment: { AWS_LAMBDA_LOG_LEVEL: 'DEBUG' } });
    assert.equal(r.payload, '10');
    assert.deepEqual(r.lines, [
      '[DEBUG]\t<time>\t<id>\tdebug line',
      '[INFO]\t<time>\t<id>\tinfo line',
      '[WARNING]\t<time>\t<id>\twarning line',
      '[ERROR]\t<time>\t<id>\terror line',
    ]);
  });

  it('keeps Python\'s default WARNING level when AWS_LAMBDA_LOG_LEVEL is not set', async () => {
    const r = await invokePy('log-level');
    assert.equal(r.payload, '30');
    assert.deepEqual(r.lines, ['[WARNING]\t<time>\t<id>\twarning line', '[ERROR]\t<time>\t<id>\terror line']);
  });
});

describe('python runtime: JSON logs', () => {
  const record = (level, message) =>
    pyDumps({ timestamp: '<time>', level, message, logger: 'root', requestId: '<id>' });

  it('maps TRACE to DEBUG', async () => {
    const r = await invokePy('log-level', { logFormat: 'JSON', applicationLogLevel: 'TRACE' });
    assert.equal(r.payload, '10');
    assert.deepEqual(r.lines, [
      record('DEBUG', 'debug line'), record('INFO', 'info line'), record('WARNING', 'warning line'), record('ERROR', 'error line'),
    ]);
  });

  it('filters below the application log level', async () => {
    const r = await invokePy('log-level', { logFormat: 'JSON', applicationLogLevel: 'ERROR' });
    assert.deepEqual(r.lines, [record('ERROR', 'error line')]);
  });

  it('writes extra= keys, drops None fields, adds exc_info fields, and logs the invocation error with log_level', async () => {
    const r = await invokePy('json-logs', { logFormat: 'JSON' });
    const file = fixture('json-logs', 'app.py');
    const errorTrace = [`  File "${file}", line 14, in handler\n    raise RuntimeError("fatal")\n`];
    assert.equal(r.payload, pyDumps({ errorMessage: 'fatal', errorType: 'RuntimeError', requestId: r.result.requestId, stackTrace: errorTrace }));
    assert.deepEqual(r.lines, [
      pyDumps({ timestamp: '<time>', level: 'INFO', message: 'order placed', logger: 'orders', requestId: '<id>', orderId: 42 }),
      pyDumps({
        timestamp: '<time>', level: 'ERROR', message: 'order failed', logger: 'orders',
        stackTrace: [`  File "${file}", line 10, in handler\n    raise ValueError("bad quantity")\n`],
        errorType: 'ValueError', errorMessage: 'bad quantity', requestId: '<id>', location: `${file}:handler:12`,
      }),
      'plain print',
      pyDumps({ timestamp: '<time>', log_level: 'ERROR', errorMessage: 'fatal', errorType: 'RuntimeError', requestId: '<id>', stackTrace: errorTrace }),
    ]);
    for (const line of r.logs.filter((l) => l.startsWith('{"timestamp"'))) assert.match(line, JSON_TIME);
  });

  it('writes the init warning and the init error as JSON records', async () => {
    const r = await invokePy('handler-not-found', { logFormat: 'JSON' });
    const warning = JSON.parse(r.lines[0]);
    assert.equal(warning.level, 'WARNING');
    assert.equal(warning.logger, 'root');
    assert.equal(warning.requestId, '');
    assert.match(warning.message, /^LAMBDA_WARNING: Unhandled exception\. .*runtimes-update\.html\r$/);
    assert.equal(r.lines[1], pyDumps({
      timestamp: '<time>', log_level: 'ERROR', errorMessage: "Handler 'handler' missing on module 'app'",
      errorType: 'Runtime.HandlerNotFound', requestId: '', stackTrace: [],
    }));
  });
});
