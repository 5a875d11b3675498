#!/usr/bin/env node
'use strict';
// lambda-workbench: loads the CLI bundle (cli-main.js) through V8's code cache. Compiling the bundle is a large part
// of a cold `lambda-workbench invoke`; with the cache, V8 skips it. The cache is written beside the bundle on the
// first run of each command (per Node.js version) and silently skipped where that folder is read-only.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

const file = path.join(__dirname, 'cli-main.js');
// One cache per command, so each holds the functions its command compiles.
const command = /^[a-z]+$/.test(process.argv[2] || '') ? process.argv[2] : 'other';
const cacheFile = path.join(__dirname, `.cli-main-${process.version}-${process.arch}-${command}.cache`);
const source = fs.readFileSync(file, 'utf8');
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  process.once('exit', () => {
    try {
      fs.writeFileSync(cacheFile, script.createCachedData());
    } catch {
      // read-only install: run without a cache
    }
  });
}
const bundle = new Module(file, module);
bundle.filename = file;
bundle.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext()(bundle.exports, Module.createRequire(file), bundle, file, __dirname);
bundle.loaded = true;
bundle.exports.runFromCommandLine();
