// Node's modules that a cold invoke can start its function's process without: node:net (~4 ms to load) and
// node:child_process (which loads net), loaded when first used, and Node's own bindings for what starts the process
// before them (listenNow.ts, spawnNow.ts).
import type * as ChildProcessModule from 'node:child_process';
import type * as NetModule from 'node:net';

/* eslint-disable @typescript-eslint/no-require-imports */
export const netModule = (): typeof NetModule => require('node:net') as typeof NetModule;
export const childProcessModule = (): typeof ChildProcessModule => require('node:child_process') as typeof ChildProcessModule;
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * One of Node's bindings (`process.binding(name)`), or undefined where there is none, where it throws, or where it
 * would warn: under --pending-deprecation the user asked to see such warnings, not ours.
 */
export function processBinding<T>(name: string): Partial<T> | undefined {
  const options = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  const { binding } = process as unknown as { binding?: (name: string) => unknown };
  if (typeof binding !== 'function' || options.includes('--pending-deprecation')) return undefined;
  try {
    return binding.call(process, name) as Partial<T>;
  } catch {
    return undefined;
  }
}
