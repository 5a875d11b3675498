// Starts an environment's process through libuv's process handle (Node's process_wrap binding), before node:net and
// node:child_process are loaded: loading them took ~5 ms of a cold CLI invoke, and child_process's first spawn ~3 ms
// more of JavaScript, all before the function's process could start booting. Its output pipes become net sockets
// right after, as child_process makes them, while that process boots on another core.
// The handle's spawn() is Node's internal API and a wrong call aborts the process (Node 24 takes positional
// arguments where 20 takes an object), so this is done only on Node.js 20, the version it is tested against, and
// only when asked (the CLI, a cold process; an editor's extension host has those modules loaded long before).
// Everywhere else, and where the spawn fails (child_process then reports it its own way), child_process.spawn.
import { EventEmitter } from 'node:events';
import type net from 'node:net';
import type { Readable } from 'node:stream';
import { childProcessModule, netModule, processBinding } from './lazyNode';

/** What an environment uses of its process: a ChildProcess is one, and so is what spawnNow makes. */
export interface FunctionProcess {
  readonly pid?: number;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  /** [stdin (always ignored), stdout, stderr, the extra pipe (fd 3) if asked for]. */
  readonly stdio: readonly unknown[];
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): this;
  once(event: 'error', listener: (error: NodeJS.ErrnoException) => void): this;
}

export interface FunctionSpawnOptions {
  cwd: string;
  env: Record<string, string>;
  /** Output pipes after stdin: 2 (stdout, stderr) or 3 (and fd 3). */
  pipes: 2 | 3;
  /** Its own process group. */
  detached: boolean;
  /** Through the process handle where that is known to work (see above). */
  early: boolean;
}

interface ProcessHandle {
  pid?: number;
  onexit?: (exitCode: number, signalCode: string) => void;
  spawn(options: object): number;
  close(): void;
}

interface PipeHandle {
  close(): void;
}

interface ProcessWrap {
  Process: new () => ProcessHandle;
}

interface PipeWrap {
  Pipe: new (type: number) => PipeHandle;
  constants: { SOCKET: number };
}

/** Starts `command` with stdin ignored and `pipes` output pipes. */
export function spawnFunctionProcess(command: string, args: string[], options: FunctionSpawnOptions): FunctionProcess {
  const early = options.early && process.versions.node.split('.')[0] === '20' ? spawnNow(command, args, options) : undefined;
  return early ?? childProcessModule().spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: options.pipes === 3 ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe'],
    detached: options.detached,
  });
}

class SpawnedNow extends EventEmitter implements FunctionProcess {
  readonly stdout: Readable;
  readonly stderr: Readable;

  constructor(readonly pid: number, readonly stdio: readonly (Readable | null)[]) {
    super();
    this.stdout = stdio[1]!;
    this.stderr = stdio[2]!;
  }
}

function spawnNow(command: string, args: string[], options: FunctionSpawnOptions): FunctionProcess | undefined {
  const processWrap = processBinding<ProcessWrap>('process_wrap');
  const pipeWrap = processBinding<PipeWrap>('pipe_wrap');
  if (typeof processWrap?.Process !== 'function' || typeof pipeWrap?.Pipe !== 'function' || typeof pipeWrap.constants?.SOCKET !== 'number') {
    return undefined;
  }
  // What child_process refuses with an error of its own (a NUL byte) it should refuse.
  const envPairs = Object.entries(options.env).map(([key, value]) => `${key}=${value}`);
  if ([command, ...args, ...envPairs].some((text) => text.includes('\0'))) return undefined;
  const { Pipe, constants } = pipeWrap as PipeWrap;
  const pipes = Array.from({ length: options.pipes }, () => new Pipe(constants.SOCKET));
  const handle = new (processWrap as ProcessWrap).Process();
  const status = handle.spawn({
    file: command,
    args: [command, ...args],
    cwd: options.cwd,
    envPairs,
    detached: options.detached,
    stdio: [{ type: 'ignore' }, ...pipes.map((pipe) => ({ type: 'pipe', handle: pipe }))],
  });
  if (status !== 0 || !handle.pid) {
    handle.close();
    for (const pipe of pipes) pipe.close();
    return undefined;
  }
  // As child_process makes them: readable sockets on the pipes.
  const { Socket } = netModule();
  const streams = pipes.map((pipe) => new Socket({ handle: pipe, readable: true } as net.SocketConstructorOpts));
  const child = new SpawnedNow(handle.pid, [null, ...streams]);
  // Set now, not before the spawn: libuv reports the exit from the event loop, which has not run since.
  handle.onexit = (exitCode, signalCode) => {
    handle.close();
    child.emit('exit', signalCode ? null : exitCode, signalCode ? (signalCode as NodeJS.Signals) : null);
  };
  return child;
}
