// Whether a function's code is somewhere other than a local folder (S3, a URL): the model resolves such code to
// the template's folder with a warning, so the packager looks at what the template says.
import fs from 'node:fs';
import type * as Yaml from 'yaml';
import type { FunctionModel, TemplateModel } from '../model/types';

const documents = new WeakMap<TemplateModel, Yaml.Document>();

/** Why the function's code is not local, or undefined when it is. */
export function remoteCodeReason(model: TemplateModel, fn: FunctionModel): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml = require('yaml') as typeof Yaml;
  let doc = documents.get(model);
  if (!doc) {
    doc = yaml.parseDocument(fs.readFileSync(model.file, 'utf8').replace(/^\uFEFF/, ''), { uniqueKeys: false });
    documents.set(model, doc);
  }
  if (doc.getIn(['Resources', fn.logicalId, 'Metadata', 'aws:asset:path']) !== undefined) return undefined; // CDK: on disk
  const serverless = fn.resourceType === 'AWS::Serverless::Function';
  const own = doc.getIn(['Resources', fn.logicalId, 'Properties', serverless ? 'CodeUri' : 'Code']);
  const value = own ?? (serverless ? doc.getIn(['Globals', 'Function', 'CodeUri']) : undefined);
  if (typeof value === 'string') return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? `its code is at ${value}, not in a local folder` : undefined;
  if (yaml.isMap(value) && (value.has('Bucket') || value.has('S3Bucket'))) return 'its code is in S3, not in a local folder';
  return undefined;
}
