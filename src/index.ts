// The programmatic API (dist/lib.js): shared by the CLI, the extension and the tests.
export * from './model';
export * from './runner';
export * from './events';
export * from './pricing';
export * from './scaffold';
export * from './packager';
