// packaged-template.yaml: the user's template, comments kept, with CodeUri/Code/ContentUri pointing at the zips and
// every other local path still right from the output folder; functions that cannot be packaged are said so.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { copyFixture, lib, packageDir, root, tempDir } from './support.mjs';

const yaml = createRequire(path.join(root, 'package.json'))('yaml');

describe('packaged-template.yaml', () => {
  it('points packaged functions at their zips, keeps comments, and rebases what was not packaged', async (t) => {
    const dir = copyFixture(t, 'node');
    const run = await packageDir(dir, { functions: ['CjsFunction', 'SamFunction'], verify: false });
    assert.equal(run.packagedTemplate, path.join(dir, 'out', 'packaged-template.yaml'));
    const text = fs.readFileSync(run.packagedTemplate, 'utf8');
    assert.match(text, /^# Node\.js and TypeScript handlers, bundled with and without SAM's esbuild BuildProperties\.$/m);
    assert.match(text, /# CommonJS, with a handler in a sub-folder and a vendored module\./);
    const resources = yaml.parse(text).Resources;
    assert.equal(resources.CjsFunction.Properties.CodeUri, 'CjsFunction.zip');
    assert.equal(resources.CjsFunction.Properties.Handler, 'src/app.handler');
    assert.equal(resources.SamFunction.Properties.CodeUri, 'SamFunction.zip');
    assert.equal(resources.SamFunction.Properties.Handler, 'app.handler', 'the handler as it resolves in the bundle');
    assert.deepEqual(resources.SamFunction.Properties.Environment, { Variables: { NODE_OPTIONS: '--enable-source-maps' } });
    assert.equal(resources.EsmFunction.Properties.CodeUri, '../esm', 'still the source folder, seen from the output folder');
    assert.equal(resources.SamFunction.Metadata.BuildMethod, 'esbuild');
  });

  it('writes out CodeUri inherited from Globals or left at its default, and layer ContentUri', async (t) => {
    const dir = copyFixture(t, 'provided');
    fs.writeFileSync(path.join(dir, 'template.yaml'), [
      'Globals:',
      '  Function:',
      '    CodeUri: custom/',
      '    Runtime: provided.al2023',
      'Resources:',
      '  ToolsLayer:',
      '    Type: AWS::Serverless::LayerVersion',
      '    Properties:',
      '      ContentUri: layer/',
      '  CustomFunction:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: x',
      '      Layers: [!Ref ToolsLayer]',
      '  Other:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: x',
    ].join('\n'));
    const run = await packageDir(dir, { functions: ['CustomFunction'], verify: false });
    const packaged = yaml.parseDocument(fs.readFileSync(run.packagedTemplate, 'utf8'), { customTags: [{ tag: '!Ref', resolve: (v) => ({ Ref: v }) }] }).toJS();
    assert.equal(packaged.Resources.CustomFunction.Properties.CodeUri, 'CustomFunction.zip');
    assert.equal(packaged.Resources.ToolsLayer.Properties.ContentUri, 'ToolsLayer.zip');
    assert.equal(packaged.Resources.Other.Properties.CodeUri, '../custom');
    assert.equal(packaged.Globals.Function.CodeUri, '../custom');
    assert.match(fs.readFileSync(run.packagedTemplate, 'utf8'), /Layers: \[!Ref ToolsLayer\]/, 'short tags are kept as written');
  });

  it('skips functions whose code is not local, and refuses to package one by name', async (t) => {
    const dir = tempDir(t);
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src', 'app.js'), 'exports.handler = async () => 1;\n');
    fs.writeFileSync(path.join(dir, 'template.yaml'), [
      'Resources:',
      '  Local:',
      '    Type: AWS::Serverless::Function',
      '    Properties: { CodeUri: src/, Handler: app.handler, Runtime: nodejs20.x }',
      '  InS3:',
      '    Type: AWS::Serverless::Function',
      '    Properties: { CodeUri: s3://bucket/code.zip, Handler: app.handler, Runtime: nodejs20.x }',
      '  Inline:',
      '    Type: AWS::Serverless::Function',
      '    Properties: { InlineCode: "exports.handler = async () => 1", Handler: index.handler, Runtime: nodejs20.x }',
      '  Image:',
      '    Type: AWS::Serverless::Function',
      '    Properties: { PackageType: Image, ImageUri: repo/image:latest }',
    ].join('\n'));
    const run = await packageDir(dir, { verify: false });
    assert.deepEqual(run.results.map((r) => r.logicalId), ['Local']);
    assert.deepEqual(run.skipped, [
      { logicalId: 'InS3', reason: 'its code is at s3://bucket/code.zip, not in a local folder' },
      { logicalId: 'Inline', reason: 'its code is inline in the template' },
      { logicalId: 'Image', reason: 'it is an Image function (build and push its image instead)' },
    ]);
    const packaged = yaml.parse(fs.readFileSync(run.packagedTemplate, 'utf8'));
    assert.equal(packaged.Resources.InS3.Properties.CodeUri, 's3://bucket/code.zip');
    await assert.rejects(packageDir(dir, { functions: ['InS3'] }), (error) => error instanceof lib.PackageError &&
      /^InS3 cannot be packaged: its code is at s3:\/\/bucket\/code\.zip, not in a local folder — package a function whose code is in a local folder$/.test(error.message));
  });

  it('refuses an unknown function with the model\'s one-line error', async (t) => {
    const dir = copyFixture(t, 'provided');
    await assert.rejects(packageDir(dir, { functions: ['Nope'] }), /Function 'Nope' not found in template\.yaml\. Functions: CustomFunction/);
  });
});
