// The ids the extension shares with package.json `contributes`: commands, views, context keys and settings.
// Plain values (no `vscode` import) so tests can check them against the manifest.

export const CONTAINER_ID = 'lambdaWorkbench';
export const OUTPUT_CHANNEL_NAME = 'Lambda Workbench';
export const COMMAND_CATEGORY = 'Lambda';

export const Views = {
  functions: 'lambdaWorkbench.functions',
  invocations: 'lambdaWorkbench.invocations',
} as const;
export type ViewId = (typeof Views)[keyof typeof Views];

export const Commands = {
  invoke: 'lambdaWorkbench.invoke',
  openHandler: 'lambdaWorkbench.openHandler',
  newEventFromTrigger: 'lambdaWorkbench.newEventFromTrigger',
  refresh: 'lambdaWorkbench.refresh',
  newFunction: 'lambdaWorkbench.newFunction',
  newProject: 'lambdaWorkbench.newProject',
  rerun: 'lambdaWorkbench.rerun',
  showResult: 'lambdaWorkbench.showResult',
  packageFunction: 'lambdaWorkbench.package',
  debug: 'lambdaWorkbench.debug',
} as const;
export type CommandId = (typeof Commands)[keyof typeof Commands];

/** Tree item `contextValue`s, which the menus in package.json match on. */
export const ItemKinds = {
  template: 'template',
  templateError: 'templateError',
  function: 'function',
  trigger: 'trigger',
  savedEvent: 'savedEvent',
  invocation: 'invocation',
} as const;
export type ItemKind = (typeof ItemKinds)[keyof typeof ItemKinds];

/** Context keys set with `setContext`, for `when` clauses and view welcome content. */
export const Contexts = {
  /** True once the first scan of the workspace for templates has finished. */
  scanned: 'lambdaWorkbench.scanned',
} as const;

/** Setting keys, full names (what package.json declares). */
export const Settings = {
  runtimeBinaries: 'lambdaWorkbench.runtimeBinaries',
  region: 'lambdaWorkbench.region',
  accountId: 'lambdaWorkbench.accountId',
  logFormat: 'lambdaWorkbench.logFormat',
  codeLens: 'lambdaWorkbench.codeLens',
} as const;
export type SettingKey = (typeof Settings)[keyof typeof Settings];

/** The debug type the extension contributes (package.json `debuggers`). */
export const DEBUG_TYPE = 'lambda';

/** Where templates are looked for, and where not (build output, dependencies; views/paths.ts has the same list). */
export const TEMPLATE_GLOB = '**/template.{yaml,yml}';
export const TEMPLATE_EXCLUDE = '**/{node_modules,.aws-sam,.git}/**';
