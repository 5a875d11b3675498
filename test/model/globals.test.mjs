// Globals.Function details beyond the sam-app fixture: IgnoreGlobals lists, properties SAM does not take from
// Globals, and where an inherited Handler is located.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lib } from '../helpers/invoke.mjs';
import { fixture } from './helpers.mjs';

const file = fixture('sam-app', 'inline.yaml');
const template = `Globals:
  Function:
    Handler: app.handler
    Runtime: python3.12
    Timeout: 20
    FunctionName: shared-name
    Environment:
      Variables:
        A: global-a
        B: global-b
Resources:
  Inherits:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/worker
  IgnoresSome:
    Type: AWS::Serverless::Function
    IgnoreGlobals: [Timeout, Environment]
    Properties:
      CodeUri: src/worker
      Environment:
        Variables:
          B: own-b
  Inline:
    Type: AWS::Serverless::Function
    Properties:
      InlineCode: "def handler(event, context): return 1"
  Plain:
    Type: AWS::Lambda::Function
    Properties:
      Code: src/legacy
      Handler: index.handler
      Runtime: nodejs20.x
`;

describe('Globals.Function', () => {
  const model = lib.parseTemplateText(template, file);
  const fn = (id) => lib.findFunction(model, id);

  test('applies to AWS::Serverless::Function only', () => {
    assert.equal(fn('Inherits').timeout, 20);
    assert.deepEqual(fn('Inherits').environment, { A: 'global-a', B: 'global-b' });
    assert.equal(fn('Plain').timeout, 3);
    assert.deepEqual(fn('Plain').environment, {});
  });

  test('IgnoreGlobals as a list leaves out just those properties', () => {
    assert.equal(fn('IgnoresSome').timeout, 3);
    assert.deepEqual(fn('IgnoresSome').environment, { B: 'own-b' });
    assert.equal(fn('IgnoresSome').runtime, 'python3.12');
  });

  test('properties SAM does not take from Globals are ignored with a warning', () => {
    assert.equal(fn('Inherits').functionName, 'Inherits');
    assert.deepEqual(model.warnings[0], {
      message: 'Globals.Function.FunctionName is not a property SAM takes from Globals — it is ignored; set it on each function',
      location: { file, line: 6, column: 5 },
    });
  });

  test('an inherited Handler is located at the resource; an own one at its key', () => {
    assert.deepEqual(fn('Inherits').handlerLocation, { file, line: 12, column: 3 });
    assert.deepEqual(fn('Plain').handlerLocation, { file, line: 32, column: 7 });
  });

  test('InlineCode of a serverless function is kept with a warning', () => {
    assert.equal(fn('Inline').inlineCode, 'def handler(event, context): return 1');
    assert.equal(fn('Inline').codeDir, fixture('sam-app'));
    assert.deepEqual(model.warnings[1], {
      message: 'Inline has its code inline (InlineCode) — it is not on disk; to invoke it locally, move the code into a folder and point CodeUri/Code at it',
      location: { file, line: 27, column: 19 },
    });
    assert.equal(model.warnings.length, 2);
  });
});
