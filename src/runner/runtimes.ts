// Which program runs an environment for a given Lambda runtime id, and how it presents itself in INIT_START.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { errors, SUPPORTED_RUNTIMES } from '../errors';
import { stableHex64 } from '../util/ids';
import { childProcessModule } from './lazyNode';

export type RuntimeFamily = 'nodejs' | 'python' | 'provided';

export interface RuntimeLaunch {
  family: RuntimeFamily;
  runtime: string;
  /** Program and arguments; for `provided` the function's own bootstrap (resolved at start). */
  command: string;
  args: string[];
  /** e.g. `nodejs:22.v48`, for INIT_START. */
  runtimeVersion: string;
}

/** Where the bundled bootstraps live: `runtimes/` beside `dist/` (in the repo and in the packaged extension). */
export function runtimesRoot(): string {
  const candidates = [path.resolve(__dirname, '..', 'runtimes'), path.resolve(__dirname, '..', '..', 'runtimes')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'errors.json'))) ?? candidates[0];
}

let nodeEntry: string | undefined;

/**
 * The Node.js runtime's entry: its one-file build (bootstrap.bundle.js, made by the build beside its sources). Where
 * the sources are there too (a checkout; the packaged extension ships only the build) and one of them is newer than
 * the build, as after an edit not yet built, the sources themselves: an edit is never hidden by a stale build.
 */
export function nodeBootstrap(): string {
  if (nodeEntry) return nodeEntry;
  const dir = path.join(runtimesRoot(), 'node');
  const bundle = path.join(dir, 'bootstrap.bundle.js');
  const sources = path.join(dir, 'bootstrap.js');
  nodeEntry = fs.existsSync(sources) && !builtAfterSources(bundle, dir) ? sources : bundle;
  return nodeEntry;
}

function builtAfterSources(bundle: string, dir: string): boolean {
  try {
    const built = fs.statSync(bundle).mtimeMs;
    const newer = (file: string) => fs.statSync(file).mtimeMs > built;
    return !newer(path.join(dir, '..', 'errors.json'))
      && !fs.readdirSync(dir).some((name) => /\.(c|m)?js(on)?$/.test(name) && name !== 'bootstrap.bundle.js' && newer(path.join(dir, name)));
  } catch {
    return false;
  }
}

export function runtimeFamily(runtime: string | undefined): RuntimeFamily | undefined {
  if (!runtime || !(SUPPORTED_RUNTIMES as readonly string[]).includes(runtime)) return undefined;
  if (runtime.startsWith('nodejs')) return 'nodejs';
  if (runtime.startsWith('python')) return 'python';
  return 'provided';
}

