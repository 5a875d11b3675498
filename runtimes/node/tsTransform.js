'use strict';
// TypeScript → JavaScript with esbuild, for both loaders (require hook and ESM hooks). Inline source maps let
// stack traces name the .ts lines once process.setSourceMapsEnabled(true) is on.

const fs = require('fs');
const path = require('path');

/** The nearest tsconfig.json's text (esbuild reads its compilerOptions leniently), up to the root. */
function nearestTsconfig(file) {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'node_modules') return undefined;
    const candidate = path.join(dir, 'tsconfig.json');
    if (fs.existsSync(candidate)) return fs.readFileSync(candidate, 'utf8');
    if (dir === path.dirname(dir)) return undefined;
  }
}

/**
 * @param esbuild the esbuild module
 * @param {'cjs' | 'esm'} format
 * @throws SyntaxError with esbuild's first message when the file does not parse
 */
function transpile(esbuild, file, format) {
  const source = fs.readFileSync(file, 'utf8');
  const tsconfigRaw = nearestTsconfig(file);
  try {
    return esbuild.transformSync(source, {
      loader: 'ts',
      format,
      sourcemap: 'inline',
      sourcefile: file,
      target: `node${process.versions.node.split('.')[0]}`,
      ...(tsconfigRaw === undefined ? {} : { tsconfigRaw }),
    }).code;
  } catch (error) {
    const first = error?.errors?.[0];
    if (!first) throw error;
    const where = first.location ? `${first.location.file}:${first.location.line}:${first.location.column}: ` : '';
    throw new SyntaxError(`${where}${first.text}`, { cause: error });
  }
}

module.exports = { transpile };
