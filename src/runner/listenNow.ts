// A listening TCP socket on an IPv4 address, made there and then: `net.Server.listen(port, host)` first loads
// node:dns to look the address up (even an IP literal; ~1.2 ms) and then node:cluster (~1.7 ms), and answers a few
// ticks later, and node:net itself takes ~4 ms to load. A cold invoke cannot start its function before it knows the
// Runtime API's port, so all that was on its critical path. Here libuv's TCP handle binds and listens at once, and
// a net.Server adopts it in a microtask: after the caller's synchronous code (which starts the function's process:
// net and cluster load while it boots), and before the event loop could accept a connection.
import { processBinding } from './lazyNode';

/** libuv's TCP handle as Node's tcp_wrap binding makes it (what net.Server takes as a handle). */
export interface TcpHandle {
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
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Listens on `address` (an IPv4 literal) at an ephemeral port and returns the port; `adopt` gets the socket in a
 * microtask (to hand to net.Server's listen). Undefined for another address, where Node offers no TCP binding, or
 * where the address cannot be bound: the caller then listens the ordinary way, which reports the error.
 */
export function listenNow(address: string, adopt: (handle: TcpHandle) => void): number | undefined {
  const binding = IPV4.test(address) ? processBinding<TcpBinding>('tcp_wrap') : undefined;
  if (typeof binding?.TCP !== 'function' || typeof binding.constants?.SERVER !== 'number') return undefined;
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
  queueMicrotask(() => adopt(handle));
  return out.port;
}
