// `lambda-workbench events`: SAM's sample-event catalogue (`list`, `generate`, as `sam local generate-event`) and
// events generated from a template's triggers (`for`). Events go to stdout as JSON, two-space indented like SAM.
import { parseArgs } from 'node:util';
import { WorkbenchError } from '../errors';
import {
  catalogueEntry, eventForFunctionUrl, eventForTrigger, eventsForFunction, EventsError, eventTypes, FUNCTION_URL_EVENT,
  generateEvent, listEvents, type CatalogueEntry, type EventOptions,
} from '../events';
import { findFunction, TemplateError } from '../model';
import { loadTemplateFrom } from './templateArgs';
import type { FunctionModel, TemplateModel } from '../model/types';
import { ExitCode, type CliCommand, type CliIO } from './io';

export const eventsHelp = `Usage: lambda-workbench events list [SERVICE]
       lambda-workbench events generate SERVICE TYPE [--KEY VALUE...]
       lambda-workbench events for [FUNCTION] [TRIGGER] [-t TEMPLATE] [options]

  list                 the sample events of \`sam local generate-event\`: service, type, description
  generate             one of them, with SAM's parameters (see 'events generate SERVICE TYPE --help')
  for                  the event a trigger of FUNCTION delivers (TRIGGER: its key under Events, or FunctionUrl),
                       built from the template: route, bucket, queue, schedule, pattern, ...
    -t, --template FILE          default ./template.yaml, then ./template.yml
        --parameter-overrides P  template parameters: 'Key=Value Key2=Value2'
        --region REGION          default AWS_REGION, AWS_DEFAULT_REGION, then us-east-1
        --account-id ID          default 123456789012
  -h, --help
`;

class UsageError extends Error {}

export const eventsCommand: CliCommand = (args, io) => Promise.resolve(runEvents(args, io));

function runEvents(args: string[], io: CliIO): number {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'list':
        return listCatalogue(rest, io);
      case 'generate':
        return generate(rest, io);
      case 'for':
        return eventsFor(rest, io);
      case '-h':
      case '--help':
      case 'help':
        io.stdout(eventsHelp);
        return ExitCode.Success;
      case undefined:
        throw new UsageError('events needs a subcommand: list, generate or for — see events --help');
      default:
        throw new UsageError(`unknown events subcommand '${sub}' — use list, generate or for`);
    }
  } catch (error) {
    if (isUserError(error)) {
      const hint = isParseArgsError(error) ? " — see 'events --help'" : '';
      io.stderr(`lambda-workbench: ${error.message}${hint}\n`);
      return ExitCode.Usage;
    }
    throw error;
  }
}

