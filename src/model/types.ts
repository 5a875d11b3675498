// The model: what a SAM/CloudFormation template says about its functions, resolved for local use.
// Produced by loadTemplate() (src/model/template.ts); read by the runner, the CLI, the tree and the packager.

export type Architecture = 'x86_64' | 'arm64';
export type LogFormat = 'Text' | 'JSON';

/** A place in a file, 1-based, for error messages and "open at line". */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface LoggingConfig {
  logFormat: LogFormat;
  /** TRACE | DEBUG | INFO | WARN | ERROR | FATAL; only meaningful with JSON. */
  applicationLogLevel?: string;
  /** DEBUG | INFO | WARN; only meaningful with JSON. */
  systemLogLevel?: string;
  /** Custom log group; default /aws/lambda/<functionName>. */
  logGroup?: string;
}

/** One entry of a function's `Events`, kept with its (resolved) properties for the trigger tree and event generation. */
export interface TriggerModel {
  /** The key under Events, e.g. `GetHello`. */
  id: string;
  /** The SAM event type, e.g. `Api`, `HttpApi`, `S3`, `SQS`, `Schedule`, `ScheduleV2`, `EventBridgeRule`, `DynamoDB`, ... */
  type: string;
  properties: Record<string, unknown>;
  location?: SourceLocation;
}

export interface FunctionUrlModel {
  authType: 'NONE' | 'AWS_IAM';
  invokeMode: 'BUFFERED' | 'RESPONSE_STREAM';
  cors?: Record<string, unknown>;
}

export interface LayerModel {
  logicalId: string;
  /** Absolute path of the layer's content folder (what Lambda mounts at /opt). */
  contentDir: string;
  compatibleRuntimes?: string[];
  location?: SourceLocation;
  /** `Metadata.BuildMethod` / `BuildProperties` of the layer resource, when set. */
  build?: BuildModel;
}

export interface BuildModel {
  method: string; // e.g. 'esbuild', 'makefile', 'python3.12'
  properties: Record<string, unknown>;
}

export interface FunctionModel {
  logicalId: string;
  /** `FunctionName` when it resolves to a string, else the logical id (as `sam local` does). */
  functionName: string;
  resourceType: 'AWS::Serverless::Function' | 'AWS::Lambda::Function';
  packageType: 'Zip' | 'Image';
  /** Absolute path of the code folder (CodeUri / Code). */
  codeDir: string;
  /** Undefined only for Image functions. */
  handler?: string;
  runtime?: string;
  /** MB, default 128. */
  memorySize: number;
  /** Seconds, default 3. */
  timeout: number;
  /** Environment.Variables, every value resolved to a string. */
  environment: Record<string, string>;
  architecture: Architecture;
  /** MB of /tmp, default 512. */
  ephemeralStorage: number;
  logging: LoggingConfig;
  /** Local layers, in template order. */
  layers: LayerModel[];
  /** Layer references that are not local (ARNs): kept for display, not mounted. */
  remoteLayers: string[];
  events: TriggerModel[];
  functionUrl?: FunctionUrlModel;
  build?: BuildModel;
  /** Where the resource is declared. */
  location: SourceLocation;
  /** Where the Handler property is declared (or the resource when inherited). */
  handlerLocation?: SourceLocation;
  /** `Description`, when set. */
  description?: string;
  /** Inline source (`InlineCode` / `Code.ZipFile`); codeDir is then the template folder and holds no code for it. */
  inlineCode?: string;
  /** `ImageUri` (or `Code.ImageUri`) of Image functions, when set. */
  imageUri?: string;
}

export interface TemplateModel {
  /** Absolute path of the template file. */
  file: string;
  /** Folder of the template; CodeUri and friends are relative to it. */
  dir: string;
  /** Parameter values after defaults and overrides, as strings (lists joined with commas). */
  parameters: Record<string, string>;
  functions: FunctionModel[];
  layers: LayerModel[];
  /** Non-fatal findings: unresolvable intrinsics, remote CodeUri, ... */
  warnings: TemplateWarning[];
}

export interface TemplateWarning {
  message: string;
  location?: SourceLocation;
}

export interface LoadOptions {
  /** SAM's `--parameter-overrides`, already split into pairs. */
  parameterOverrides?: Record<string, string>;
  /** Default `us-east-1`. */
  region?: string;
  /** Default `123456789012`. */
  accountId?: string;
}
