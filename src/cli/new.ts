// `lambda-workbench new`: a new function in a SAM template — its code, its template entries (the file's comments
// and formatting kept) and a sample event — printing what it wrote.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { errors } from '../errors';
import { findTemplate } from '../model';
import { newFunction, SCAFFOLD_RUNTIMES, TRIGGER_KINDS, type ScaffoldLanguage, type ScaffoldRuntime, type TriggerKind } from '../scaffold';
import { ExitCode, type CliCommand } from './io';

const runtimes = [...new Set(SCAFFOLD_RUNTIMES.map((choice) => choice.runtime))];

export const newHelp = `Usage: lambda-workbench new NAME --runtime RUNTIME [--trigger KIND] [--language javascript|typescript] [-t TEMPLATE]

Creates a function that invokes at once: its code in a folder beside the template, its entry (and the resource its
trigger needs) in the template — keeping the file's comments and formatting, or creating the template — and a
sample event for its trigger in events/NAME/. Never overwrites anything.

  NAME                     the function's logical id, e.g. OrdersFunction (letters and digits)
      --runtime RUNTIME    ${runtimes.join(', ')}
      --trigger KIND       ${TRIGGER_KINDS.map((choice) => choice.trigger).join(', ')} (default none)
${TRIGGER_KINDS.map((choice) => `                             ${choice.trigger.padEnd(13)}${choice.label}: ${choice.description}`).join('\n')}
      --language LANG      javascript (default) or typescript, for Node.js runtimes
  -t, --template FILE      default ./template.yaml, then ./template.yml; created when missing
  -h, --help
`;

export const newCommand: CliCommand = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      runtime: { type: 'string', short: 'r' },
      trigger: { type: 'string' },
      language: { type: 'string', short: 'l' },
      template: { type: 'string', short: 't' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(newHelp);
    return ExitCode.Success;
  }
  if (positionals.length !== 1) {
    throw errors.usage(`new takes one NAME (the function's logical id, e.g. OrdersFunction), got ${positionals.length ? positionals.join(' ') : 'none'} — see lambda-workbench new --help`);
  }
  if (!values.runtime) throw errors.usage(`new needs --runtime RUNTIME, one of: ${runtimes.join(', ')}`);
  const templateFile = values.template
    ? path.resolve(io.cwd, values.template)
    : (findTemplate(io.cwd) ?? path.join(io.cwd, 'template.yaml'));

  const result = await Promise.resolve(newFunction({
    templateFile,
    name: positionals[0],
    runtime: values.runtime as ScaffoldRuntime,
    language: values.language as ScaffoldLanguage | undefined,
    trigger: (values.trigger ?? 'none') as TriggerKind,
  }));

  const shown = (file: string) => path.relative(io.cwd, file) || file;
  const lines = [`Created ${result.logicalId} (${values.runtime}${values.language ? `, ${values.language}` : ''}, trigger ${values.trigger ?? 'none'}):`];
  for (const file of result.filesWritten) {
    const note = file === result.templateFile ? (result.templateCreated ? '  (new template)' : '  (entries added)') : '';
    lines.push(`  ${shown(file)}${note}`);
  }
  lines.push(`Handler: ${shown(result.handlerFile)}:${result.handlerLine}`);
  const templateFlag = findTemplate(io.cwd) === result.templateFile ? '' : ` -t ${shown(result.templateFile)}`;
  const eventFlag = result.eventFile ? ` -e ${shown(result.eventFile)}` : '';
  lines.push(`Invoke it: lambda-workbench invoke ${result.logicalId}${templateFlag}${eventFlag}`);
  io.stdout(`${lines.join('\n')}\n`);
  return ExitCode.Success;
};
