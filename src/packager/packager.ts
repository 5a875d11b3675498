// `package`: one zip per function and per local layer, each checked (handler, secrets, native code, Lambda's size
// limits) and invoked once from its unpacked zip, then packaged-template.yaml pointing at the zips.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkbenchError } from '../errors';
import { findFunction } from '../model';
import type { FunctionModel, LayerModel, TemplateModel } from '../model/types';
import { handlerProblem } from './checks/handler';
import { nativeMismatches } from './checks/native';
import { formatBytes, largest } from './checks/sizes';
import { functionContent, layerContent, type ContentContext, type PackageContent } from './content';
import { BuildFailure, PackageError } from './errors';
import { packagedTemplateText, type PackagedCode } from './packagedTemplate';
import { remoteCodeReason } from './remoteCode';
import { smokeHint, smokeInvoke } from './smoke';
import { DEFAULT_PACKAGE_DIR, LAMBDA_ZIP_LIMITS, type PackageOptions, type PackageResult, type PackageRun, type SizeItem } from './types';
import { extractZip } from './zip/zipReader';
import { writeZip, ZipError } from './zip/zipWriter';

/** A built zip with what the checks need to know about it. */
interface Built {
  result: PackageResult;
  content?: PackageContent;
  names: Set<string>;
  sizes: SizeItem[];
}

