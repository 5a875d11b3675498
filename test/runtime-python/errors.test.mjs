// Every row of spec §5.2's error table: the exact payload the caller gets and the exact log record.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, describe, it } from 'node:test';
import { fixture, invokePy, pyError, pythons, removeBytecode, textErrorLine } from './pyFixtures.mjs';

after(() => removeBytecode());

const catalogue = JSON.parse(fs.readFileSync(new URL('../../runtimes/errors.json', import.meta.url), 'utf8'));
const WARNING = `[WARNING]\t<time>\t\t${catalogue.python.initWarning}`;

/** An init failure: posted to /init/error, re-run by the runner at invoke time (spec §6.3), so logged twice. */
async function assertInitError(caseName, options, { errorType, errorMessage, stackTrace = [] }) {
  const r = await invokePy(caseName, options);
  assert.equal(r.payload, pyError(errorMessage, errorType, '', stackTrace));
  assert.equal(r.functionError, 'Unhandled');
  assert.equal(r.errorType, errorType);
  const record = [WARNING, textErrorLine(errorType, errorMessage, stackTrace)];
  assert.deepEqual(r.lines, [...record, ...record]);
  return r;
}

describe('python runtime: init errors', () => {
  it('Runtime.MalformedHandlerName: a handler without a dot', async () => {
    await assertInitError('malformed-handler', { handler: 'app' }, {
      errorType: 'Runtime.MalformedHandlerName',
      errorMessage: "Bad handler 'app': not enough values to unpack (expected 2, got 1)",
    });
  });

  it('Runtime.BuiltInModuleConflict: a handler module named like a built-in module', async () => {
    await assertInitError('builtin-conflict', { handler: 'sys.handler' }, {
      errorType: 'Runtime.BuiltInModuleConflict',
      errorMessage: 'Cannot use built-in module sys as a handler module',
    });
  });

  it('Runtime.ImportModuleError: the module imports a package that is not installed', async () => {
    await assertInitError('import-error', {}, {
      errorType: 'Runtime.ImportModuleError',
      errorMessage: "Unable to import module 'app': No module named 'module_that_is_not_installed'",
    });
  });

  it('Runtime.ImportModuleError: the handler module does not exist (slashes kept in the message)', async () => {
    await assertInitError('nested', { handler: 'src/app/missing.handler' }, {
      errorType: 'Runtime.ImportModuleError',
      errorMessage: "Unable to import module 'src/app/missing': No module named 'src.app.missing'",
    });
  });

  for (const [runtime] of Object.entries(pythons)) {
    it(`Runtime.UserCodeSyntaxError with its one-frame stackTrace (${runtime})`, async () => {
      const reason = runtime === 'python3.9' ? 'invalid syntax' : "expected ':'";
      await assertInitError('syntax-error', { runtime }, {
        errorType: 'Runtime.UserCodeSyntaxError',
        errorMessage: `Syntax error in module 'app': ${reason} (app.py, line 1)`,
        stackTrace: [`  File "${fixture('syntax-error', 'app.py')}" Line 1\n    def handler(event, context)\n`],
      });
    });
  }

  it('Runtime.HandlerNotFound: the module has no such attribute', async () => {
    await assertInitError('handler-not-found', {}, {
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: "Handler 'handler' missing on module 'app'",
    });
  });

  it('an exception raised at import keeps its class name and the frames below the runtime', async () => {
    const r = await invokePy('init-exception');
    const file = fixture('init-exception', 'app.py');
    const doc = JSON.parse(r.payload);
    assert.equal(doc.errorType, 'ConfigError');
    assert.equal(doc.errorMessage, 'missing setting TABLE_NAME');
    assert.equal(doc.requestId, '');
    // As on Lambda: importlib's frames first (the runtime's own are gone), then the function's.
    assert.match(doc.stackTrace[0], /^ {2}File ".*importlib\/__init__\.py", line \d+, in import_module\n/);
    assert.ok(doc.stackTrace.every((frame) => !frame.includes('runtimes/python')), doc.stackTrace.join(''));
    assert.deepEqual(doc.stackTrace.slice(-2), [
      `  File "${file}", line 9, in <module>\n    load_settings()\n`,
      `  File "${file}", line 6, in load_settings\n    raise ConfigError("missing setting TABLE_NAME")\n`,
    ]);
    assert.equal(r.payload, pyError(doc.errorMessage, 'ConfigError', '', doc.stackTrace));
    const record = [WARNING, textErrorLine('ConfigError', 'missing setting TABLE_NAME', doc.stackTrace)];
    assert.deepEqual(r.lines, [...record, ...record]);
  });
});

