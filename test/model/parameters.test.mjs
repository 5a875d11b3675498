// Parameters: defaults, --parameter-overrides (both SAM forms), constraints, and the overrides parser.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lib } from '../helpers/invoke.mjs';
import { fixture, positionOf } from './helpers.mjs';

const file = fixture('sam-app', 'template.yaml');
const load = (parameterOverrides) => lib.loadTemplate(file, { parameterOverrides });

function assertTemplateError(run, message) {
  assert.throws(run, (error) => {
    assert.ok(error instanceof lib.TemplateError, `not a TemplateError: ${error}`);
    assert.equal(error.message, message);
    return true;
  });
}

describe('parameter values', () => {
  test('overrides replace defaults; list parameters resolve to lists', () => {
    const model = load({ Stage: 'staging', AllowedOrigins: 'https://a.example, https://b.example' });
    assert.equal(model.parameters.Stage, 'staging');
    const api = lib.findFunction(model, 'ApiFunction');
    assert.equal(api.environment.STAGE, 'staging');
    assert.equal(api.environment.ALLOWED_ORIGINS, 'https://a.example,https://b.example');
    assert.deepEqual(api.functionUrl.cors.AllowOrigins, ['https://a.example', 'https://b.example']);
  });

  test('a value outside AllowedValues is an error at the parameter, naming the allowed values', () => {
    const { line, column } = positionOf(file, 'Stage:');
    assertTemplateError(() => load({ Stage: 'qa' }),
      `${file}:${line}:${column}: Parameter Stage is 'qa' (from --parameter-overrides), which is not one of its AllowedValues: dev, staging, prod — pass a valid value: --parameter-overrides Stage=<value>`);
  });

  test('a Default outside AllowedValues is an error too', () => {
    const bad = fixture('errors', 'bad-default.yaml');
    assertTemplateError(() => lib.loadTemplate(bad),
      `${bad}:4:3: Parameter Stage is 'qa' (its Default), which is not one of its AllowedValues: dev, prod — fix the Default or pass --parameter-overrides Stage=<value>`);
  });

  test('Number parameters must be numbers within MinValue/MaxValue', () => {
    const { line, column } = positionOf(file, 'WorkerMemory:');
    assertTemplateError(() => load({ WorkerMemory: 'lots' }),
      `${file}:${line}:${column}: Parameter WorkerMemory is 'lots' (from --parameter-overrides), which is not a number — pass a valid value: --parameter-overrides WorkerMemory=<value>`);
    assertTemplateError(() => load({ WorkerMemory: '64' }),
      `${file}:${line}:${column}: Parameter WorkerMemory is '64' (from --parameter-overrides), which is below its MinValue 128 — pass a valid value: --parameter-overrides WorkerMemory=<value>`);
  });

  test('an unknown parameter in the overrides is an error listing the parameters', () => {
    const { line, column } = positionOf(file, 'Parameters:');
    assertTemplateError(() => load({ Stgae: 'prod' }),
      `${file}:${line}:${column}: Unknown parameter 'Stgae' in --parameter-overrides; the template's parameters are: Stage, LogLevel, WorkerMemory, AllowedOrigins, ApiKey, DbUrlParam — fix the name or declare it under Parameters`);
    assertTemplateError(() => load({ 'AWS::Regoin': 'eu-west-1' }),
      `${file}: Unknown pseudo parameter 'AWS::Regoin' in --parameter-overrides — use one of AWS::AccountId, AWS::NotificationARNs, AWS::Partition, AWS::Region, AWS::StackId, AWS::StackName, AWS::URLSuffix`);
  });

  test('AllowedPattern and lengths are checked; a parameter without a value warns and stays unresolved', () => {
    const template = `Parameters:
  Prefix:
    Type: String
    AllowedPattern: "[a-z]+"
    ConstraintDescription: lower-case letters only
    MaxLength: 5
  Secret:
    Type: String
    NoEcho: true
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: .
      Handler: app.handler
      Runtime: nodejs20.x
      Environment:
        Variables:
          PREFIX: !Ref Prefix
          SECRET: !Ref Secret
`;
    const where = fixture('sam-app', 'inline.yaml');
    assertTemplateError(() => lib.parseTemplateText(template, where, { parameterOverrides: { Prefix: 'ABC', Secret: 's' } }),
      `${where}:2:3: Parameter Prefix is 'ABC' (from --parameter-overrides), which does not match its AllowedPattern [a-z]+ (lower-case letters only) — pass a valid value: --parameter-overrides Prefix=<value>`);
    assertTemplateError(() => lib.parseTemplateText(template, where, { parameterOverrides: { Prefix: 'abcdef', Secret: 's' } }),
      `${where}:2:3: Parameter Prefix is 'abcdef' (from --parameter-overrides), which is longer than its MaxLength 5 (lower-case letters only) — pass a valid value: --parameter-overrides Prefix=<value>`);

    const model = lib.parseTemplateText(template, where, { parameterOverrides: { Prefix: 'abc' } });
    assert.deepEqual(model.functions[0].environment, { PREFIX: 'abc', SECRET: '' });
    assert.deepEqual(model.parameters, { Prefix: 'abc' });
    assert.deepEqual(model.warnings.map((w) => [w.location.line, w.message]), [
      [7, 'Parameter Secret has no Default and no override — pass --parameter-overrides Secret=<value>; references to it stay unresolved'],
      [20, 'Environment variable SECRET of Fn: !Ref Secret cannot be resolved locally (parameter Secret has no Default and no override) — it is set to an empty string, as sam local does; set it with --env-vars'],
    ]);
  });
});

