// The result panel's plain-Node modules (view model, page HTML, log levels) are not part of dist/lib.js, so the
// view tests bundle them with esbuild into a temp folder, as test/events/cli.test.mjs does for the CLI command.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { root } from '../helpers/invoke.mjs';

const require = createRequire(import.meta.url);

/** Bundles the view modules; returns their exports and a cleanup for `after`. */
export async function loadViewModules() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lwb-views-'));
  const entry = path.join(dir, 'entry.ts');
  const src = (file) => JSON.stringify(path.join(root, 'src', 'views', file));
  writeFileSync(entry, ['resultModel', 'resultHtml', 'logLevels'].map((m) => `export * from ${src(m)};`).join('\n'));
  const outfile = path.join(dir, 'views.js');
  await esbuild.build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    external: ['vscode', 'esbuild'], logLevel: 'silent' });
  return { ...require(outfile), dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const REQUEST_ID = 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef';
const TS = '2026-11-26T15:53:53.208Z';

/** An InvocationRecord with Lambda-shaped figures; `result` fields override the successful default. */
export function record({ result = {}, ...fields } = {}) {
  return {
    id: 'inv-1', functionId: 'HelloWorldFunction', functionName: 'HelloWorldFunction', templateFile: '/w/template.yaml',
    eventLabel: 'GET /hello · Api', event: '{}', startedAt: Date.parse(TS), memorySize: 128, architecture: 'x86_64',
    ...fields,
    result: {
      requestId: REQUEST_ID, contentType: 'application/json', coldStart: true, streamed: false,
      payload: Buffer.from('{"statusCode":200,"body":"{\\"message\\":\\"hello world\\"}"}'),
      logs: [
        'INIT_START Runtime Version: nodejs:22.v41\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:abc',
        `START RequestId: ${REQUEST_ID} Version: $LATEST`,
        `${TS}\t${REQUEST_ID}\tINFO\thello`,
        `END RequestId: ${REQUEST_ID}`,
        `REPORT RequestId: ${REQUEST_ID}\tDuration: 431.27 ms\tBilled Duration: 620 ms\tMemory Size: 128 MB\tMax Memory Used: 74 MB\tInit Duration: 188.41 ms\t`,
      ],
      report: { durationMs: 431.27, billedDurationMs: 620, memorySizeMB: 128, maxMemoryUsedMB: 74, initDurationMs: 188.41, status: 'success' },
      ...result,
    },
  };
}
