// A debug environment's debugger answers without Nagle's delay: its connections have TCP_NODELAY. Node's inspector
// (runtimes/node/debugger.js) and debugpy (runtimes/python/lwb_runtime/debugger.py) get it on their listening sockets,
// whose connections inherit it on Linux. Without it, a reply that follows an event (Node) or a message written as a
// header and then a body (debugpy) waits about 40 ms for the debugger's delayed ACK. Node has no getsockopt: Python
// reads the option from the environment's own end of a connection, duplicated with pidfd_getfd (Linux 5.6+), which a
// process may do to its descendants — so Python starts the CLI that starts the environment.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { root } from '../helpers/invoke.mjs';
import { fixtures } from './adapterClient.mjs';

const PROBE = String.raw`
import ctypes, json, os, platform, re, signal, socket, subprocess, sys, time
node, cli, cwd, args = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
SYSCALLS = {'x86_64': (434, 438), 'aarch64': (434, 438)}  # pidfd_open, pidfd_getfd

def table_rows():
    for table in ('/proc/net/tcp', '/proc/net/tcp6'):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            yield line.split()

def owner_of(inode):
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            fds = os.listdir('/proc/%s/fd' % pid)
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink('/proc/%s/fd/%s' % (pid, fd)) == 'socket:[%s]' % inode:
                    return int(pid), int(fd)
            except OSError:
                pass
    return None

def probe(cli_process):
    if platform.machine() not in SYSCALLS:
        return {'skip': 'pidfd syscall numbers are known for x86_64 and aarch64 only'}
    stderr = ''
    while True:
        line = cli_process.stderr.readline()
        if not line:
            return {'error': 'the CLI ended before its debugger listened: ' + stderr}
        stderr += line
        found = re.search(r'^Debugger listening on 127\.0\.0\.1:(\d+) ', line)
        if found:
            port = int(found.group(1))
            break
    client = socket.create_connection(('127.0.0.1', port))
    here = client.getsockname()[1]
    deadline = time.time() + 10
    while time.time() < deadline:
        # the environment's end of this connection: its local port is the debugger's, its remote port ours
        inode = next((row[9] for row in table_rows() if row[1].endswith(':%04X' % port) and row[2].endswith(':%04X' % here) and row[3] == '01'), None)
        owner = inode and owner_of(inode)
        if owner:
            break
        time.sleep(0.02)
    else:
        return {'error': 'no process holds the debugger end of the connection'}
    pid, fd = owner
    libc = ctypes.CDLL(None, use_errno=True)
    pidfd_open, pidfd_getfd = SYSCALLS[platform.machine()]
    pidfd = libc.syscall(pidfd_open, pid, 0)
    copy = libc.syscall(pidfd_getfd, pidfd, fd, 0) if pidfd >= 0 else -1
    if copy < 0:
        return {'skip': 'cannot read the socket of another process here (pidfd_getfd): ' + os.strerror(ctypes.get_errno())}
    with socket.socket(fileno=copy) as copied:
        return {'pid': pid, 'nodelay': copied.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)}

cli_process = subprocess.Popen([node, cli, 'invoke', '--event-json', '{}', '--debug-port', '0'] + args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
result = {}
try:
    result = probe(cli_process)
finally:
    if 'pid' in result:
        os.kill(result['pid'], signal.SIGKILL)
    os.killpg(cli_process.pid, signal.SIGKILL)
    cli_process.wait()
print(json.dumps(result))
`;

function readNoDelay(t, args) {
  if (process.platform !== 'linux') return t.skip('Linux only: /proc and pidfd_getfd');
  const probe = spawnSync('python3', ['-c', PROBE, process.execPath, path.join(root, 'dist', 'cli.js'), fixtures, JSON.stringify(args)],
    { encoding: 'utf8', timeout: 60_000 });
  if (probe.error) return t.skip(`python3 is needed to read the socket option: ${probe.error.message}`);
  assert.equal(probe.status, 0, probe.stderr);
  const result = JSON.parse(probe.stdout.trim().split('\n').at(-1));
  if (result.skip) return t.skip(result.skip);
  assert.equal(result.error, undefined);
  return result.nodelay;
}

test('the inspector of a Node.js debug environment has Nagle\'s algorithm off (TCP_NODELAY) on its connections', (t) => {
  const nodelay = readNoDelay(t, ['--handler', 'app.handler', '--runtime', 'nodejs20.x', '--code-dir', 'node-js']);
  if (nodelay !== undefined) assert.equal(nodelay, 1, 'a reply that follows an event would wait for the delayed ACK');
});

test('debugpy in a Python debug environment has Nagle\'s algorithm off (TCP_NODELAY) on its connections', (t) => {
  const nodelay = readNoDelay(t, ['--handler', 'app.handler', '--runtime', 'python3.11', '--code-dir', 'python']);
  if (nodelay !== undefined) assert.equal(nodelay, 1, 'the body of each message would wait for the delayed ACK');
});
