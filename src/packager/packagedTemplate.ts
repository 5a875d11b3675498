// packaged-template.yaml: the user's template, comments and layout kept (the yaml Document API edits it in
// place), with each packaged function's CodeUri/Code and each layer's ContentUri/Content pointing at its zip, and
// every other local path made relative to the output folder, so `sam deploy -t OUT/packaged-template.yaml` (or
// `aws cloudformation package`) uploads exactly what was checked here.
import fs from 'node:fs';
import path from 'node:path';
import type * as Yaml from 'yaml';
import type { TemplateModel } from '../model/types';

export interface PackagedCode {
  zipFile: string;
  /** A Handler to write when the bundle moved it (SAM esbuild). */
  handler?: string;
  /** Variables to add (SAM esbuild with Sourcemap: NODE_OPTIONS). */
  environment?: Record<string, string>;
}

const CODE_KEYS: Record<string, string> = {
  'AWS::Serverless::Function': 'CodeUri',
  'AWS::Lambda::Function': 'Code',
  'AWS::Serverless::LayerVersion': 'ContentUri',
  'AWS::Lambda::LayerVersion': 'Content',
};
/** Other properties that name a local file, kept working from the output folder. */
const OTHER_PATH_KEYS = ['DefinitionUri', 'Location'];

/** The text of packaged-template.yaml, for `packaged` logical ids → their zips. */
export function packagedTemplateText(model: TemplateModel, outDir: string, packaged: Map<string, PackagedCode>): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml = require('yaml') as typeof Yaml;
  const doc = yaml.parseDocument(fs.readFileSync(model.file, 'utf8').replace(/^\uFEFF/, ''), { uniqueKeys: false });
  const relative = (target: string) => path.relative(outDir, target).split(path.sep).join('/') || '.';
  const rebase = (value: unknown): string | undefined => {
    if (typeof value !== 'string' || value === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return undefined;
    return relative(path.resolve(model.dir, value));
  };

  const localZipFunctions = new Map(
    model.functions.filter((fn) => fn.packageType === 'Zip' && fn.inlineCode === undefined).map((fn) => [fn.logicalId, fn.codeDir]),
  );
  const inherited = doc.getIn(['Globals', 'Function', 'CodeUri']);
  const inheritedIsLocal = inherited === undefined || rebase(inherited) !== undefined;
  const resources = doc.get('Resources');
  if (yaml.isMap(resources)) {
    for (const pair of resources.items) {
      const id = yaml.isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (!id || !yaml.isMap(pair.value)) continue;
      const type = pair.value.get('Type');
      const codeKey = typeof type === 'string' ? CODE_KEYS[type] : undefined;
      const properties = ['Resources', id, 'Properties'];
      const code = packaged.get(id);
      if (codeKey && code) {
        doc.setIn([...properties, codeKey], relative(code.zipFile));
        if (code.handler) doc.setIn([...properties, 'Handler'], code.handler);
        for (const [key, value] of Object.entries(code.environment ?? {})) doc.setIn([...properties, 'Environment', 'Variables', key], value);
        continue;
      }
      for (const key of codeKey ? [codeKey, ...OTHER_PATH_KEYS] : OTHER_PATH_KEYS) {
        const rebased = rebase(doc.getIn([...properties, key]));
        if (rebased !== undefined) doc.setIn([...properties, key], rebased);
      }
      // Code inherited from Globals or the default `.` is written out: the template now lives elsewhere.
      const fn = localZipFunctions.get(id);
      if (codeKey && fn && doc.getIn([...properties, codeKey]) === undefined && inheritedIsLocal) doc.setIn([...properties, codeKey], relative(fn));
    }
  }
  const globalCode = rebase(doc.getIn(['Globals', 'Function', 'CodeUri']));
  if (globalCode !== undefined) doc.setIn(['Globals', 'Function', 'CodeUri'], globalCode);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
