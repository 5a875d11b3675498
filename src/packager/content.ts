// What goes into each zip, by runtime family: a Node.js bundle, a Python tree with its requirements, a custom
// runtime's folder with an executable bootstrap; a layer's folder (Python layers built like SAM builds them).
import fs from 'node:fs';
import path from 'node:path';
import type { Architecture, FunctionModel, LayerModel } from '../model/types';
import { runtimeFamily } from '../runner/runtimes';
import { isNativeName, readHead, type NativeFile } from './checks/native';
import { BuildFailure } from './errors';
import { collectFolder, type Collected } from './files/collect';
import { bundleNodeFunction, esbuildAvailable } from './node/bundle';
import { pythonContent } from './python/pythonContent';
import type { Finding } from './types';
import type { ZipEntry } from './zip/zipWriter';

export interface PackageContent {
  entries: ZipEntry[];
  notes: Finding[];
  natives: NativeFile[];
  /** The Handler that resolves in the zip (functions). */
  handler?: string;
  handlerChanged?: boolean;
  /** Variables the built function needs. */
  environment?: Record<string, string>;
}

export interface ContentContext {
  templateDir: string;
  wheelhouses: string[];
  env: NodeJS.ProcessEnv;
  /** Absolute paths never packaged (the output folder). */
  skip: string[];
  /** A scratch folder for this package. */
  scratch: string;
}

/** The file the Handler's module names, if one exists in the code folder. */
function handlerModuleFile(fn: FunctionModel): string | undefined {
  if (!fn.handler) return undefined;
  const base = path.posix.basename(fn.handler);
  const module = path.join(fn.codeDir, path.posix.dirname(fn.handler), base.slice(0, base.indexOf('.')));
  return ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', ''].map((ext) => module + ext).find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
}

export async function functionContent(fn: FunctionModel, context: ContentContext): Promise<PackageContent> {
  const family = runtimeFamily(fn.runtime);
  if (!family || !fn.runtime) throw new BuildFailure(`${fn.logicalId} has Runtime '${fn.runtime ?? '(none)'}', which lambda-workbench cannot package — use a nodejs, python or provided runtime`);
  if (family === 'nodejs' && !esbuildAvailable(fn.codeDir) && fn.build?.method !== 'esbuild' && !/\.(c|m)?ts$/.test(handlerModuleFile(fn) ?? '')) {
    // Without any esbuild (an installed extension ships none), JavaScript is packaged as `sam build` packages it
    // without a BuildMethod: the folder as is, its node_modules included.
    const content = fromCollected([collectFolder(fn.codeDir, { skip: context.skip })], [
      { level: 'warning', message: 'esbuild was not found, so the code folder was packaged as is (node_modules included) rather than bundled — install esbuild in the project (npm install --save-dev esbuild) for a smaller zip' },
    ]);
    return { ...content, handler: fn.handler };
  }
  if (family === 'nodejs') {
    const bundle = await bundleNodeFunction(fn);
    const notes: Finding[] = [{ level: 'info', message: bundle.description }];
    for (const warning of bundle.warnings) notes.push({ level: 'warning', message: `esbuild: ${warning}` });
    if (fn.build && fn.build.method !== 'esbuild') notes.push({ level: 'warning', message: `BuildMethod ${fn.build.method} is not run by lambda-workbench; the function was bundled from its Handler instead` });
    const entries: ZipEntry[] = [];
    const natives: NativeFile[] = [];
    for (const file of bundle.files) {
      entries.push({ name: file.name, mode: 0o644, source: { data: file.data } });
      if (isNativeName(file.name)) natives.push({ name: file.name, head: file.data.subarray(0, 64) });
    }
    entries.push(...parentDirectories(bundle.files.map((file) => file.name)));
    return { entries, notes, natives, handler: bundle.handler, handlerChanged: bundle.handlerChanged, environment: bundle.environment };
  }
  if (family === 'python') {
    const python = await pythonContent({
      dir: fn.codeDir, prefix: '', runtime: fn.runtime, architecture: fn.architecture, label: fn.logicalId,
      wheelhouses: context.wheelhouses, templateDir: context.templateDir, env: context.env, skip: context.skip, scratch: context.scratch,
    });
    return { ...fromCollected(python.parts, python.notes), handler: fn.handler };
  }
  const content = fromCollected([collectFolder(fn.codeDir, { skip: context.skip })], []);
  // Lambda runs /var/task/bootstrap: it must be executable, whatever the file system it came from kept.
  for (const entry of content.entries) if (entry.name === 'bootstrap') entry.mode = 0o755;
  return { ...content, handler: fn.handler };
}

export async function layerContent(layer: LayerModel, architecture: Architecture, context: ContentContext): Promise<PackageContent> {
  const method = layer.build?.method;
  if (method && /^python3\.\d+$/.test(method)) {
    // As `sam build` builds a Python layer: the folder and its requirements under python/ (on sys.path in /opt).
    const python = await pythonContent({
      dir: layer.contentDir, prefix: 'python/', runtime: method, architecture, label: layer.logicalId,
      wheelhouses: context.wheelhouses, templateDir: context.templateDir, env: context.env, skip: context.skip, scratch: context.scratch,
    });
    return fromCollected(python.parts, python.notes);
  }
  const notes: Finding[] = method ? [{ level: 'warning', message: `BuildMethod ${method} of layer ${layer.logicalId} is not run by lambda-workbench; its folder is packaged as it is` }] : [];
  return fromCollected([collectFolder(layer.contentDir, { skip: context.skip })], notes);
}

function fromCollected(parts: Collected[], notes: Finding[]): PackageContent {
  const entries: ZipEntry[] = [];
  const natives: NativeFile[] = [];
  const excluded: string[] = [];
  for (const part of parts) {
    for (const file of part.files) {
      entries.push({ name: file.name, mode: file.mode, source: { file: file.file, size: file.size } });
      if (isNativeName(file.name)) natives.push({ name: file.name, head: readHead(file.file) });
    }
    excluded.push(...part.excluded.map((item) => `${item.path} (${item.reason})`));
    for (const link of part.brokenLinks) notes.push({ level: 'warning', message: `${link} is a link to nothing; it was left out` });
  }
  // Folders that hold files get their own entries (0755); empty ones, or emptied by what was left out, none.
  entries.push(...parentDirectories(entries.map((entry) => entry.name)));
  if (excluded.length) {
    const shown = excluded.slice(0, 8).join(', ');
    notes.push({ level: 'info', message: `left out: ${shown}${excluded.length > 8 ? ` and ${excluded.length - 8} more` : ''}` });
  }
  return { entries, notes, natives };
}

/** The folders of a set of file names, as directory entries. */
function parentDirectories(names: string[]): ZipEntry[] {
  const dirs = new Set<string>();
  for (const name of names) {
    for (let dir = path.posix.dirname(name); dir !== '.' && dir !== '/'; dir = path.posix.dirname(dir)) dirs.add(`${dir}/`);
  }
  return [...dirs].map((name) => ({ name, mode: 0o755 }));
}
