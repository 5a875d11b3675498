// The packager's public contract: what the CLI, the extension and the tests call and get back.
import type { RunnerOptions } from '../runner/types';

/** Lambda's deployment package limits (lambda-spec.md §5): direct upload of a zip, and unzipped with layers. */
export const LAMBDA_ZIP_LIMITS = {
  /** 50 MB: over this, `update-function-code --zip-file` is refused and the zip goes through S3. */
  zippedBytes: 50 * 1024 * 1024,
  /** 250 MB: the function's code and all its layers, unzipped. */
  unzippedBytes: 250 * 1024 * 1024,
} as const;

/** Where `package` writes when no output folder is given, relative to the template's folder. */
export const DEFAULT_PACKAGE_DIR = '.lambda-workbench/package';

export interface PackageOptions {
  /** Folder for the zips and packaged-template.yaml (created). Default: DEFAULT_PACKAGE_DIR beside the template. */
  outDir?: string;
  /** Logical ids (or FunctionNames) to package; default every function of the template. Their local layers come too. */
  functions?: string[];
  /** Unzip each package and invoke it once before reporting it ready (default true). */
  verify?: boolean;
  /** Local folders of wheels for pip (`--find-links`), beside any `wheelhouse/` folder found next to the code. */
  wheelhouses?: string[];
  /** Overrides of LAMBDA_ZIP_LIMITS (tests use small ones). */
  limits?: { zippedBytes?: number; unzippedBytes?: number };
  /** Environment for pip, esbuild and the smoke invoke (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Passed to the Runner of the smoke invoke (region, account, binaries, ...). */
  runner?: RunnerOptions;
  /** Deflate level, default 6 (as Info-ZIP's zip). */
  compressionLevel?: number;
  /** Compression worker threads; default one per core (at most 4). */
  workers?: number;
  /** Progress, one line at a time ("Bundling HelloFunction…"). */
  onProgress?: (message: string) => void;
  /** Every log line of the smoke invokes, as it happens. */
  onLog?: (line: string) => void;
}

export type FindingLevel = 'error' | 'warning' | 'info';

/** Something the user should know about a package. Any `error` makes the package fail. */
export interface Finding {
  level: FindingLevel;
  message: string;
}

export interface SizeItem {
  /** Path inside the zip (layers' paths start with `<LayerId>:`); folders end with `/`. */
  path: string;
  bytes: number;
}

export interface SmokeResult {
  /** The event file used, or `{}`. */
  event: string;
  ok: boolean;
  /** The invoke payload (the result, or Lambda's error document). */
  payload: string;
  errorType?: string;
  /** The invoke's log lines. */
  logs: string[];
  durationMs: number;
}

export interface PackageResult {
  kind: 'function' | 'layer';
  logicalId: string;
  /** The name to upload to: FunctionName (or the logical id), or the layer's LayerName / logical id. */
  name: string;
  /** Absolute path of the zip; absent when the package could not be built. */
  zipFile?: string;
  /** Size of the zip. */
  bytes?: number;
  sha256?: string;
  /** Sum of the uncompressed sizes of the zip's files. */
  unzippedBytes?: number;
  entries?: number;
  /** For functions: the Handler that resolves inside the zip (SAM's esbuild may move it; see handlerChanged). */
  handler?: string;
  handlerChanged?: boolean;
  findings: Finding[];
  /** The ten largest files and folders (with layers), listed when a size limit is reached. */
  largest?: { files: SizeItem[]; folders: SizeItem[] };
  /** The invoke of the unpacked zip; absent when skipped (see findings) or with verify off. */
  smoke?: SmokeResult;
  /** Shell commands that upload this zip. */
  uploadCommands: string[];
  /** True when there is no error finding and the smoke invoke (if any) succeeded. */
  ok: boolean;
}

export interface PackageRun {
  outDir: string;
  /** The template with its code paths pointing at the zips. */
  packagedTemplate: string;
  results: PackageResult[];
  /** Functions not packaged and why (image functions, inline code, code in S3). */
  skipped: { logicalId: string; reason: string }[];
}
