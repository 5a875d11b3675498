// Node.js and TypeScript functions become one esbuild bundle (plus any copied `.node` addons):
//   - without SAM metadata, from the Handler's file, for the runtime's Node version, CommonJS or ESM as the source
//     is, written where the Handler looks for it (`src/app.handler` → `src/app.js`, or `src/app.mjs` for ESM);
//   - with `Metadata: BuildMethod: esbuild`, exactly as `sam build` would (samProperties.ts).
// `@aws-sdk/*` is always left to the runtime, which ships the AWS SDK v3 on every supported Node.js runtime.
import fs from 'node:fs';
import path from 'node:path';
import type * as Esbuild from 'esbuild';
import type { FunctionModel } from '../../model/types';
import { BuildFailure } from '../errors';
import { readSamEsbuild, samHandler } from './samProperties';

export interface BundledFile {
  name: string;
  data: Uint8Array;
}

export interface Bundle {
  files: BundledFile[];
  /** The Handler that resolves in the bundle. */
  handler: string;
  handlerChanged: boolean;
  /** Variables the built function needs (SAM: NODE_OPTIONS=--enable-source-maps with Sourcemap). */
  environment: Record<string, string>;
  warnings: string[];
  /** How it was built, for the report. */
  description: string;
}

const RUNTIME_PROVIDED = ['@aws-sdk/*'];
/** Where bundles would go: never written (write: false), but esbuild needs an output folder to name files. */
const VIRTUAL_OUT = '.lambda-workbench-bundle';
const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];

/**
 * esbuild ships a native binary, so it stays outside our bundle. As `sam build` does, the project's own esbuild is
 * preferred; else the one installed with lambda-workbench.
 */
