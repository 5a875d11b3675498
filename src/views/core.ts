// What the editor side needs from the model, runner, events and scaffold — the heavy part of the extension (the
// YAML parser, the event catalogue, the runner) — behind one module. It is reached only through lazyCore.ts, so
// it loads at first use, after activate() has returned.
export { findFunction } from '../model/find';
export { loadTemplate } from '../model/template';
export { newFunction, newProject, SCAFFOLD_RUNTIMES, TRIGGER_KINDS } from '../scaffold';
export { FUNCTION_URL_EVENT } from '../events/triggers';
export { eventChoices, triggerEventText } from './eventChoices';
export { InvokeService } from './invokeService';
export { describePackageResult, packageTemplate } from '../packager';
export { TemplateCatalog } from './templateCatalog';
export { LambdaDebugSession, RESULT_EVENT } from '../debug/lambdaSession';
