// One block of warm invokes in a process of its own, for bench/invoke.bench.mjs: `workbench` (Runner.invoke) or
// `lambda-local` (execute()), measured after the given number of warm-up invokes; prints the samples (ms) as JSON. A
// process per block keeps one tool's garbage from being collected during the other's measurements.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const handlerDir = path.join(here, 'hello');
const [tool, countArg, warmUpArg] = process.argv.slice(2);
const count = Number(countArg);
const warmUp = Number(warmUpArg);
const event = JSON.stringify({ name: 'bench' });

async function measure(call) {
  for (let i = 0; i < warmUp; i++) await call();
  const samples = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await call();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

let samples;
if (tool === 'workbench') {
  const lib = require(path.join(root, 'dist', 'lib.js'));
  const runner = new lib.Runner({ onWarning: () => {} });
  const fn = { functionName: 'bench', codeDir: handlerDir, handler: 'index.handler', runtime: 'nodejs20.x', memorySize: 128, timeout: 3,
    environment: {}, architecture: 'x86_64', ephemeralStorage: 512, logging: { logFormat: 'Text' }, layers: [] };
  try {
    samples = await measure(async () => {
      const result = await runner.invoke(fn, event);
      if (result.functionError) throw new Error(result.payload.toString());
    });
  } finally {
    await runner.dispose();
  }
} else if (tool === 'lambda-local') {
  const lambdaLocal = require('lambda-local');
  lambdaLocal.getLogger().level = 'error';
  const parsed = JSON.parse(event);
  samples = await measure(() => lambdaLocal.execute({ event: parsed, lambdaPath: path.join(handlerDir, 'index.js'), lambdaHandler: 'handler', timeoutMs: 3000, verboseLevel: 0 }));
} else {
  throw new Error(`unknown tool '${tool}': workbench or lambda-local`);
}
process.stdout.write(JSON.stringify(samples));
