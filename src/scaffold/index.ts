// Scaffolding: new functions (code, template entries that keep the file's formatting, a sample event) and new
// projects. Plain Node: no `vscode` here (the CLI's `new` and the editor's New Function… both use it).
export { newFunction } from './newFunction';
export { newProject } from './project';
export { SCAFFOLD_RUNTIMES, TRIGGER_KINDS } from './options';
export type {
  NewFunctionOptions, NewFunctionResult, NewProjectOptions, RuntimeChoice, ScaffoldLanguage, ScaffoldRuntime, TriggerChoice,
  TriggerKind,
} from './options';
