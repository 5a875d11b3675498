// A Python function's (or layer's) files: its folder as it is (no bytecode), plus what requirements.txt asks for
// that the folder does not already vendor, installed by pip for Lambda's Python and architecture.
import fs from 'node:fs';
import path from 'node:path';
import type { Architecture } from '../../model/types';
import { resolveRuntime } from '../../runner/runtimes';
import { collectFolder, type Collected } from '../files/collect';
import type { Finding } from '../types';
import { pipInstall } from './pip';
import { readRequirements, vendoredNames } from './requirements';

export interface PythonContentRequest {
  /** The folder with the code (and requirements.txt). */
  dir: string;
  /** Prefix inside the zip: '' for functions, 'python/' for layers. */
  prefix: string;
  runtime: string;
  architecture: Architecture;
  label: string;
  /** Wheelhouses given by the user; `wheelhouse/` beside the code and beside the template are added. */
  wheelhouses: string[];
  templateDir: string;
  env: NodeJS.ProcessEnv;
  /** Absolute paths to leave out (the output folder). */
  skip: string[];
  /** A scratch folder of this package (removed by the caller). */
  scratch: string;
}

export interface PythonContent {
  parts: Collected[];
  notes: Finding[];
}

export async function pythonContent(request: PythonContentRequest): Promise<PythonContent> {
  const ownWheelhouse = path.join(request.dir, 'wheelhouse');
  const code = collectFolder(request.dir, { prefix: request.prefix, skip: [...request.skip, ownWheelhouse] });
  const notes: Finding[] = [];
  const requirementsFile = path.join(request.dir, 'requirements.txt');
  if (!fs.existsSync(requirementsFile)) return { parts: [code], notes };

  const { requirements, options } = readRequirements(requirementsFile);
  const vendored = vendoredNames(request.dir);
  const present = requirements.filter((req) => req.name && vendored.has(req.name));
  const wanted = requirements.filter((req) => !(req.name && vendored.has(req.name)));
  if (present.length) notes.push({ level: 'info', message: `requirements.txt: vendored in the code folder: ${present.map((r) => r.shown).join(', ')}` });
  if (wanted.length === 0) return { parts: [code], notes };

  const wheelhouses = [...request.wheelhouses, ownWheelhouse, path.join(request.templateDir, 'wheelhouse')]
    .map((dir) => path.resolve(dir))
    .filter((dir, index, all) => all.indexOf(dir) === index && fs.existsSync(dir));
  const filtered = path.join(request.scratch, 'requirements.txt');
  fs.writeFileSync(filtered, [...options, ...wanted.map((req) => req.line)].join('\n') + '\n');
  const target = path.join(request.scratch, 'site-packages');
  fs.mkdirSync(target, { recursive: true });
  const pythonVersion = request.runtime.slice('python'.length);
  const python = resolveRuntime(request.runtime, { functionName: request.label, binaries: {}, env: request.env, warn: () => undefined }).command;
  await pipInstall({
    python, pythonVersion, architecture: request.architecture, target, requirementsFile: filtered, wheelhouses,
    env: request.env, label: request.label, codeDir: request.dir, logFile: path.join(request.scratch, 'pip.log'),
  });
  notes.push({
    level: 'info',
    message: `requirements.txt: installed by pip for Python ${pythonVersion} (${request.architecture}): ${wanted.map((r) => r.shown).join(', ')}${wheelhouses.length ? ` (wheelhouses: ${wheelhouses.join(', ')})` : ''}`,
  });
  // What the code folder vendors itself wins over what pip brought along as a dependency.
  const installed = collectFolder(target, { prefix: request.prefix });
  const taken = new Set(code.files.map((file) => file.name));
  installed.files = installed.files.filter((file) => !taken.has(file.name));
  return { parts: [code, installed], notes };
}