describe('python runtime: invocation errors', () => {
  it('a raised exception: type name, message, user frames only, request id; no LAMBDA_WARNING', async () => {
    for (const runtime of Object.keys(pythons)) {
      const r = await invokePy('custom-exception', { runtime, event: { orderId: 42 } });
      const file = fixture('custom-exception', 'app.py');
      const stackTrace = [
        `  File "${file}", line 10, in handler\n    return find_order(event["orderId"])\n`,
        `  File "${file}", line 6, in find_order\n    raise OrderNotFound("order %s not found" % order_id)\n`,
      ];
      assert.equal(r.payload, pyError('order 42 not found', 'OrderNotFound', r.result.requestId, stackTrace), runtime);
      assert.equal(r.functionError, 'Unhandled');
      assert.deepEqual(r.lines, [textErrorLine('OrderNotFound', 'order 42 not found', stackTrace)], runtime);
      assert.ok(r.lines[0].includes('\r\u00a0\u00a0File "'), 'stack lines are indented with no-break spaces');
    }
  });

  it('Runtime.UnmarshalError: an event that is not JSON (worded as simplejson words it)', async () => {
    const r = await invokePy('unmarshal-error', { event: '{bad' });
    const message = 'Unable to unmarshal input: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)';
    assert.equal(r.payload, pyError(message, 'Runtime.UnmarshalError', r.result.requestId));
    assert.deepEqual(r.lines, [textErrorLine('Runtime.UnmarshalError', message)]);
  });

  it('Runtime.UnmarshalError: simplejson wording for a cut-off object and for trailing data', async () => {
    const cut = await invokePy('unmarshal-error', { event: '{' });
    assert.equal(JSON.parse(cut.payload).errorMessage,
      "Unable to unmarshal input: Expecting property name enclosed in double quotes or '}': line 1 column 2 (char 1)");
    const extra = await invokePy('unmarshal-error', { event: '{} x' });
    assert.equal(JSON.parse(extra.payload).errorMessage,
      'Unable to unmarshal input: Extra data: line 1 column 4 - line 1 column 5 (char 3 - 4)');
  });

  it('Runtime.MarshalError: a result JSON cannot express', async () => {
    const r = await invokePy('marshal-error');
    const message = 'Unable to marshal response: Object of type datetime is not JSON serializable';
    assert.equal(r.payload, pyError(message, 'Runtime.MarshalError', r.result.requestId));
    assert.deepEqual(r.lines, [textErrorLine('Runtime.MarshalError', message)]);
  });

  it('Runtime.LambdaContextUnmarshalError: a client context that is not JSON', async () => {
    const r = await invokePy('context', { invokeOptions: { clientContext: 'not json' } });
    const message = 'Unable to parse Client Context JSON: Expecting value: line 1 column 1 (char 0)';
    assert.equal(r.payload, pyError(message, 'Runtime.LambdaContextUnmarshalError', r.result.requestId));
    assert.deepEqual(r.lines, [textErrorLine('Runtime.LambdaContextUnmarshalError', message)]);
  });

  it('Runtime.LambdaContextUnmarshalError: a Cognito identity that is not JSON', async () => {
    const r = await invokePy('context', { invokeOptions: { cognitoIdentity: '{' } });
    assert.equal(r.payload, pyError(
      'Unable to parse Cognito Identity JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)',
      'Runtime.LambdaContextUnmarshalError', r.result.requestId));
  });
});