function isUserError(error: unknown): error is Error {
  return error instanceof UsageError || error instanceof EventsError || error instanceof TemplateError ||
    error instanceof WorkbenchError || isParseArgsError(error);
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function printJson(io: CliIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

function listCatalogue(args: string[], io: CliIO): number {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout(eventsHelp);
    return ExitCode.Success;
  }
  if (args.length > 1) throw new UsageError(`events list takes at most one SERVICE, got: ${args.join(' ')}`);
  const service = args[0];
  const entries = service === undefined ? listEvents() : eventTypes(service).map((type) => catalogueEntry(service, type));
  io.stdout(table(['SERVICE', 'TYPE', 'DESCRIPTION'], entries.map((e) => [e.service, e.type, e.help])));
  return ExitCode.Success;
}

function generate(args: string[], io: CliIO): number {
  const [service, type, ...options] = args;
  if (service === undefined || service === '-h' || service === '--help') {
    io.stdout(eventsHelp);
    return service === undefined ? ExitCode.Usage : ExitCode.Success;
  }
  if (type === undefined || type.startsWith('-')) {
    throw new UsageError(`events generate ${service} needs an event TYPE: ${eventTypes(service).join(', ')}`);
  }
  const entry = catalogueEntry(service, type);
  if (options.includes('-h') || options.includes('--help')) {
    io.stdout(generateHelp(entry));
    return ExitCode.Success;
  }
  printJson(io, generateEvent(service, type, parseParams(entry, options)));
  return ExitCode.Success;
}

/** `--KEY VALUE` and `--KEY=VALUE` pairs, checked against the event's parameters. */
function parseParams(entry: CatalogueEntry, options: string[]): Record<string, string> {
  const names = new Set(entry.params.flatMap((p) => [p.name, p.name.replace(/-/g, '_')]));
  const valid = entry.params.length > 0 ? `valid options: ${entry.params.map((p) => `--${p.name}`).join(', ')}` : 'it takes no options';
  const params: Record<string, string> = {};
  for (let i = 0; i < options.length; i++) {
    const option = options[i];
    const match = /^--([^=]+)(?:=([\s\S]*))?$/.exec(option);
    if (!match) throw new UsageError(`unexpected argument '${option}' for ${entry.service} ${entry.type} — ${valid}`);
    const name = match[1];
    if (!names.has(name)) throw new UsageError(`unknown option --${name} for ${entry.service} ${entry.type} — ${valid}`);
    let value = match[2];
    if (value === undefined) {
      value = options[i + 1];
      if (value === undefined) throw new UsageError(`option --${name} needs a value`);
      i++;
    }
    params[name] = value;
  }
  return params;
}

function generateHelp(entry: CatalogueEntry): string {
  const rows = entry.params.map((p) => [`--${p.name}`, p.default, p.encoding ? `(${p.encoding === 'json' ? 'a JSON object' : `${p.encoding}-encoded`} in the event)` : '']);
  return `Usage: lambda-workbench events generate ${entry.service} ${entry.type} [--KEY VALUE...]\n\n${entry.help}\n\n` +
    (rows.length > 0 ? table(['OPTION', 'DEFAULT', ''], rows) : 'This event takes no options.\n');
}

function eventsFor(args: string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      template: { type: 'string', short: 't' },
      'parameter-overrides': { type: 'string', multiple: true },
      region: { type: 'string' },
      'account-id': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(eventsHelp);
    return ExitCode.Success;
  }
  if (positionals.length > 2) throw new UsageError(`events for takes FUNCTION and TRIGGER, got: ${positionals.join(' ')}`);
  const [functionId, triggerName] = positionals;
  const region = values.region ?? (io.env.AWS_REGION || io.env.AWS_DEFAULT_REGION || undefined);
  const accountId = values['account-id'];
  const template = loadTemplateFrom(values, io, { region, accountId });
  const fn = findFunction(template, functionId);
  printJson(io, eventFor(template, fn, triggerName, { region, accountId }));
  return ExitCode.Success;
}

/** The event of the named trigger; with no name, of the function's only trigger. */
function eventFor(template: TemplateModel, fn: FunctionModel, name: string | undefined, options: EventOptions): unknown {
  if (name !== undefined) {
    const trigger = fn.events.find((t) => t.id === name) ?? fn.events.find((t) => t.id.toLowerCase() === name.toLowerCase());
    if (trigger) return eventForTrigger(fn, trigger, template, options);
    if (name.toLowerCase() === FUNCTION_URL_EVENT.toLowerCase() && fn.functionUrl) return eventForFunctionUrl(fn, template, options);
  }
  const events = eventsForFunction(fn, template, options);
  const chosen = name === undefined ? (events.length === 1 ? events[0] : undefined) : events.find((e) => e.name === name);
  if (chosen) {
    if (chosen.error !== undefined) throw new EventsError(chosen.error);
    return chosen.event;
  }
  const available = [...fn.events.map((t) => `${t.id} (${t.type})`), ...(fn.functionUrl ? [FUNCTION_URL_EVENT] : [])];
  if (available.length === 0) {
    throw new UsageError(`${fn.logicalId} has no triggers — use 'events generate SERVICE TYPE' for a sample event`);
  }
  if (name === undefined) throw new UsageError(`${fn.logicalId} has several triggers: ${available.join(', ')} — name one`);
  throw new UsageError(`${fn.logicalId} has no trigger '${name}' — its triggers: ${available.join(', ')}`);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