/** `LAMBDA_WORKBENCH_NODEJS22_X`, `LAMBDA_WORKBENCH_PYTHON3_12`: names another binary for one runtime. */
export function binaryVariable(runtime: string): string {
  return `LAMBDA_WORKBENCH_${runtime.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

// Plausible managed-runtime version numbers, stable so logs compare.
const VERSION_LABEL: Record<string, string> = {
  'nodejs18.x': 'nodejs:18.v74', 'nodejs20.x': 'nodejs:20.v75', 'nodejs22.x': 'nodejs:22.v48', 'nodejs24.x': 'nodejs:24.v12',
  'python3.9': 'python:3.9.v91', 'python3.10': 'python:3.10.v72', 'python3.11': 'python:3.11.v71',
  'python3.12': 'python:3.12.v58', 'python3.13': 'python:3.13.v33', 'python3.14': 'python:3.14.v8',
  'provided.al2023': 'provided:al2023.v98', 'provided.al2': 'provided:al2.v120', provided: 'provided:al1.v48',
};

export function runtimeVersionArn(runtime: string, region: string): string {
  const hash = stableHex64(`lambda-workbench:${VERSION_LABEL[runtime] ?? runtime}`);
  return `arn:aws:lambda:${region}::runtime:${hash}`;
}

export interface ResolveContext {
  functionName: string;
  binaries: Record<string, string>;
  env: NodeJS.ProcessEnv;
  warn: (message: string) => void;
}

const warnedOnce = new Set<string>();

function warnOnce(ctx: ResolveContext, key: string, message: string): void {
  if (warnedOnce.has(key)) return;
  warnedOnce.add(key);
  ctx.warn(message);
}

/** The program a setting or environment variable names for `runtime`; an empty one is no setting (`NAME= lambda-workbench …`). */
function binaryOverride(runtime: string, ctx: Pick<ResolveContext, 'binaries' | 'env'>): string | undefined {
  return ctx.binaries[runtime] || ctx.env[binaryVariable(runtime)] || undefined;
}

export function resolveRuntime(runtime: string | undefined, ctx: ResolveContext): RuntimeLaunch {
  const family = runtimeFamily(runtime);
  if (!family || !runtime) throw errors.unsupportedRuntime(runtime, ctx.functionName);
  const runtimeVersion = VERSION_LABEL[runtime];
  const override = binaryOverride(runtime, ctx);
  if (family === 'nodejs') {
    const wanted = runtime.slice('nodejs'.length, runtime.indexOf('.'));
    const node = override ?? nodeBinary(wanted, ctx.env);
    const actual = nodeMajor(node);
    if (actual && actual !== wanted) {
      warnOnce(ctx, `node:${runtime}:${node}`,
        `${runtime} runs on Node.js ${actual} here (${node}); set ${binaryVariable(runtime)} to a Node.js ${wanted} binary to match Lambda`);
    }
    return { family, runtime, command: node, args: [nodeBootstrap()], runtimeVersion };
  }
  if (family === 'python') {
    const python = override ?? pythonBinary(runtime, ctx);
    return { family, runtime, command: python, args: [path.join(runtimesRoot(), 'python', 'bootstrap.py')], runtimeVersion };
  }
  return { family, runtime, command: '', args: [], runtimeVersion };
}

/**
 * The Node.js options Lambda's bootstrap starts node with: `gc` exposed, 80 KiB HTTP headers, and — unless the function
 * sets NODE_OPTIONS — V8's young and old generations sized from the memory setting (a tenth young, split into two
 * semi-spaces; the rest old). Lambda gives a function at most one vCPU up to 1,769 MB, so V8 gets that many worker
 * threads here too, not one per core of this machine: fewer threads to stop and wake between invokes as well.
 */
export function nodeOptions(memorySizeMB: number, userNodeOptions: string | undefined): string[] {
  const options = ['--expose-gc', '--max-http-header-size', '81920'];
  if (!userNodeOptions) {
    const youngMB = Math.floor(memorySizeMB / 10);
    options.push(`--max-semi-space-size=${Math.floor(youngMB / 2)}`, `--max-old-space-size=${memorySizeMB - youngMB}`);
  }
  options.push(`--v8-pool-size=${Math.min(4, Math.ceil(memorySizeMB / 1769))}`);
  return options;
}

/** A file this process may execute. */
export function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Finds an executable on PATH. */
export function which(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The node to run a nodejsNN.x function with: the one running us (the CLI) or the one on PATH, whichever has the
 * runtime's major version; else the one on PATH (an editor's own Node, e.g. code-server's, is a last resort).
 */
function nodeBinary(wantedMajor: string, env: NodeJS.ProcessEnv): string {
  const ours = !process.versions.electron && path.basename(process.execPath).startsWith('node') ? process.execPath : undefined;
  if (ours && nodeMajor(ours) === wantedMajor) return ours;
  const onPath = which('node', env);
  if (onPath && nodeMajor(onPath) === wantedMajor) return onPath;
  return onPath ?? ours ?? process.execPath;
}

const nodeMajors = new Map<string, string | undefined>();
const NODE_VERSION_TIMEOUT_MS = 5000;

function nodeMajor(node: string): string | undefined {
  if (isOwnNode(node)) return process.versions.node.split('.')[0];
  if (!nodeMajors.has(node)) {
    const out = childProcessModule().spawnSync(node, ['--version'], { encoding: 'utf8', timeout: NODE_VERSION_TIMEOUT_MS });
    nodeMajors.set(node, parseNodeMajor(out.stdout));
  }
  return nodeMajors.get(node);
}

function isOwnNode(node: string): boolean {
  return (node === process.execPath || realpath(node) === realpath(process.execPath)) && !process.versions.electron;
}

function parseNodeMajor(versionOutput: string | null | undefined): string | undefined {
  return /^v(\d+)/.exec(versionOutput ?? '')?.[1];
}

const nodeProbes = new Map<string, Promise<void>>();

/**
 * Asks, in the background, each node that resolveRuntime would ask for its version (`node --version`) for these
 * runtimes, and keeps the answers where resolveRuntime looks. resolveRuntime asks synchronously when no answer is
 * there yet: ~20 ms with the caller's thread blocked, which in the editor is the extension host, at the first invoke.
 * `ctx` as resolveRuntime's (binaries and environment). Never rejects: a node that cannot answer is the invoke's to report.
 */
export function probeNodeRuntimes(runtimes: readonly string[], ctx: Pick<ResolveContext, 'binaries' | 'env'>): Promise<void> {
  const nodes = new Set<string>();
  for (const runtime of runtimes) {
    if (runtimeFamily(runtime) !== 'nodejs') continue;
    // The nodes nodeBinary() would try: the override, else the one on PATH (the process's own is never started).
    const node = binaryOverride(runtime, ctx) ?? which('node', ctx.env);
    if (node && !isOwnNode(node) && !nodeMajors.has(node)) nodes.add(node);
  }
  return Promise.all([...nodes].map(probeNodeMajor)).then(() => undefined);
}

function probeNodeMajor(node: string): Promise<void> {
  const pending = nodeProbes.get(node);
  if (pending) return pending;
  const probe = new Promise<string | undefined>((resolve) => {
    try {
      childProcessModule().execFile(node, ['--version'], { encoding: 'utf8', timeout: NODE_VERSION_TIMEOUT_MS }, (_error, stdout) => resolve(stdout));
    } catch {
      resolve(undefined); // a path execFile refuses outright: resolveRuntime meets it (and says so) itself
    }
  }).then((stdout) => {
    // As the synchronous path does: whatever the node printed, even when it failed (then no version).
    if (stdout !== undefined && !nodeMajors.has(node)) nodeMajors.set(node, parseNodeMajor(stdout));
    nodeProbes.delete(node);
  });
  nodeProbes.set(node, probe);
  return probe;
}

function realpath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

// Probing a Python costs a process start (and pyenv shims are slow scripts), so the real executable found for
// each name is remembered on disk, keyed by PATH.
const PYTHON_CACHE = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'lambda-workbench', 'pythons.json');
let pythonCache: Record<string, { executable: string; version: string }> | undefined;

function loadPythonCache(): Record<string, { executable: string; version: string }> {
  if (pythonCache) return pythonCache;
  try {
    pythonCache = JSON.parse(fs.readFileSync(PYTHON_CACHE, 'utf8')) as Record<string, { executable: string; version: string }>;
  } catch {
    pythonCache = {};
  }
  return pythonCache;
}

function probePython(name: string, env: NodeJS.ProcessEnv): { executable: string; version: string } | undefined {
  const key = `${env.PATH ?? ''}\0${name}`;
  const cache = loadPythonCache();
  const hit = cache[key];
  if (hit && fs.existsSync(hit.executable)) return hit;
  if (!which(name, env)) return undefined;
  const out = childProcessModule().spawnSync(name, ['-c', 'import sys;print(sys.executable);print("%d.%d" % sys.version_info[:2])'], {
    encoding: 'utf8',
    env,
    timeout: 10000,
  });
  if (out.status !== 0) return undefined;
  const [executable, version] = out.stdout.trim().split('\n');
  if (!executable || !version) return undefined;
  cache[key] = { executable, version };
  try {
    fs.mkdirSync(path.dirname(PYTHON_CACHE), { recursive: true });
    fs.writeFileSync(PYTHON_CACHE, JSON.stringify(cache));
  } catch {
    // A cache we cannot write only costs time.
  }
  return cache[key];
}

function pythonBinary(runtime: string, ctx: ResolveContext): string {
  const wanted = runtime.slice('python'.length);
  const exact = probePython(runtime, ctx.env);
  if (exact) return exact.executable;
  const fallback = probePython('python3', ctx.env);
  if (!fallback) throw errors.pythonNotFound(runtime);
  if (fallback.version !== wanted) {
    warnOnce(ctx, `python:${runtime}`,
      `${runtime} runs on Python ${fallback.version} here (${fallback.executable}): no working ${runtime} on PATH; set ${binaryVariable(runtime)} to match Lambda`);
  }
  return fallback.executable;
}
