// A listening TCP socket on an IPv4 address, made there and then: `net.Server.listen(port, host)` first loads
// node:dns to look the address up (even an IP literal; ~1.2 ms) and then node:cluster (~1.7 ms), and answers a few
// ticks later. A cold invoke cannot start its function before it knows the Runtime API's port, so those ~5 ms were on
// its critical path. Here libuv's TCP handle binds and listens at once, and net.Server adopts it in a microtask: after
// the caller's synchronous code (which spawns the function: node:cluster loads while its process starts), and before
// the event loop could accept a connection.
import { isIPv4, type ListenOptions, type Server } from 'node:net';

interface TcpHandle {
  bind(address: string, port: number): number;
  listen(backlog: number): number;
  getsockname(out: { port?: number }): number;
  close(): void;
}

interface TcpBinding {
  TCP: new (type: number) => TcpHandle;
  constants: { SERVER: number };
}

// Node's default backlog for net.Server.
const BACKLOG = 511;

function tcpBinding(): TcpBinding | undefined {
  // process.binding warns under --pending-deprecation: the user asked to see such warnings, not ours.
  const options = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  const { binding: load } = process as unknown as { binding?: (name: string) => unknown };
  if (typeof load !== 'function' || options.includes('--pending-deprecation')) return undefined;
  try {
    const binding = load.call(process, 'tcp_wrap') as Partial<TcpBinding>;
    return typeof binding.TCP === 'function' && typeof binding.constants?.SERVER === 'number' ? (binding as TcpBinding) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Listens on `address` (an IPv4 literal) at an ephemeral port and returns the port; `server` takes the socket over
 * in a microtask. Undefined for another address, where Node offers no TCP binding, or where the address cannot be
 * bound: the caller then listens the ordinary way, which reports the error.
 */
export function listenNow(server: Server, address: string): number | undefined {
  const binding = isIPv4(address) ? tcpBinding() : undefined;
  if (!binding) return undefined;
  const handle = new binding.TCP(binding.constants.SERVER);
  const out: { port?: number } = {};
  const failed = handle.bind(address, 0)
    || handle.listen(BACKLOG)
    || handle.getsockname(out);
  if (failed || !out.port) {
    handle.close();
    return undefined;
  }
  // net.Server takes a TCP handle as it is (listening again only sets the backlog). Connections wait in the
  // backlog until then: libuv accepts them only when the event loop polls, after this microtask.
  queueMicrotask(() => server.listen(handle as unknown as ListenOptions));
  return out.port;
}
