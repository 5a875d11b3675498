'use strict';
// Whether a folder is inside an ES module package: the nearest package.json says "type": "module". The search
// stops at a node_modules folder and at the root, as the managed runtime's does.

const fs = require('fs');
const path = require('path');

/**
 * @param {string} folder absolute path
 * @param {(text: string, error: unknown) => void} [warn] told about a package.json that cannot be parsed
 */
function isModuleScope(folder, warn) {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (dir.endsWith(`${path.sep}node_modules`)) return false;
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
        if (pkg) return pkg.type === 'module';
      } catch (error) {
        warn?.(`${manifest} cannot be read, it will be ignored for ES module detection purposes.`, error);
        return false;
      }
    }
    if (dir === path.dirname(dir)) return false;
  }
}

module.exports = { isModuleScope };
