'use strict';
// Finds and loads the handler named by _HANDLER: parse `dir/module.export.path`, find the module file the way the
// managed runtime does (CommonJS, ES modules, node_modules; TypeScript added), then follow the export path.
// Spec: lambda-spec.md §5.1 (parsing the handler string, module resolution order, load errors).

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const {
  HandlerNotFound, ImportModuleError, MalformedHandlerName, MalformedStreamingHandler, UserCodeSyntaxError, message,
} = require('./errors.js');
const { isModuleScope } = require('./packageScope.js');

const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');
const HIGH_WATER_MARK = Symbol.for('aws.lambda.runtime.handler.streaming.highWaterMark');
const STREAM_RESPONSE = 'response';
const TYPESCRIPT = ['.ts', '.mts', '.cts'];
/** The module's file, in the order both loaders look: no extension, `.js`, `.mjs`, `.cjs`. */
const MODULE_EXTENSIONS = ['', '.js', '.mjs', '.cjs'];

// Modules are required as if from the runtime's entry file, so "Require stack" ends with it (like /var/runtime/index.mjs).
// The loader's own createRequire, from the entry module's class (node:module's is the same function): loading
// node:module would also load the ES module loader, about 2 ms of a cold start under Lambda's node options, which
// compile it without its code cache. (`module.constructor` would do in the sources, not in their one-file build.)
const runtimeRequire = require.main.constructor.createRequire(path.join(__dirname, 'bootstrap.js'));

/** `src/handlers/api.get.list` → { moduleRoot: 'src/handlers/', moduleName: 'api', handlerPath: 'get.list' } */
function parseHandlerString(fullHandler) {
  if (fullHandler.includes('..')) {
    throw new MalformedHandlerName(message('Runtime.MalformedHandlerName.dots', { handler: fullHandler }));
  }
  const basename = path.basename(fullHandler);
  const moduleRoot = fullHandler.substring(0, fullHandler.indexOf(basename));
  const match = /^([^.]*)\.(.*)$/.exec(basename);
  if (!match) throw new MalformedHandlerName(message('Runtime.MalformedHandlerName'));
  return { moduleRoot, moduleName: match[1], handlerPath: match[2] };
}

class ModuleLoader {
  /** @param {{ node24: boolean, enableTypeScript: () => void }} options */
  constructor({ node24, enableTypeScript }) {
    this.node24 = node24;
    this.enableTypeScript = enableTypeScript;
  }

  requireFile(file) {
    return fs.existsSync(file) ? runtimeRequire(file) : undefined;
  }

  async importFile(file) {
    return fs.existsSync(file) ? import(pathToFileURL(file).href) : undefined;
  }

  /** Node ≤22: no extension → require; `.js` → require unless in a "type":"module" package; `.mjs`; `.cjs`. */
  async loadNode22(basePath) {
    const extensionless = this.requireFile(basePath);
    if (extensionless) return extensionless;
    const moduleScope = fs.existsSync(`${basePath}.js`)
      && isModuleScope(path.dirname(path.resolve(`${basePath}.js`)), (text, error) => console.warn(text, error));
    if (!moduleScope) {
      const loaded = this.requireFile(`${basePath}.js`);
      if (loaded) return loaded;
    }
    return (moduleScope && (await this.importFile(`${basePath}.js`)))
      || (await this.importFile(`${basePath}.mjs`))
      || this.requireFile(`${basePath}.cjs`);
  }

  /** Node 24 imports every candidate: no extension, `.js`, `.mjs`, `.cjs`. */
  async loadNode24(basePath) {
    for (const extension of MODULE_EXTENSIONS) {
      const loaded = await this.importFile(basePath + extension);
      if (loaded) return loaded;
    }
    return undefined;
  }

  /** Not in Lambda: `app.handler` runs `app.ts` (or `.mts`, `.cts`), transpiled by esbuild on the fly. */
  async loadTypeScript(basePath) {
    const file = TYPESCRIPT.map((extension) => basePath + extension).find((candidate) => fs.existsSync(candidate));
    if (!file) return undefined;
    this.enableTypeScript(file);
    const asModule = file.endsWith('.mts') || (file.endsWith('.ts') && isModuleScope(path.dirname(file)));
    return asModule || this.node24 ? this.importFile(file) : this.requireFile(file);
  }

  /** The module object, or throws Runtime.UserCodeSyntaxError / Runtime.ImportModuleError / the module's own error. */
  async load(appRoot, moduleRoot, moduleName) {
    try {
      const basePath = path.resolve(appRoot, moduleRoot, moduleName);
      const loaded = (this.node24 ? await this.loadNode24(basePath) : await this.loadNode22(basePath))
        || (await this.loadTypeScript(basePath));
      if (loaded) return loaded;
      // Last, the module as a package name (node_modules), looked up from the task root, not from this file.
      const rootForLookup = this.node24 ? path.join(appRoot, moduleRoot) : moduleRoot;
      return runtimeRequire(runtimeRequire.resolve(moduleName, { paths: [appRoot, rootForLookup] }));
    } catch (error) {
      if (error instanceof SyntaxError) throw new UserCodeSyntaxError(error, this.node24);
      if (error.code !== undefined && error.code === 'MODULE_NOT_FOUND') throw new ImportModuleError(error);
      throw error;
    }
  }
}

