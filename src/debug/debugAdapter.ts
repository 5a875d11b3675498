// dist/debugAdapter.js: the `lambda` debug adapter as a program of its own, speaking DAP on stdin/stdout (the tests
// drive it this way; the extension runs the same LambdaDebugSession inline).
import { DebugSession } from '@vscode/debugadapter';
import { LambdaDebugSession } from './lambdaSession';

DebugSession.run(LambdaDebugSession);
