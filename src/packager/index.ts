// The packager: zips for upload (esbuild bundles for JS/TS, Python trees, custom runtimes, layers), checked against
// Lambda's limits and invoked once before anyone uploads them. Plain Node: no `vscode` here.
export * from './types';
export { packageTemplate } from './packager';
export { PackageError } from './errors';
export { writeZip } from './zip/zipWriter';
export type { WrittenZip, ZipEntry, ZipWriteOptions } from './zip/zipWriter';
export { listZip, extractZip } from './zip/zipReader';
export type { ZipListing } from './zip/zipReader';
export { scanForSecrets } from './files/secrets';
export type { SecretHit } from './files/secrets';
export { formatBytes } from './checks/sizes';
export { describePackageResult } from './report';
