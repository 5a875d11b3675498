// The environment variables of an execution environment (spec §2): built from scratch, as Lambda does — the
// user's shell environment does not leak in, apart from PATH and AWS credentials.
import path from 'node:path';
import { errors } from '../errors';
import { randomHex } from '../util/ids';
import type { RuntimeFamily } from './runtimes';
import type { RunnableFunction } from './types';

/** Set by Lambda; a function may not set them (spec §2.1). */
export const RESERVED_KEYS = new Set([
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV', 'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR',
]);

const KEY_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]+$/;
const MAX_TOTAL_BYTES = 4096;

/** Checks the function's own variables as Lambda does when the configuration is saved. */
export function validateUserVariables(functionName: string, vars: Record<string, string>): void {
  let total = 0;
  for (const [key, value] of Object.entries(vars)) {
    if (!KEY_PATTERN.test(key)) throw errors.badEnvKey(functionName, key);
    if (RESERVED_KEYS.has(key)) throw errors.reservedEnvKey(functionName, key);
    total += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  if (total > MAX_TOTAL_BYTES) throw errors.envTooLarge(functionName, total);
}

export interface EnvironmentContext {
  family: RuntimeFamily;
  runtime: string;
  region: string;
  runtimeApi: string;
  runtimeDir: string;
  logStreamName: string;
  userVariables: Record<string, string>;
  host: NodeJS.ProcessEnv;
  /** Internal variables for our own bootstraps, removed by them before user code loads. */
  internal: Record<string, string>;
}

/** `2024/12/28/[$LATEST]1060e2c130674bc797219b7034a64470`: one stream per environment. */
export function newLogStreamName(now = new Date()): string {
  const date = now.toISOString().slice(0, 10).replace(/-/g, '/');
  return `${date}/[$LATEST]${randomHex(32)}`;
}

export function buildEnvironment(fn: RunnableFunction, ctx: EnvironmentContext): Record<string, string> {
  const taskRoot = fn.codeDir;
  const layers = fn.layers.map((layer) => layer.contentDir);
  const hostPath = ctx.host.PATH ?? '/usr/local/bin:/usr/bin:/bin';
  const env: Record<string, string> = {
    // Unreserved defaults (§2.2); the function may override them.
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    PATH: [hostPath, ...layers.map((dir) => path.join(dir, 'bin'))].join(path.delimiter),
    LD_LIBRARY_PATH: [
      ...(ctx.host.LD_LIBRARY_PATH ? [ctx.host.LD_LIBRARY_PATH] : []),
      taskRoot,
      path.join(taskRoot, 'lib'),
      ...layers.map((dir) => path.join(dir, 'lib')),
    ].join(path.delimiter),
    AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
    _AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1',
    _AWS_XRAY_DAEMON_PORT: '2000',
  };
  if (ctx.family === 'nodejs') {
    const major = ctx.runtime.slice('nodejs'.length, ctx.runtime.indexOf('.'));
    env.NODE_PATH = [
      ...layers.flatMap((dir) => [path.join(dir, 'nodejs', `node${major}`, 'node_modules'), path.join(dir, 'nodejs', 'node_modules')]),
      path.join(ctx.runtimeDir, 'node_modules'),
      ctx.runtimeDir,
      taskRoot,
    ].join(path.delimiter);
  }
  Object.assign(env, ctx.userVariables);

  // Reserved variables (§2.1), which always win.
  const reserved: Record<string, string> = {
    _HANDLER: fn.handler ?? '',
    AWS_REGION: ctx.region,
    AWS_DEFAULT_REGION: ctx.region,
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: fn.logging.logGroup ?? `/aws/lambda/${fn.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: ctx.logStreamName,
    AWS_LAMBDA_RUNTIME_API: ctx.runtimeApi,
    LAMBDA_TASK_ROOT: taskRoot,
    LAMBDA_RUNTIME_DIR: ctx.runtimeDir,
  };
  // OS-only runtimes get no AWS_EXECUTION_ENV (§6.6).
  if (ctx.family !== 'provided') reserved.AWS_EXECUTION_ENV = `AWS_Lambda_${ctx.runtime}`;
  // The caller's credentials stand in for the execution role's.
  for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
    const value = ctx.host[key];
    if (value) reserved[key] = value;
  }
  if (fn.logging.logFormat === 'JSON') {
    reserved.AWS_LAMBDA_LOG_FORMAT = 'JSON';
    reserved.AWS_LAMBDA_LOG_LEVEL = (fn.logging.applicationLogLevel ?? 'INFO').toUpperCase();
  }
  return { ...env, ...reserved, ...ctx.internal };
}