function followPath(handlerPath, root, node24) {
  return handlerPath.split('.').reduce((nested, key) => {
    if (node24) return nested && typeof nested === 'object' ? nested[key] : undefined;
    return nested && nested[key];
  }, root);
}

/** The function at `handlerPath` in the module; Node 24 also looks inside the default export. */
function resolveHandler(userModule, handlerPath, fullHandler, node24) {
  let handler = followPath(handlerPath, userModule, node24);
  if (!handler && node24 && userModule && typeof userModule === 'object' && 'default' in userModule) {
    handler = followPath(handlerPath, userModule.default, node24);
  }
  if (!handler) throw new HandlerNotFound(message('Runtime.HandlerNotFound.undefined', { handler: fullHandler }));
  if (typeof handler !== 'function') {
    throw new HandlerNotFound(message('Runtime.HandlerNotFound.notFunction', { handler: fullHandler }));
  }
  return handler;
}

/** What the loop needs to know about the handler: streaming or not, its buffer size, async or not, arity. */
function handlerMetadata(handler) {
  const streaming = handler[STREAMING];
  if (streaming !== undefined && streaming !== null && streaming !== false && streaming !== STREAM_RESPONSE) {
    throw new MalformedStreamingHandler(message('Runtime.MalformedStreamingHandler'));
  }
  const mark = handler[HIGH_WATER_MARK];
  const highWaterMark = mark === undefined || mark === null || mark === false ? undefined : parseInt(mark, 10);
  return {
    streaming: streaming === STREAM_RESPONSE,
    highWaterMark: Number.isNaN(highWaterMark) ? undefined : highWaterMark,
    isAsync: handler.constructor?.name === 'AsyncFunction',
    argsNum: handler.length,
  };
}

/** The global `awslambda` (unless AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA is 1 or true). */
function defineAwsLambdaGlobal() {
  const flag = process.env.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA;
  if (flag === '1' || flag === 'true') return;
  globalThis.awslambda = {
    ...globalThis.awslambda,
    streamifyResponse: (handler, options) => {
      handler[STREAMING] = STREAM_RESPONSE;
      if (typeof options?.highWaterMark === 'number') handler[HIGH_WATER_MARK] = parseInt(options.highWaterMark, 10);
      return handler;
    },
    HttpResponseStream: require('./httpResponseStream.js').HttpResponseStream,
  };
}

/**
 * Loads the handler named `fullHandler` from `appRoot`.
 * @param {{ node24?: boolean, enableTypeScript?: (file: string) => void }} options
 * @returns {Promise<{ handler: Function, metadata: ReturnType<typeof handlerMetadata> }>}
 */
async function load(appRoot, fullHandler, { node24 = false, enableTypeScript = () => {} } = {}) {
  const { moduleRoot, moduleName, handlerPath } = parseHandlerString(fullHandler);
  defineAwsLambdaGlobal();
  const userModule = await new ModuleLoader({ node24, enableTypeScript }).load(appRoot, moduleRoot, moduleName);
  const handler = resolveHandler(userModule, handlerPath, fullHandler, node24);
  return { handler, metadata: handlerMetadata(handler) };
}

/** Whether `file` (the handler's module) is loaded by import() rather than require(), as the loaders above decide. */
function isImported(file, node24) {
  if (node24 || /\.m[jt]s$/.test(file)) return true;
  return /\.[jt]s$/.test(file) && fs.statSync(file).isFile() && isModuleScope(path.dirname(file), () => undefined);
}

/**
 * Debug environments, before the debugger attaches: loads what loading the handler will need, without running any of
 * the function's code — Node's ES module loader when the module is imported (~18 of Node's own modules, compiled
 * without their code cache under Lambda's node options), the TypeScript transpiler when it is TypeScript. The
 * debugger's wait between letting the handler load and its first breakpoint is then the handler's own. Best effort:
 * whatever fails here fails again, and is reported, when the handler loads.
 * @param {{ node24: boolean, warmTypeScript: (file: string) => void, warmModuleLoader: () => Promise<unknown> }} options
 */
async function prepareLoad(appRoot, fullHandler, { node24, warmTypeScript, warmModuleLoader }) {
  try {
    const { moduleRoot, moduleName } = parseHandlerString(fullHandler);
    const basePath = path.resolve(appRoot, moduleRoot, moduleName);
    let file = MODULE_EXTENSIONS.map((extension) => basePath + extension).find((candidate) => fs.existsSync(candidate));
    if (!file) {
      file = TYPESCRIPT.map((extension) => basePath + extension).find((candidate) => fs.existsSync(candidate));
      if (file) warmTypeScript(file);
    }
    if (file && isImported(file, node24)) await warmModuleLoader();
  } catch {
    // met again when the handler loads
  }
}

module.exports = { load, prepareLoad, parseHandlerString, handlerMetadata };
