// Event files on disk: listing a function's own and the shared events, and reading them with JSON errors that
// point at the line and column.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { lib } from '../helpers/invoke.mjs';
import { fn, template } from './model.mjs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lwb-saved-events-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(relative, text) {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

test('listSavedEvents: events/<LogicalId>/*.json first, then the shared events/*.json, each sorted by name', () => {
  write('events/HelloFunction/b-post.json', '{}');
  write('events/HelloFunction/a-get.json', '{}');
  write('events/HelloFunction/notes.txt', 'not an event');
  write('events/Other/other.json', '{}');
  write('events/shared.json', '{}');
  write('events/README.md', '# events');
  mkdirSync(path.join(dir, 'events', 'folder.json'), { recursive: true });
  const saved = lib.listSavedEvents(template({ dir }), fn());
  assert.deepEqual(saved, [
    { name: 'a-get', file: path.join(dir, 'events', 'HelloFunction', 'a-get.json') },
    { name: 'b-post', file: path.join(dir, 'events', 'HelloFunction', 'b-post.json') },
    { name: 'shared', file: path.join(dir, 'events', 'shared.json') },
  ]);
  assert.equal(lib.functionEventsDir(template({ dir }), fn()), path.join(dir, 'events', 'HelloFunction'));
});

test('listSavedEvents: no events folder gives no events', () => {
  assert.deepEqual(lib.listSavedEvents(template({ dir: path.join(dir, 'nowhere') }), fn()), []);
});

test('readEventFile returns the bytes of valid JSON (dropping a UTF-8 BOM)', () => {
  const file = write('ok.json', '{\n  "a": [1, 2.5e3, -0, true, null, "x\\u00e9\\n"]\n}\n');
  assert.deepEqual(lib.readEventFile(file), Buffer.from('{\n  "a": [1, 2.5e3, -0, true, null, "x\\u00e9\\n"]\n}\n'));
  const bom = write('bom.json', '\uFEFF{"a":1}');
  assert.equal(lib.readEventFile(bom).toString(), '{"a":1}');
  for (const text of ['"just a string"', '42', '[]', ' null ']) assert.ok(lib.readEventFile(write('scalar.json', text)));
});

const badCases = [
  ['missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}' after property value, found '\"'"],
  ['trailing comma in object', '{\n  "a": 1,\n}', 3, 1, "trailing comma before '}'"],
  ['trailing comma in array', '[1,\n 2,\n]', 3, 1, "trailing comma before ']'"],
  ['single quotes', "{'a': 1}", 1, 2, "expected a property name in double quotes, found '''"],
  ['bare word', '{"a": yes}', 1, 7, "unexpected 'yes' (strings need double quotes)"],
  ['unterminated string', '{"a": "b}', 1, 7, 'unterminated string'],
  ['line break in string', '{"a": "b\nc"}', 1, 9, 'line break inside a string (write it as \\n)'],
  ['bad escape', '{"a": "\\q"}', 1, 8, "invalid escape '\\q' in string"],
  ['bad number', '{"a": 01}', 1, 8, "expected ',' or '}' after property value, found '1'"],
  ['minus alone', '[-]', 1, 2, 'invalid number'],
  ['truncated', '{"a": [1, 2', 1, 12, "expected ',' or ']' after array element, found end of file"],
  ['missing value', '{"a": }', 1, 7, "unexpected '}'"],
  ['extra text', '{"a": 1} {"b": 2}', 1, 10, "unexpected '{' after the JSON value"],
  ['empty', '  \n ', 1, 1, 'the file is empty'],
  ['missing colon', '{"a" 1}', 1, 6, "expected ':' after the property name, found '1'"],
  ['CRLF lines', '{\r\n  "a": 1,\r\n  "b": x\r\n}', 3, 8, "unexpected 'x' (strings need double quotes)"],
];

for (const [name, text, line, column, message] of badCases) {
  test(`readEventFile: ${name} → file:${line}:${column}`, () => {
    const file = write(`bad-${name.replace(/\W+/g, '-')}.json`, text);
    assert.throws(() => lib.readEventFile(file), (error) => {
      assert.ok(error instanceof lib.EventsError);
      assert.equal(error.message, `${file}:${line}:${column}: invalid JSON: ${message} — fix the JSON or pick another event`);
      assert.equal(error.message.includes('\n'), false);
      return true;
    });
    // Whatever the scanner says, JSON.parse agrees that the text is invalid.
    assert.throws(() => JSON.parse(text));
  });
}

test('findJsonSyntaxError accepts exactly what JSON.parse accepts on a sample of texts', () => {
  const texts = ['{}', '[]', '""', '0', '-1.5E+2', '1.', '.5', '+1', '[1 2]', '{"a":1,"a":2}', '"\\u12"', '"\\ud800"', '[[[[]]]]',
    '{"a":{"b":[{"c":null}]}}', 'tru', 'nulls', '"\t"', '[1,]', '\u00a0{}', '{}\u2028'];
  for (const text of texts) {
    let valid = true;
    try { JSON.parse(text); } catch { valid = false; }
    assert.equal(lib.findJsonSyntaxError(text) === undefined, valid, JSON.stringify(text));
  }
});

test('readEventFile: a missing file is a one-line error', () => {
  const file = path.join(dir, 'missing.json');
  assert.throws(() => lib.readEventFile(file), { message: `${file}: cannot read the event file: no such file` });
});
