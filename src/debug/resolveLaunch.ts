// Launch arguments → what to run: the function (from a template or from handler + runtime), its event and the
// runner's options. Every mistake is a one-line error naming the argument and what to do.
import path from 'node:path';
import { errors } from '../errors';
import { readEventFile } from '../events/savedEvents';
import { findFunction, loadTemplate } from '../model';
import { runtimeFamily } from '../runner/runtimes';
import type { RunnableFunction } from '../runner/types';
import type { LambdaLaunchArguments } from './launchArgs';

export interface LaunchPlan {
  fn: RunnableFunction;
  /** Label for messages: the logical id, or the handler. */
  label: string;
  event: Buffer;
  /** Where the event came from, for messages. */
  eventSource: string;
  envOverrides?: Record<string, string>;
  region?: string;
  runtimeBinaries?: Record<string, string>;
  family: 'nodejs' | 'python';
}

const DEFAULT_TIMEOUT_S = 3;
const DEFAULT_MEMORY_MB = 128;

export function resolveLaunch(args: LambdaLaunchArguments, baseDir = process.cwd()): LaunchPlan {
  const cwd = path.resolve(baseDir, args.cwd ?? '.');
  let fn: RunnableFunction;
  let label: string;
  let eventBase = cwd;
  if (args.template !== undefined) {
    if (args.handler !== undefined || args.runtime !== undefined) {
      throw errors.usage('Give either "template" (with "functionId") or "handler" and "runtime", not both');
    }
    const templateFile = path.resolve(cwd, args.template);
    const model = loadTemplate(templateFile, { parameterOverrides: stringMap(args.parameterOverrides, 'parameterOverrides'), region: args.region });
    const found = findFunction(model, args.functionId);
    fn = found;
    label = found.logicalId;
    eventBase = args.cwd === undefined ? model.dir : cwd;
  } else {
    if (!args.handler || !args.runtime) {
      throw errors.usage('Say which function to debug: "template" (and "functionId"), or "handler" and "runtime" (and "codeDir")');
    }
    fn = {
      functionName: 'function',
      codeDir: path.resolve(cwd, args.codeDir ?? '.'),
      handler: args.handler,
      runtime: args.runtime,
      timeout: wholeNumber(args.timeout, 'timeout', DEFAULT_TIMEOUT_S, 1, 900),
      memorySize: wholeNumber(args.memorySize, 'memorySize', DEFAULT_MEMORY_MB, 128, 10240),
      environment: {},
      architecture: 'x86_64',
      ephemeralStorage: 512,
      logging: { logFormat: 'Text' },
      layers: [],
    };
    label = args.handler;
  }
  const family = runtimeFamily(fn.runtime);
  if (family !== 'nodejs' && family !== 'python') {
    throw errors.usage(`${label} uses ${fn.runtime ?? 'no runtime'}: the debugger supports Node.js and Python functions only`);
  }
  const { event, eventSource } = readEvent(args, eventBase);
  const runtimeBinaries = stringMap(args.runtimeBinaries, 'runtimeBinaries');
  return { fn, label, event, eventSource, envOverrides: stringMap(args.env, 'env'), region: args.region, runtimeBinaries, family };
}

function readEvent(args: LambdaLaunchArguments, base: string): { event: Buffer; eventSource: string } {
  if (args.eventFile !== undefined && args.event !== undefined) throw errors.usage('Give the event as "eventFile" or "event", not both');
  if (args.eventFile !== undefined) {
    const file = path.resolve(base, args.eventFile);
    try {
      return { event: readEventFile(file), eventSource: file };
    } catch (error) {
      throw errors.usage(`"eventFile": ${(error as Error).message}`);
    }
  }
  if (args.event !== undefined) return { event: Buffer.from(JSON.stringify(args.event)), eventSource: 'the "event" argument' };
  return { event: Buffer.from('{}'), eventSource: 'an empty event ({})' };
}

function stringMap(value: unknown, name: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw errors.usage(`"${name}" must be an object of strings, e.g. { "KEY": "value" }`);
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') throw errors.usage(`"${name}.${key}" must be a string, not ${JSON.stringify(item)}`);
    result[key] = item;
  }
  return result;
}

function wholeNumber(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw errors.usage(`"${name}" must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`);
  }
  return value;
}
