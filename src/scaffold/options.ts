// What a new function can be made of: the runtimes and triggers the scaffolder offers, as lists for pickers, and
// the checks that turn a bad choice into a one-line error before anything is written.
import { errors } from '../errors';

export type ScaffoldRuntime = 'nodejs22.x' | 'nodejs20.x' | 'python3.13' | 'python3.12' | 'python3.11' | 'provided.al2023';
export type ScaffoldLanguage = 'javascript' | 'typescript';
export type TriggerKind = 'none' | 'api' | 'httpapi' | 's3' | 'sqs' | 'schedule' | 'eventbridge' | 'dynamodb';

export interface NewFunctionOptions {
  /** The template to add the function to; created when it does not exist. */
  templateFile: string;
  /** The function's logical id, e.g. `OrdersFunction`. */
  name: string;
  runtime: ScaffoldRuntime;
  /** Node.js only; default `javascript`. */
  language?: ScaffoldLanguage;
  /** Default `none`. */
  trigger?: TriggerKind;
}

export type NewProjectOptions = Omit<NewFunctionOptions, 'templateFile'>;

export interface NewFunctionResult {
  logicalId: string;
  /** Absolute path of the function's code folder. */
  codeDir: string;
  /** Absolute path of the file holding the handler function. */
  handlerFile: string;
  /** 1-based line of the handler function in handlerFile. */
  handlerLine: number;
  /** Absolute path of the sample event written for the trigger. */
  eventFile?: string;
  /** Absolute path of the template. */
  templateFile: string;
  templateCreated: boolean;
  /** Absolute paths of every file created or changed, in the order they were written. */
  filesWritten: string[];
}

/** One choice of a runtime picker: a runtime and, for Node.js, the language. */
export interface RuntimeChoice {
  runtime: ScaffoldRuntime;
  language?: ScaffoldLanguage;
  label: string;
  description: string;
}

export const SCAFFOLD_RUNTIMES: readonly RuntimeChoice[] = [
  { runtime: 'nodejs22.x', language: 'javascript', label: 'Node.js 22 · JavaScript', description: 'nodejs22.x, an ES module (app.mjs)' },
  { runtime: 'nodejs22.x', language: 'typescript', label: 'Node.js 22 · TypeScript', description: 'nodejs22.x, app.ts typed with @types/aws-lambda, built with esbuild' },
  { runtime: 'nodejs20.x', language: 'javascript', label: 'Node.js 20 · JavaScript', description: 'nodejs20.x, an ES module (app.mjs)' },
  { runtime: 'nodejs20.x', language: 'typescript', label: 'Node.js 20 · TypeScript', description: 'nodejs20.x, app.ts typed with @types/aws-lambda, built with esbuild' },
  { runtime: 'python3.13', label: 'Python 3.13', description: 'python3.13, app.py' },
  { runtime: 'python3.12', label: 'Python 3.12', description: 'python3.12, app.py' },
  { runtime: 'python3.11', label: 'Python 3.11', description: 'python3.11, app.py' },
  { runtime: 'provided.al2023', label: 'Custom runtime (provided.al2023)', description: 'an executable bootstrap (bash + curl) and function.sh' },
];

/** One choice of a trigger picker. (Not `kind`: that would clash with VS Code's QuickPickItem.kind.) */
export interface TriggerChoice {
  trigger: TriggerKind;
  label: string;
  description: string;
}

export const TRIGGER_KINDS: readonly TriggerChoice[] = [
  { trigger: 'none', label: 'None', description: 'invoked directly (Invoke API, SDK, another service)' },
  { trigger: 'api', label: 'REST API', description: 'API Gateway: GET /<name> (Api event, payload 1.0)' },
  { trigger: 'httpapi', label: 'HTTP API', description: 'API Gateway: GET /<name> (HttpApi event, payload 2.0)' },
  { trigger: 's3', label: 'S3', description: 'objects created in a new bucket' },
  { trigger: 'sqs', label: 'SQS', description: 'messages from a new queue, with partial batch failures' },
  { trigger: 'schedule', label: 'Schedule', description: 'every five minutes (EventBridge rule)' },
  { trigger: 'eventbridge', label: 'EventBridge', description: 'events matching a pattern on the default bus' },
  { trigger: 'dynamodb', label: 'DynamoDB stream', description: 'changes to a new table, from its stream' },
];

const RUNTIME_IDS = [...new Set(SCAFFOLD_RUNTIMES.map((choice) => choice.runtime))];
const TRIGGER_IDS = TRIGGER_KINDS.map((choice) => choice.trigger);
/** CloudFormation logical ids: alphanumeric, unique; a letter first so they read as names. */
const LOGICAL_ID = /^[A-Za-z][A-Za-z0-9]*$/;
const MAX_LOGICAL_ID = 255;

/** The options with defaults filled in; throws a one-line WorkbenchError for a bad name, runtime, language or trigger. */
export function checkOptions<T extends NewProjectOptions>(options: T): T & { language?: ScaffoldLanguage; trigger: TriggerKind } {
  const { name, runtime } = options;
  if (typeof name !== 'string' || name === '') throw errors.usage('A new function needs a name — e.g. OrdersFunction');
  if (name.length > MAX_LOGICAL_ID) {
    throw errors.usage(`Function name '${name.slice(0, 40)}…' is ${name.length} characters, over CloudFormation's ${MAX_LOGICAL_ID} for a logical id — shorten it`);
  }
  if (!LOGICAL_ID.test(name)) {
    throw errors.usage(`Function name '${name}' is not a valid logical id — use only letters and digits, starting with a letter (e.g. OrdersFunction)`);
  }
  if (!(RUNTIME_IDS as string[]).includes(runtime)) {
    throw errors.usage(`Runtime '${String(runtime)}' cannot be scaffolded — use one of: ${RUNTIME_IDS.join(', ')}`);
  }
  const trigger = options.trigger ?? 'none';
  if (!TRIGGER_IDS.includes(trigger)) throw errors.usage(`Trigger '${String(trigger)}' is not one of: ${TRIGGER_IDS.join(', ')}`);
  const isNode = runtime.startsWith('nodejs');
  if (options.language !== undefined && options.language !== 'javascript' && options.language !== 'typescript') {
    throw errors.usage(`Language '${String(options.language)}' is not javascript or typescript`);
  }
  if (!isNode && options.language !== undefined) {
    throw errors.usage(`A language is only chosen for Node.js runtimes, not ${runtime} — leave it out`);
  }
  return { ...options, trigger, language: isNode ? (options.language ?? 'javascript') : undefined };
}
