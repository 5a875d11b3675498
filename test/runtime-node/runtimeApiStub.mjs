// A minimal Runtime API that records every request byte for byte, for checks the runner does not expose
// (headers, trailers, connections). It serves the given events in order and stops when the runtime asks for
// one more, or exits.
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { root } from '../helpers/invoke.mjs';

const bootstrap = path.join(root, 'runtimes', 'node', 'bootstrap.js');

/**
 * @param {{ codeDir: string, handler: string, events: { body?: unknown, headers?: Record<string, string> }[],
 *   env?: Record<string, string>, runtime?: string }} options
 * @returns {Promise<{ requests: object[], exitCode: number | null, stdout: string }>}
 */
export async function runAgainstStub({ codeDir, handler, events, env = {}, runtime = 'nodejs22.x' }) {
  const requests = [];
  const sockets = new Map();
  const pending = [...events];
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  const server = http.createServer((req, res) => {
    if (!sockets.has(req.socket)) sockets.set(req.socket, sockets.size + 1);
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const record = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString(), trailers: req.trailers, connection: sockets.get(req.socket) };
      requests.push(record);
      if (req.url.endsWith('/invocation/next')) {
        const event = pending.shift();
        if (!event) return finish();
        res.writeHead(200, {
          'Lambda-Runtime-Aws-Request-Id': `request-${events.length - pending.length}`,
          'Lambda-Runtime-Deadline-Ms': String(Date.now() + 3000),
          'Lambda-Runtime-Invoked-Function-Arn': 'arn:aws:lambda:us-east-1:123456789012:function:stub',
          'Content-Type': 'application/json',
          ...event.headers,
        });
        return res.end(JSON.stringify(event.body ?? {}));
      }
      // After an init error the runtime exits by itself; the exit ends the run.
      res.writeHead(202, { 'Content-Type': 'application/json' }).end('{"status":"OK"}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const child = spawn(process.execPath, [bootstrap], {
    cwd: codeDir,
    env: {
      PATH: process.env.PATH, AWS_LAMBDA_RUNTIME_API: `127.0.0.1:${server.address().port}`, _HANDLER: handler,
      LAMBDA_TASK_ROOT: codeDir, AWS_EXECUTION_ENV: `AWS_Lambda_${runtime}`, AWS_LAMBDA_FUNCTION_NAME: 'stub',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128', AWS_LAMBDA_FUNCTION_VERSION: '$LATEST', ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  let exitCode = null;
  child.on('exit', (code) => {
    exitCode = code;
    finish();
  });
  const timer = setTimeout(finish, 5000);
  try {
    await finished;
  } finally {
    clearTimeout(timer);
    child.kill('SIGKILL');
    server.closeAllConnections();
    server.close();
  }
  return { requests, exitCode, stdout };
}
