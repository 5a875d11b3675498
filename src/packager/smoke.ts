// "Works locally" should mean "the artifact works": the zip is unpacked into a temporary folder and invoked from
// there by the same runner `invoke` uses, with the function's first saved event (or `{}`), its layers unpacked
// from their zips too. A failure — a dependency left out, a bundling mistake — fails the package.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listSavedEvents, readEventFile } from '../events/savedEvents';
import type { FunctionModel, TemplateModel } from '../model/types';
import { Runner } from '../runner';
import type { RunnerOptions } from '../runner/types';
import type { SmokeResult } from './types';
import { extractZip } from './zip/zipReader';

export interface SmokeRequest {
  template: TemplateModel;
  fn: FunctionModel;
  zipFile: string;
  /** The handler that resolves in the zip. */
  handler: string;
  /** Extra variables the built function needs (SAM source maps). */
  environment: Record<string, string>;
  /** Unpacked layer folders, in the function's order. */
  layerDirs: string[];
  runner?: RunnerOptions;
  onLog?: (line: string) => void;
}

export async function smokeInvoke(request: SmokeRequest): Promise<{ result: SmokeResult; warnings: string[] }> {
  const { fn, template } = request;
  const scratch = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lwb-smoke-'));
  const warnings: string[] = [];
  const runner = new Runner({ ...request.runner, onWarning: (message) => warnings.push(message) });
  try {
    const taskRoot = path.join(scratch, 'task');
    await fs.promises.mkdir(taskRoot);
    await extractZip(request.zipFile, taskRoot);
    if (fn.runtime?.startsWith('nodejs')) await provideAwsSdk(fn.codeDir, taskRoot);
    const saved = listSavedEvents(template, fn)[0];
    const event = saved ? readEventFile(saved.file) : Buffer.from('{}');
    const started = Date.now();
    const result = await runner.invoke(
      {
        ...fn,
        codeDir: taskRoot,
        handler: request.handler,
        environment: { ...fn.environment, ...request.environment },
        layers: request.layerDirs.map((contentDir) => ({ contentDir })),
      },
      event,
      { onLog: request.onLog },
    );
    const payload = result.payload.toString('utf8');
    return {
      result: {
        event: saved ? path.relative(template.dir, saved.file) : '{}',
        ok: !result.functionError,
        payload,
        errorType: result.errorType,
        logs: result.logs,
        durationMs: Date.now() - started,
      },
      warnings,
    };
  } finally {
    await runner.dispose();
    await fs.promises.rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Lambda's Node.js runtimes ship the AWS SDK v3, and the bundle leaves `@aws-sdk/*` to them. Here the SDK the
 * project has installed stands in for it: linked into the unpacked task root for the smoke invoke only.
 */
async function provideAwsSdk(codeDir: string, taskRoot: string): Promise<void> {
  for (let dir = codeDir; ; dir = path.dirname(dir)) {
    const sdk = path.join(dir, 'node_modules', '@aws-sdk');
    if (fs.existsSync(sdk)) {
      await fs.promises.mkdir(path.join(taskRoot, 'node_modules'), { recursive: true });
      await fs.promises.symlink(sdk, path.join(taskRoot, 'node_modules', '@aws-sdk'), 'dir');
      return;
    }
    if (path.dirname(dir) === dir) return;
  }
}

/** What to do about a failed smoke invoke, from its error. */
export function smokeHint(result: SmokeResult, runtime: string | undefined): string {
  const text = result.payload;
  if (/@aws-sdk\//.test(text) && /Cannot find (module|package)/.test(text)) {
    return 'Lambda provides @aws-sdk/* at run time; install it in the project (npm install --save-dev @aws-sdk/…) so the smoke invoke can find it, or pass --no-verify';
  }
  const nodeMissing = /Cannot find (?:module|package) '([^']+)'/.exec(text);
  if (nodeMissing) return `'${nodeMissing[1]}' is not in the bundle: take it out of External, or ship it in a layer`;
  const pythonMissing = /No module named '([^']+)'/.exec(text);
  if (pythonMissing) return `add the package that provides '${pythonMissing[1]}' to requirements.txt (or vendor it)`;
  if (/Cannot use import statement outside a module|Unexpected token 'export'/.test(text) && runtime?.startsWith('nodejs')) {
    return 'the bundle is ESM in a .js file, which Lambda loads as CommonJS: add OutExtension: [.js=.mjs] to BuildProperties (or use Format: cjs)';
  }
  return 'fix the function (or its saved event), or pass --no-verify to skip this check';
}
