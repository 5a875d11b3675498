// The model's public API: template.yaml → functions, triggers and settings, resolved for local use.
export * from './types';
export { TemplateError } from './errors';
export { loadTemplate, parseTemplateText } from './template';
export { findFunction, findTemplate } from './find';
export { parseParameterOverrides } from './overrides';
