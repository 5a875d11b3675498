// The one door to core.ts. `require` (not `import`) keeps core.ts and everything it pulls in out of the code that
// runs at activation: esbuild evaluates a required module only when require() is called.
import type * as Core from './core';

let loaded: typeof Core | undefined;

export function core(): typeof Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('./core') as typeof Core);
}
