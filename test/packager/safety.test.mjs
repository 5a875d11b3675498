// What a zip must never carry (secrets, version control, links out of the folder), content that looks like an AWS
// secret, and Lambda's size limits (tested with small limits instead of 250 MB of files).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { copyFixture, errorsOf, lib, packageDir, readZip, resultFor, tempDir, warningsOf } from './support.mjs';

const FAKE_KEY_ID = ['AKIA', 'Q3EGRLZ7VXPM4TUW'].join('');
const FAKE_SECRET = ['wJalrXUtnFEMIK7MDENG', 'bPxRfiCYzz9aB3cD4eF5'].join(''); // 40 characters

function write(dir, file, text) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

describe('never in a zip', () => {
  it('leaves out .env*, .git, .aws, private keys and credential files, at any depth, and says so', async (t) => {
    const dir = copyFixture(t, 'provided');
    const code = path.join(dir, 'custom');
    const secrets = ['.env', '.env.production', 'nested/.env.local', '.git/config', '.aws/credentials', 'id_rsa', 'id_ed25519.pub',
      'server.pem', 'tls/private.key', 'credentials', '.npmrc', 'nested/.ssh/known_hosts', 'terraform.tfstate'];
    for (const file of secrets) write(code, file, 'secret');
    write(code, 'nested/kept.txt', 'kept');
    const result = resultFor(await packageDir(dir, { verify: false }), 'CustomFunction');
    const names = (await readZip(result.zipFile)).map((e) => e.name);
    assert.deepEqual(names, ['bootstrap', 'data.txt', 'nested/', 'nested/kept.txt']);
    const note = result.findings.find((f) => f.message.startsWith('left out:')).message;
    assert.match(note, /\.env \(environment file\)/);
    assert.match(note, /\.git\/ \(version control\)/);
    assert.match(note, /and \d+ more/);
  });

  it('warns about content that looks like an AWS access key id or secret key, with file and line, masked', async (t) => {
    const dir = copyFixture(t, 'provided');
    write(path.join(dir, 'custom'), 'config.ini', `[default]\nregion = eu-west-1\naws_access_key_id = ${FAKE_KEY_ID}\naws_secret_access_key = ${FAKE_SECRET}\n`);
    write(path.join(dir, 'custom'), 'docs.md', 'AWS documents AKIAIOSFODNN7EXAMPLE and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY as examples\n');
    const result = resultFor(await packageDir(dir, { verify: false }), 'CustomFunction');
    const warnings = warningsOf(result);
    assert.equal(warnings.length, 2, warnings.join('\n'));
    assert.match(warnings[0], /^config\.ini:3 looks like an AWS access key id \(AKIA…4TUW\) — take it out of the code and rotate it/);
    assert.match(warnings[1], /^config\.ini:4 looks like an AWS secret access key \(wJal…4eF5\)/);
    assert.ok(!warnings.join('').includes(FAKE_SECRET), 'the secret itself is not printed');
    assert.equal(result.ok, true, 'a warning, not an error');
  });

  it('refuses a link out of the code folder, naming the link', async (t) => {
    const dir = copyFixture(t, 'provided');
    const outside = tempDir(t, 'lwb-outside-');
    write(outside, 'shared.txt', 'outside');
    fs.symlinkSync(outside, path.join(dir, 'custom', 'shared'));
    const result = resultFor(await packageDir(dir), 'CustomFunction');
    assert.equal(result.ok, false);
    assert.equal(result.zipFile, undefined);
    const [error] = errorsOf(result);
    assert.match(error, new RegExp(`${path.join(dir, 'custom', 'shared').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is a link to .*, outside the code folder`));
    assert.match(error, /copy the files in or remove the link/);
  });

  it('follows a link that stays inside the code folder, storing the file it points to', async (t) => {
    const dir = copyFixture(t, 'provided');
    fs.symlinkSync('data.txt', path.join(dir, 'custom', 'alias.txt'));
    const result = resultFor(await packageDir(dir, { verify: false }), 'CustomFunction');
    const alias = (await readZip(result.zipFile)).find((e) => e.name === 'alias.txt');
    assert.equal(alias.data.toString(), 'plain data\n');
    assert.equal(alias.mode, 0o644);
  });

  it('never packages the output folder when it is inside the code folder', async (t) => {
    const dir = copyFixture(t, 'provided');
    const outDir = path.join(dir, 'custom', 'build');
    await packageDir(dir, { outDir, verify: false });
    const result = resultFor(await packageDir(dir, { outDir, verify: false }), 'CustomFunction');
    assert.deepEqual((await readZip(result.zipFile)).map((e) => e.name), ['bootstrap', 'data.txt']);
  });
});

describe("Lambda's size limits", () => {
  it('warns when the zip is over the direct-upload limit, lists the largest files and folders, and prints S3 commands', async (t) => {
    const dir = copyFixture(t, 'provided');
    write(path.join(dir, 'custom'), 'assets/big.bin', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251)));
    const result = resultFor(await packageDir(dir, { limits: { zippedBytes: 1000 } }), 'CustomFunction');
    assert.equal(result.ok, true);
    assert.match(warningsOf(result).join('\n'), /the zip is [\d.]+ KB \(\d+ bytes\), over the 1000 B Lambda accepts for direct upload \(--zip-file\) — upload it to S3/);
    assert.deepEqual(result.largest.files[0], { path: 'assets/big.bin', bytes: 4000 });
    assert.deepEqual(result.largest.folders[0], { path: 'assets/', bytes: 4000 });
    assert.ok(result.largest.files.some((f) => f.path === 'ToolsLayer:bin/helper.sh'), 'layers are listed too');
    assert.match(result.uploadCommands[0], /^aws s3 cp .*CustomFunction\.zip s3:\/\/YOUR_BUCKET\/CustomFunction\.zip$/);
    assert.equal(result.uploadCommands[1], 'aws lambda update-function-code --function-name CustomFunction --s3-bucket YOUR_BUCKET --s3-key CustomFunction.zip');
  });

  it('fails when the function and its layers unzipped are over the limit, counting the layers', async (t) => {
    const dir = copyFixture(t, 'provided');
    const run = await packageDir(dir, { limits: { unzippedBytes: 1050 } });
    const result = resultFor(run, 'CustomFunction');
    assert.equal(result.ok, false);
    const [error] = errorsOf(result);
    assert.match(error, /^unzipped, the function and its layers come to 1\.0 KB \(1063 bytes: function 1\.0 KB, ToolsLayer 22 B\), over Lambda's 1\.0 KB limit — trim the largest files and folders listed$/);
    assert.deepEqual(result.largest.files.map((f) => f.path), ['bootstrap', 'ToolsLayer:bin/helper.sh', 'data.txt']);
    assert.deepEqual(result.largest.folders, [{ path: 'ToolsLayer:bin/', bytes: 22 }]);
    assert.equal(result.smoke, undefined, 'no smoke invoke for a package that cannot be deployed');
    assert.equal(resultFor(run, 'ToolsLayer').ok, true, 'the layer alone is fine');
  });

  it('uses Lambda\'s own limits by default', () => {
    assert.deepEqual(lib.LAMBDA_ZIP_LIMITS, { zippedBytes: 52_428_800, unzippedBytes: 262_144_000 });
  });
});
