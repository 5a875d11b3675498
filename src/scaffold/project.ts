// A new SAM project in a folder without a template: template.yaml with one function, its event, a .gitignore and
// a short README (both left alone when the folder already has them).
import fs from 'node:fs';
import path from 'node:path';
import { errors } from '../errors';
import { findTemplate } from '../model';
import { scaffoldNames } from './names';
import { checkOptions, type NewFunctionResult, type NewProjectOptions } from './options';
import { createFunction, type ExtraFile } from './newFunction';
import { describeFunction, sampleEventName } from './resources';

const GITIGNORE = `# Dependencies and build output: npm install and sam build make them again.
node_modules/
.aws-sam/
__pycache__/
`;

/** Creates a project in `dir` (made when missing). Throws WorkbenchError, writing nothing, if it has a template. */
export function newProject(dir: string, options: NewProjectOptions): NewFunctionResult {
  const root = path.resolve(dir);
  if (fs.existsSync(root) && !fs.statSync(root).isDirectory()) throw errors.usage(`${root} is a file — pick a folder for the new project`);
  const template = findTemplate(root);
  if (template) {
    throw errors.usage(`${root} already has ${path.basename(template)} — nothing was written; add a function to it with New Function, or pick an empty folder`);
  }
  const checked = checkOptions(options);
  const extras: ExtraFile[] = [
    { file: path.join(root, '.gitignore'), content: GITIGNORE },
    { file: path.join(root, 'README.md'), content: readme(path.basename(root), checked) },
  ].filter((extra) => !fs.existsSync(extra.file));
  return createFunction({ ...checked, templateFile: path.join(root, 'template.yaml') }, extras);
}

function readme(project: string, options: ReturnType<typeof checkOptions<NewProjectOptions>>): string {
  const names = scaffoldNames(options.name);
  const what = describeFunction(names, options.trigger).replace(/^[^:]*: /, '');
  const summary = what.charAt(0).toUpperCase() + what.slice(1);
  const language = options.language === 'typescript' ? ', TypeScript' : '';
  const eventsDir = `events/${names.logicalId}/`;
  const typescript = options.language === 'typescript'
    ? `\nFor the editor's types, install the dev dependencies once: \`cd ${names.kebab} && npm install\`.\n`
    : '';
  return `# ${project}

A serverless application: a SAM template (\`template.yaml\`) with one function, made with Lambda Workbench.

- \`${names.kebab}/\`: the code of **${names.logicalId}** (${options.runtime}${language}). ${summary}
- \`${eventsDir}\`: sample events to invoke it with.

## Run it on your machine

In VS Code, open the **Lambda** view and press ▶ on ${names.logicalId}. In a terminal:

    lambda-workbench invoke ${names.logicalId} -e ${eventsDir}${sampleEventName(names, options.trigger)}.json
${typescript}
## Deploy it

    sam build && sam deploy --guided
`;
}
