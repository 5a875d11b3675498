// A frozen environment cannot notice that the process that froze it is gone. If an editor's extension host is
// killed outright, no exit hook runs and its stopped environments would stay behind forever; a watchdog outside
// the environment's process group ends them then. It leaves by itself once the group is gone.
import { childProcessModule } from './lazyNode';

export function watchOverEnvironment(pgid: number): void {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 -${pgid} 2>/dev/null; do sleep 1; done; kill -CONT -${pgid} 2>/dev/null; kill -KILL -${pgid} 2>/dev/null`;
  try {
    const watchdog = childProcessModule().spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore' });
    watchdog.on('error', () => undefined);
    watchdog.unref();
  } catch {
    // No /bin/sh: the exit hooks still end environments on any ordinary exit.
  }
}
