'use strict';
// Built into runtimes/node/vendor/tsTranspiler.js: the TypeScript transpiler the Node runtime falls back on where
// no esbuild is installed (a packaged extension ships no native binaries). It offers the one call the runtime makes
// of esbuild, transformSync, and like esbuild it strips types without checking them. Sucrase does the work.
const path = require('path');
const { transform } = require('sucrase');

exports.transformSync = function transformSync(source, options) {
  const file = options.sourcefile;
  const result = transform(source, {
    transforms: options.format === 'esm' ? ['typescript'] : ['typescript', 'imports'],
    filePath: file,
    sourceMapOptions: { compiledFilename: `${path.basename(file)}.js` },
    production: true,
  });
  const map = { ...result.sourceMap, sources: [file], sourcesContent: [source] };
  const inline = Buffer.from(JSON.stringify(map)).toString('base64');
  return { code: `${result.code}\n//# sourceMappingURL=data:application/json;base64,${inline}\n` };
};
