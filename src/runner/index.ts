export * from './types';
export { Runner, INIT_LIMIT_MS } from './runner';
export { RESERVED_KEYS, validateUserVariables } from './envVars';
export { SUPPORTED_RUNTIMES, WorkbenchError, ErrorCode } from '../errors';
export { runtimeFamily, binaryVariable } from './runtimes';
export { MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES } from './runtimeApi';