function loadEsbuild(codeDir: string): typeof Esbuild {
  let resolved: string;
  try {
    resolved = require.resolve('esbuild', { paths: [codeDir, __dirname] });
  } catch {
    throw new BuildFailure(`esbuild is needed to bundle Node.js functions and was not found from ${codeDir} — install it (npm install --save-dev esbuild)`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(resolved) as typeof Esbuild;
}

/** Whether an esbuild can be found for this code folder (the project's own, else ours). */
export function esbuildAvailable(codeDir: string): boolean {
  try {
    require.resolve('esbuild', { paths: [codeDir, __dirname] });
    return true;
  } catch {
    return false;
  }
}

export async function bundleNodeFunction(fn: FunctionModel): Promise<Bundle> {
  const handler = fn.handler;
  if (!handler) throw new BuildFailure(`${fn.logicalId} has no Handler — set Handler (e.g. app.handler)`);
  if (fn.build?.method === 'esbuild') return bundleLikeSam(fn, handler);
  return bundleFromHandler(fn, handler);
}

async function bundleFromHandler(fn: FunctionModel, handler: string): Promise<Bundle> {
  const base = path.posix.basename(handler);
  const dot = base.indexOf('.');
  if (dot <= 0) throw new BuildFailure(`Handler '${handler}' of ${fn.logicalId} is not FILE.EXPORT — write it like app.handler`);
  const modulePath = path.posix.join(path.posix.dirname(handler), base.slice(0, dot));
  const entry = SOURCE_EXTENSIONS.map((ext) => path.join(fn.codeDir, modulePath + ext)).find((file) => fs.existsSync(file));
  if (!entry) {
    throw new BuildFailure(`Handler '${handler}' of ${fn.logicalId}: no ${modulePath}.js, .mjs, .cjs or .ts in ${fn.codeDir} — create it or fix Handler`);
  }
  const format = sourceFormat(entry);
  const target = nodeTarget(fn.runtime);
  const outdir = path.join(fn.codeDir, VIRTUAL_OUT);
  const options: Esbuild.BuildOptions = {
    entryPoints: [entry],
    outdir,
    outbase: fn.codeDir,
    entryNames: '[dir]/[name]',
    outExtension: format === 'esm' ? { '.js': '.mjs' } : {},
    format,
    target,
    external: RUNTIME_PROVIDED,
    loader: { '.node': 'copy' },
  };
  let result = await build(fn, options);
  // CommonJS packages bundled into ESM keep their require() of Node's modules; give the bundle a real require.
  if (format === 'esm' && result.outputFiles.some((file) => file.text.includes('Dynamic require of "'))) {
    options.banner = { js: "import { createRequire as __lwbCreateRequire } from 'node:module'; const require = __lwbCreateRequire(import.meta.url);" };
    result = await build(fn, options);
  }
  return {
    files: outputs(result, outdir),
    handler,
    handlerChanged: false,
    environment: {},
    warnings: formatMessages(result.warnings),
    description: `esbuild ${path.relative(fn.codeDir, entry)} → ${format.toUpperCase()} for ${target}`,
  };
}

async function bundleLikeSam(fn: FunctionModel, handler: string): Promise<Bundle> {
  const settings = readSamEsbuild(fn.build?.properties ?? {}, handler, fn.codeDir, fn.logicalId, fn.environment.NODE_OPTIONS);
  const outdir = path.join(fn.codeDir, VIRTUAL_OUT);
  const result = await build(fn, {
    entryPoints: settings.entryPoints,
    outdir,
    format: settings.format,
    target: settings.target,
    minify: settings.minify,
    sourcemap: settings.sourcemap,
    external: [...RUNTIME_PROVIDED, ...settings.external],
    packages: settings.externalPackages ? 'external' : undefined,
    mainFields: settings.mainFields,
    loader: settings.loader as Record<string, Esbuild.Loader>,
    outExtension: settings.outExtension,
    banner: settings.banner,
  });
  const files = outputs(result, outdir);
  const resolved = samHandler(handler, files.map((file) => file.name));
  const environment: Record<string, string> = {};
  const nodeOptions = fn.environment.NODE_OPTIONS ?? '';
  if (settings.sourcemap && !/(^|\s)--enable-source-maps(\s|$)/.test(nodeOptions)) environment.NODE_OPTIONS = `${nodeOptions} --enable-source-maps`.trim();
  return {
    files,
    handler: resolved.handler,
    handlerChanged: resolved.changed,
    environment,
    warnings: formatMessages(result.warnings),
    description: `esbuild (SAM BuildProperties) ${settings.entryPoints.map((e) => path.relative(fn.codeDir, e)).join(', ')} → ${settings.format.toUpperCase()} for ${settings.target.join(',')}${settings.minify ? ', minified' : ''}${settings.sourcemap ? ', with source maps' : ''}`,
  };
}

type BuildResult = Esbuild.BuildResult & { outputFiles: Esbuild.OutputFile[] };

async function build(fn: FunctionModel, options: Esbuild.BuildOptions): Promise<BuildResult> {
  try {
    return (await loadEsbuild(fn.codeDir).build({
      ...options,
      bundle: true,
      platform: 'node',
      write: false,
      absWorkingDir: fn.codeDir,
      logLevel: 'silent',
    }));
  } catch (error) {
    const failure = error as Esbuild.BuildFailure;
    if (Array.isArray(failure.errors) && failure.errors.length) {
      const [first] = formatMessages(failure.errors);
      const more = failure.errors.length > 1 ? ` (and ${failure.errors.length - 1} more)` : '';
      throw new BuildFailure(`esbuild could not bundle ${fn.logicalId}: ${first}${more}${hint(failure.errors[0].text)}`);
    }
    throw error;
  }
}

function hint(text: string): string {
  if (/^Could not resolve "/.test(text)) return ' — install it (npm install) or list it in External and ship it in a layer';
  return '';
}

function outputs(result: BuildResult, outdir: string): BundledFile[] {
  return result.outputFiles.map((file) => ({ name: path.relative(outdir, file.path).split(path.sep).join('/'), data: file.contents }));
}

function formatMessages(messages: Esbuild.Message[]): string[] {
  return messages.map((message) => {
    const at = message.location ? `${message.location.file}:${message.location.line}:${message.location.column + 1}: ` : '';
    return `${at}${message.text}`.replace(/\s*\n\s*/g, ' ');
  });
}

/** `.mjs`/`.mts` are ESM, `.cjs`/`.cts` CommonJS; `.js`/`.ts` follow the nearest package.json's "type". */
export function sourceFormat(file: string): 'cjs' | 'esm' {
  const ext = path.extname(file);
  if (ext === '.mjs' || ext === '.mts') return 'esm';
  if (ext === '.cjs' || ext === '.cts') return 'cjs';
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'node_modules') return 'cjs';
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { type?: unknown };
      return pkg.type === 'module' ? 'esm' : 'cjs';
    } catch {
      // no (readable) package.json here: look further up
    }
    if (path.dirname(dir) === dir) return 'cjs';
  }
}

/** `nodejs22.x` → `node22`. */
export function nodeTarget(runtime: string | undefined): string {
  const major = /^nodejs(\d+)\./.exec(runtime ?? '')?.[1];
  return major ? `node${major}` : 'node20';
}
