// The launch arguments of the `lambda` debug type. Keep in step with launchSchema.json (the package.json schema).
import type { DebugProtocol } from '@vscode/debugprotocol';

export interface LambdaLaunchArguments extends DebugProtocol.LaunchRequestArguments {
  /** SAM template; with `functionId`, names the function to debug. */
  template?: string;
  /** The function's logical id (or FunctionName); may be left out when the template has one function. */
  functionId?: string;
  /** Event file; relative to the template's folder (or `cwd` without a template). */
  eventFile?: string;
  /** The event itself, instead of a file. */
  event?: unknown;
  /** Without a template: FILE.EXPORT, e.g. `app.handler`. */
  handler?: string;
  /** Without a template: e.g. `nodejs22.x`, `python3.12`. */
  runtime?: string;
  /** Without a template: the code folder (default `cwd`). */
  codeDir?: string;
  /** Without a template: the function's timeout in seconds (default 3). */
  timeout?: number;
  /** Without a template: memory in MB (default 128). */
  memorySize?: number;
  /** Extra environment variables for the function, over the template's. */
  env?: Record<string, string>;
  /** Template parameters, e.g. `{ "Stage": "dev" }`. */
  parameterOverrides?: Record<string, string>;
  /** AWS region the function believes it runs in (default us-east-1). */
  region?: string;
  /** Runtime id → the program that runs it, e.g. `{ "nodejs22.x": "/opt/node22/bin/node" }` (default: the setting). */
  runtimeBinaries?: Record<string, string>;
  /** Folder relative paths start from (default: the template's folder, else the adapter's working folder). */
  cwd?: string;
  /** Port of the Node.js inspector or debugpy on 127.0.0.1 (default: a free one). */
  debugPort?: number;
  /**
   * Python: `child` attaches the editor's own `debugpy` debugger as a child session (needs the Python Debugger
   * extension); `inline` lets this adapter carry the conversation with debugpy itself (works in any editor).
   */
  pythonDebugger?: 'child' | 'inline';
  /** Python: step only through the function's own code (default true). */
  justMyCode?: boolean;
}
