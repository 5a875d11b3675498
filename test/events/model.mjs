// Small hand-built TemplateModel / FunctionModel objects for event tests (no template parsing involved).
import os from 'node:os';
import path from 'node:path';

export const NOW = new Date('2024-05-06T07:08:09.123Z');

export function template({ dir = path.join(os.tmpdir(), 'lwb-events-template'), parameters = {}, functions = [] } = {}) {
  return { file: path.join(dir, 'template.yaml'), dir, parameters, functions, layers: [], warnings: [] };
}

export function fn({ logicalId = 'HelloFunction', functionName = logicalId, events = [], functionUrl } = {}) {
  return {
    logicalId, functionName, resourceType: 'AWS::Serverless::Function', packageType: 'Zip', codeDir: '/tmp/code',
    handler: 'app.handler', runtime: 'nodejs20.x', memorySize: 128, timeout: 3, environment: {}, architecture: 'x86_64',
    ephemeralStorage: 512, logging: { logFormat: 'Text' }, layers: [], remoteLayers: [], events, functionUrl,
    location: { file: '/tmp/template.yaml', line: 1, column: 1 },
  };
}

/** The event one trigger of type `type` with `properties` delivers, at NOW. */
export function eventOf(lib, type, properties, { id = 'Trigger', options = {}, tpl = template(), logicalId } = {}) {
  const trigger = { id, type, properties };
  const f = fn({ events: [trigger], logicalId });
  return lib.eventForTrigger(f, trigger, tpl, { now: NOW, ...options });
}
