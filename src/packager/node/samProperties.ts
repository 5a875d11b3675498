// SAM's `Metadata: BuildMethod: esbuild` and its BuildProperties, read the way `sam build` reads them
// (aws-lambda-builders' NodejsNpmEsbuildBuilder and sam-cli's EsbuildBundlerManager):
//   - EntryPoints default to the Handler up to its first dot (`src/app.handler` → `src/app`); an entry without an
//     extension is looked for as `.ts`, then `.js`;
//   - defaults: Format cjs, Target es2020, Minify true (unless Minify is given), Sourcemap false;
//   - External, Loader (`.ext=loader`), OutExtension (`.js=.mjs`), Banner (`js=...`) are lists; MainFields is a
//     comma-separated string; `./node_modules/*` in External leaves every package out of the bundle;
//   - Sourcemap true also puts `--enable-source-maps` in NODE_OPTIONS.
import fs from 'node:fs';
import path from 'node:path';
import { BuildFailure } from '../errors';

export interface SamEsbuildSettings {
  entryPoints: string[];
  format: 'cjs' | 'esm';
  target: string[];
  minify: boolean;
  sourcemap: boolean;
  external: string[];
  /** `./node_modules/*` was in External: no package goes into the bundle. */
  externalPackages: boolean;
  mainFields?: string[];
  loader: Record<string, string>;
  outExtension: Record<string, string>;
  banner: Record<string, string>;
}

export function readSamEsbuild(properties: Record<string, unknown>, handler: string, codeDir: string, label: string, nodeOptions: string | undefined): SamEsbuildSettings {
  const where = `Metadata.BuildProperties of ${label}`;
  const list = (key: string): string[] => {
    const value = properties[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new BuildFailure(`${key} in ${where} must be a list of strings`);
    return value as string[];
  };
  const pairs = (key: string): Record<string, string> => {
    const result: Record<string, string> = {};
    for (const item of list(key)) {
      const eq = item.indexOf('=');
      if (eq <= 0) throw new BuildFailure(`${key} in ${where}: '${item}' is not KEY=VALUE (e.g. .js=.mjs)`);
      result[item.slice(0, eq)] = item.slice(eq + 1);
    }
    return result;
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const value = properties[key];
    if (value === undefined || value === null) return fallback;
    return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
  };

  const format = properties.Format === undefined ? 'cjs' : scalar(properties.Format, 'Format', where);
  if (format !== 'cjs' && format !== 'esm') throw new BuildFailure(`Format in ${where} is '${format}' — use cjs or esm`);
  const entries = list('EntryPoints');
  const samEntry = handler.split('.')[0];
  if (entries.length === 0) entries.push(samEntry || handler.slice(0, handler.lastIndexOf('.')));
  const external = list('External');
  const hasSourcemapOption = /(^|\s)--enable-source-maps(\s|$)/.test(nodeOptions ?? '');
  return {
    entryPoints: entries.map((entry) => explicitEntry(entry, codeDir, label)),
    format,
    target: properties.Target === undefined ? ['es2020'] : scalar(properties.Target, 'Target', where).split(',').map((t) => t.trim()).filter(Boolean),
    minify: flag('Minify', true),
    sourcemap: flag('Sourcemap', hasSourcemapOption),
    external: external.filter((item) => item !== './node_modules/*'),
    externalPackages: external.includes('./node_modules/*'),
    mainFields: typeof properties.MainFields === 'string' ? properties.MainFields.split(',').map((f) => f.trim()).filter(Boolean) : undefined,
    loader: pairs('Loader'),
    outExtension: pairs('OutExtension'),
    banner: pairs('Banner'),
  };
}

function scalar(value: unknown, key: string, where: string): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new BuildFailure(`${key} in ${where} must be a string`);
}

/** SAM's rule: an entry with an extension must exist; one without is `.ts`, then `.js`. */
function explicitEntry(entry: string, codeDir: string, label: string): string {
  const full = path.resolve(codeDir, entry);
  if (path.extname(entry)) {
    if (fs.existsSync(full)) return full;
  } else {
    for (const ext of ['.ts', '.js']) if (fs.existsSync(full + ext)) return full + ext;
  }
  throw new BuildFailure(`entry point ${entry} of ${label} does not exist in ${codeDir} — fix EntryPoints in Metadata.BuildProperties (or the Handler)`);
}

/** SAM's built template keeps the Handler when `<dir>/<stem>.js` is in the bundle, and drops its folder otherwise. */
export function samHandler(handler: string, outputNames: string[]): { handler: string; changed: boolean } {
  const dir = path.posix.dirname(handler);
  const base = path.posix.basename(handler);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const expected = dir === '.' ? `${stem}.js` : `${dir}/${stem}.js`;
  if (outputNames.includes(expected.replace(/^\.\//, ''))) return { handler, changed: false };
  return { handler: base, changed: base !== handler };
}
