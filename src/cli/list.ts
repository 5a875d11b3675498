// `lambda-workbench list`: the functions of a template, with their runtime, handler, limits and triggers.
import { parseArgs } from 'node:util';
import { loadTemplateFrom } from './templateArgs';
import { ExitCode, type CliCommand } from './io';

export const listHelp = `Usage: lambda-workbench list [-t TEMPLATE] [--json] [--parameter-overrides P]

Lists the functions of a SAM template: logical id, name, runtime, handler, memory, timeout and triggers.
  -t, --template FILE   default ./template.yaml, then ./template.yml
      --json            one JSON document (the model) instead of a table
`;

export const listCommand: CliCommand = async (args, io) => {
  const { values } = parseArgs({
    args,
    options: {
      template: { type: 'string', short: 't' },
      json: { type: 'boolean' },
      'parameter-overrides': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(listHelp);
    return ExitCode.Success;
  }
  const model = await Promise.resolve(loadTemplateFrom(values, io));
  if (values.json) {
    io.stdout(`${JSON.stringify(model, null, 2)}\n`);
    return ExitCode.Success;
  }
  const rows = model.functions.map((fn) => [
    fn.logicalId,
    fn.functionName,
    fn.runtime ?? fn.packageType,
    fn.handler ?? '',
    `${fn.memorySize} MB`,
    `${fn.timeout} s`,
    fn.events.map((e) => `${e.id} (${e.type})`).join(', ') + (fn.functionUrl ? `${fn.events.length ? ', ' : ''}function URL` : ''),
  ]);
  io.stdout(table(['FUNCTION', 'NAME', 'RUNTIME', 'HANDLER', 'MEMORY', 'TIMEOUT', 'TRIGGERS'], rows));
  for (const warning of model.warnings) io.stderr(`lambda-workbench: warning: ${warning.location ? `${warning.location.file}:${warning.location.line}:${warning.location.column}: ` : ''}${warning.message}\n`);
  return ExitCode.Success;
};

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