describe('parseParameterOverrides', () => {
  test('Key=Value pairs separated by spaces', () => {
    assert.deepEqual(lib.parseParameterOverrides('Stage=prod  WorkerMemory=1024\tLogLevel=DEBUG'), { Stage: 'prod', WorkerMemory: '1024', LogLevel: 'DEBUG' });
  });

  test('ParameterKey=Key,ParameterValue=Value pairs (values may hold commas and =)', () => {
    assert.deepEqual(lib.parseParameterOverrides('ParameterKey=Stage,ParameterValue=prod ParameterKey=Origins,ParameterValue=a,b ParameterKey=Q,ParameterValue=x=y'),
      { Stage: 'prod', Origins: 'a,b', Q: 'x=y' });
  });

  test('quoted values, escaped quotes and spaces, empty values, Windows paths', () => {
    assert.deepEqual(lib.parseParameterOverrides(`Greeting="hello world" Name='it''s' Quote="say \\"hi\\"" Spaced=a\\ b Empty= Path=C:\\dir\\file`),
      { Greeting: 'hello world', Name: 'its', Quote: 'say "hi"', Spaced: 'a b', Empty: '', Path: 'C:\\dir\\file' });
    assert.deepEqual(lib.parseParameterOverrides('ParameterKey=Greeting,ParameterValue="hello world"'), { Greeting: 'hello world' });
    assert.deepEqual(lib.parseParameterOverrides('"Greeting=hello world" AWS::Region=eu-west-1'), { Greeting: 'hello world', 'AWS::Region': 'eu-west-1' });
    assert.deepEqual(lib.parseParameterOverrides('   '), {});
  });

  test('malformed text is a one-line error saying how to write it', () => {
    assertTemplateError(() => lib.parseParameterOverrides('Stage prod'),
      "--parameter-overrides: 'Stage' is not Key=Value — write Key=Value or ParameterKey=Key,ParameterValue=Value, separated by spaces");
    assertTemplateError(() => lib.parseParameterOverrides('=prod'),
      "--parameter-overrides: '=prod' is not Key=Value — write Key=Value or ParameterKey=Key,ParameterValue=Value, separated by spaces");
    assertTemplateError(() => lib.parseParameterOverrides('Stage="prod'),
      '--parameter-overrides: a " quote is not closed in: Stage="prod — close the quote');
  });
});