export async function packageTemplate(model: TemplateModel, options: PackageOptions = {}): Promise<PackageRun> {
  const outDir = path.resolve(options.outDir ?? path.join(model.dir, DEFAULT_PACKAGE_DIR));
  const limits = { ...LAMBDA_ZIP_LIMITS, ...options.limits };
  const { functions, skipped } = selectFunctions(model, options.functions);
  const layers = selectLayers(model, functions, options.functions);
  if (functions.length === 0 && layers.length === 0) {
    throw new PackageError(`Nothing to package in ${model.file}${skipped.length ? `: ${skipped.map((s) => `${s.logicalId} (${s.reason})`).join(', ')}` : ''} — add a function with its code in a local folder`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lwb-package-'));
  const context = (name: string): ContentContext => {
    const dir = path.join(scratch, name);
    fs.mkdirSync(dir, { recursive: true });
    return { templateDir: model.dir, wheelhouses: options.wheelhouses ?? [], env: options.env ?? process.env, skip: [outDir], scratch: dir };
  };
  const results: PackageResult[] = [];
  const builtLayers = new Map<string, Built>();
  const builtFunctions = new Map<string, Built>();
  const unpackedLayers = new Map<string, string>();
  try {
    for (const layer of layers) {
      options.onProgress?.(`Packaging layer ${layer.logicalId}…`);
      const architecture = functions.find((fn) => fn.layers.some((l) => l.logicalId === layer.logicalId))?.architecture ?? 'x86_64';
      const built = await build(layer.logicalId, 'layer', layer.logicalId, outDir, options, () => layerContent(layer, architecture, context(`layer-${layer.logicalId}`)));
      built.result.uploadCommands = layerCommands(layer, built.result, limits.zippedBytes);
      zippedLimit(built.result, limits.zippedBytes);
      builtLayers.set(layer.logicalId, built);
      results.push(built.result);
    }
    for (const fn of functions) {
      options.onProgress?.(`Packaging ${fn.logicalId} (${fn.runtime ?? 'no runtime'})…`);
      const built = await build(fn.logicalId, 'function', fn.functionName, outDir, options, () => functionContent(fn, context(`function-${fn.logicalId}`)));
      const result = built.result;
      results.push(result);
      builtFunctions.set(fn.logicalId, built);
      if (!built.content || !result.zipFile) continue;
      const fnLayers = fn.layers.map((layer) => builtLayers.get(layer.logicalId)).filter((layer): layer is Built => layer !== undefined);
      check(fn, built, fnLayers, limits);
      result.uploadCommands = functionCommands(fn, result, limits.zippedBytes);
      if (options.verify !== false) await verify(model, fn, built, fnLayers, unpackedLayers, scratch, options);
      result.ok = !result.findings.some((finding) => finding.level === 'error') && (result.smoke?.ok ?? true);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const packaged = new Map<string, PackagedCode>();
  for (const result of results) {
    if (!result.zipFile) continue;
    const environment = result.kind === 'function' ? builtFunctions.get(result.logicalId)?.content?.environment : undefined;
    packaged.set(result.logicalId, { zipFile: result.zipFile, handler: result.handlerChanged ? result.handler : undefined, environment });
  }
  const packagedTemplate = path.join(outDir, 'packaged-template.yaml');
  fs.writeFileSync(packagedTemplate, packagedTemplateText(model, outDir, packaged));
  return { outDir, packagedTemplate, results, skipped };
}

function selectFunctions(model: TemplateModel, ids: string[] | undefined): { functions: FunctionModel[]; skipped: PackageRun['skipped'] } {
  const wanted = ids?.length ? [...new Set(ids.map((id) => findFunction(model, id)))] : model.functions;
  const functions: FunctionModel[] = [];
  const skipped: PackageRun['skipped'] = [];
  for (const fn of wanted) {
    const reason = fn.packageType === 'Image' ? 'it is an Image function (build and push its image instead)'
      : fn.inlineCode !== undefined ? 'its code is inline in the template'
      : remoteCodeReason(model, fn);
    if (!reason) functions.push(fn);
    else if (ids?.length) throw new PackageError(`${fn.logicalId} cannot be packaged: ${reason} — package a function whose code is in a local folder`);
    else skipped.push({ logicalId: fn.logicalId, reason });
  }
  return { functions, skipped };
}

/** The local layers of the chosen functions; every local layer of the template when no function was named. */
function selectLayers(model: TemplateModel, functions: FunctionModel[], ids: string[] | undefined): LayerModel[] {
  if (!ids?.length) return model.layers;
  const used = new Set(functions.flatMap((fn) => fn.layers.map((layer) => layer.logicalId)));
  return model.layers.filter((layer) => used.has(layer.logicalId));
}

async function build(
  logicalId: string, kind: 'function' | 'layer', name: string, outDir: string, options: PackageOptions,
  makeContent: () => Promise<PackageContent>,
): Promise<Built> {
  const result: PackageResult = { kind, logicalId, name, findings: [], uploadCommands: [], ok: false };
  const zipFile = path.join(outDir, `${logicalId}.zip`);
  let content: PackageContent;
  try {
    content = await makeContent();
    result.findings.push(...content.notes);
    const written = await writeZip(zipFile, content.entries, { level: options.compressionLevel, workers: options.workers });
    Object.assign(result, { zipFile, bytes: written.bytes, sha256: written.sha256, unzippedBytes: written.unzippedBytes, entries: written.entries });
    for (const { name: file, hits } of written.secrets) {
      for (const hit of hits) {
        result.findings.push({ level: 'warning', message: `${file}:${hit.line} looks like an AWS ${hit.kind} (${hit.masked}) — take it out of the code and rotate it; give the function an execution role, or read it from Secrets Manager` });
      }
    }
  } catch (error) {
    if (!(error instanceof BuildFailure || error instanceof WorkbenchError || error instanceof ZipError)) throw error;
    fs.rmSync(zipFile, { force: true });
    result.findings.push({ level: 'error', message: error.message });
    return { result, names: new Set(), sizes: [] };
  }
  result.handler = content.handler;
  result.handlerChanged = content.handlerChanged;
  result.ok = !result.findings.some((finding) => finding.level === 'error');
  const files = content.entries.filter((entry) => entry.source);
  const sizes = files.map((entry) => ({ path: entry.name, bytes: entry.source && 'file' in entry.source ? entry.source.size : entry.source && 'data' in entry.source ? entry.source.data.length : 0 }));
  return { result, content, names: new Set(files.map((entry) => entry.name)), sizes };
}

/** Handler, native code, and Lambda's size limits (the function with its layers). */
function check(fn: FunctionModel, built: Built, layers: Built[], limits: { zippedBytes: number; unzippedBytes: number }): void {
  const { result, content } = built;
  if (!content) return;
  const findings = result.findings;
  const problem = handlerProblem(fn.runtime ?? '', result.handler, { own: built.names, layers: layers.map((layer) => layer.names) });
  if (problem) findings.push({ level: 'error', message: `${problem} — Lambda would fail the first invoke` });
  const natives = [...content.natives, ...layers.flatMap((layer) => layer.content?.natives.map((n) => ({ ...n, name: `${layer.result.logicalId}:${n.name}` })) ?? [])];
  for (const message of nativeMismatches(natives, fn.architecture, fn.runtime)) findings.push({ level: 'warning', message });
  if (result.handlerChanged) {
    findings.push({ level: 'warning', message: `SAM's esbuild puts the bundle at the root: the Handler in the zip is ${result.handler} (packaged-template.yaml has it; update the function's configuration too)` });
  }
  const zippedOver = zippedLimit(result, limits.zippedBytes);
  const total = (result.unzippedBytes ?? 0) + layers.reduce((sum, layer) => sum + (layer.result.unzippedBytes ?? 0), 0);
  const unzippedOver = total > limits.unzippedBytes;
  if (unzippedOver) {
    const parts = [`function ${formatBytes(result.unzippedBytes ?? 0)}`, ...layers.map((layer) => `${layer.result.logicalId} ${formatBytes(layer.result.unzippedBytes ?? 0)}`)];
    findings.push({
      level: 'error',
      message: `unzipped, the function${layers.length ? ' and its layers' : ''} come to ${formatBytes(total)} (${total} bytes: ${parts.join(', ')}), over Lambda's ${formatBytes(limits.unzippedBytes)} limit — trim the largest files and folders listed`,
    });
  }
  if (zippedOver || unzippedOver) {
    result.largest = largest([...built.sizes, ...layers.flatMap((layer) => layer.sizes.map((s) => ({ path: `${layer.result.logicalId}:${s.path}`, bytes: s.bytes })))]);
  }
}

function zippedLimit(result: PackageResult, limit: number): boolean {
  if (result.bytes === undefined || result.bytes <= limit) return false;
  if (!result.findings.some((finding) => finding.message.startsWith('the zip is '))) {
    result.findings.push({
      level: 'warning',
      message: `the zip is ${formatBytes(result.bytes)} (${result.bytes} bytes), over the ${formatBytes(limit)} Lambda accepts for direct upload (--zip-file) — upload it to S3 and point Lambda at it (commands below)`,
    });
  }
  return true;
}

async function verify(
  model: TemplateModel, fn: FunctionModel, built: Built, layers: Built[], unpacked: Map<string, string>, scratch: string, options: PackageOptions,
): Promise<void> {
  const { result } = built;
  if (result.findings.some((finding) => finding.level === 'error') || !result.zipFile) {
    result.findings.push({ level: 'info', message: 'the smoke invoke was skipped: the package has errors' });
    return;
  }
  if (layers.length !== fn.layers.length || layers.some((layer) => !layer.result.zipFile)) {
    result.findings.push({ level: 'error', message: 'a layer of this function could not be packaged, so the function cannot be invoked from its zip' });
    return;
  }
  const layerDirs: string[] = [];
  for (const layer of layers) {
    let dir = unpacked.get(layer.result.logicalId);
    if (!dir) {
      dir = path.join(scratch, 'unpacked-layers', layer.result.logicalId);
      fs.mkdirSync(dir, { recursive: true });
      await extractZip(layer.result.zipFile as string, dir);
      unpacked.set(layer.result.logicalId, dir);
    }
    layerDirs.push(dir);
  }
  options.onProgress?.(`Invoking ${fn.logicalId} from its zip…`);
  try {
    const smoke = await smokeInvoke({
      template: model, fn, zipFile: result.zipFile, handler: result.handler ?? fn.handler ?? '', environment: built.content?.environment ?? {},
      layerDirs, runner: options.runner, onLog: options.onLog,
    });
    result.smoke = smoke.result;
    for (const warning of smoke.warnings) result.findings.push({ level: 'info', message: `smoke invoke: ${warning}` });
    if (!smoke.result.ok) {
      const error = describeError(smoke.result.payload);
      result.findings.push({
        level: 'error',
        message: `the packaged function failed its smoke invoke (event ${smoke.result.event}) with ${smoke.result.errorType ?? 'an error'}${error ? `: ${error}` : ''} — ${smokeHint(smoke.result, fn.runtime)}`,
      });
    }
  } catch (error) {
    if (!(error instanceof WorkbenchError)) throw error;
    result.findings.push({ level: 'error', message: `the packaged function could not be invoked: ${error.message}` });
  }
}

function describeError(payload: string): string {
  try {
    const document = JSON.parse(payload) as { errorMessage?: unknown };
    return typeof document.errorMessage === 'string' ? document.errorMessage.split('\n')[0].slice(0, 300) : '';
  } catch {
    return payload.slice(0, 300);
  }
}

function functionCommands(fn: FunctionModel, result: PackageResult, zippedLimitBytes: number): string[] {
  const zip = result.zipFile as string;
  const name = quote(fn.functionName);
  const commands = (result.bytes ?? 0) <= zippedLimitBytes
    ? [`aws lambda update-function-code --function-name ${name} --zip-file ${quote(`fileb://${zip}`)}`]
    : [`aws s3 cp ${quote(zip)} s3://YOUR_BUCKET/${path.basename(zip)}`,
      `aws lambda update-function-code --function-name ${name} --s3-bucket YOUR_BUCKET --s3-key ${path.basename(zip)}`];
  if (result.handlerChanged && result.handler) commands.push(`aws lambda update-function-configuration --function-name ${name} --handler ${quote(result.handler)}`);
  return commands;
}

function layerCommands(layer: LayerModel, result: PackageResult, zippedLimitBytes: number): string[] {
  if (!result.zipFile) return [];
  const zip = result.zipFile;
  const runtimes = layer.compatibleRuntimes?.length ? ` --compatible-runtimes ${layer.compatibleRuntimes.map(quote).join(' ')}` : '';
  if ((result.bytes ?? 0) <= zippedLimitBytes) return [`aws lambda publish-layer-version --layer-name ${quote(layer.logicalId)} --zip-file ${quote(`fileb://${zip}`)}${runtimes}`];
  return [`aws s3 cp ${quote(zip)} s3://YOUR_BUCKET/${path.basename(zip)}`,
    `aws lambda publish-layer-version --layer-name ${quote(layer.logicalId)} --content S3Bucket=YOUR_BUCKET,S3Key=${path.basename(zip)}${runtimes}`];
}

/** A shell word: as is when it is plain, else in single quotes. */
export function quote(word: string): string {
  return /^[A-Za-z0-9_/.:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
