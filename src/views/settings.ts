// The extension's settings (package.json `lambdaWorkbench.*`) turned into what the model and the runner take.
// Plain Node: the editor passes a getter over its configuration.
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../events/context';
import type { LoadOptions, LogFormat } from '../model/types';
import type { RunnerOptions } from '../runner/types';

export type LogFormatSetting = 'auto' | 'text' | 'json';

export interface WorkbenchSettings {
  region: string;
  accountId: string;
  /** Runtime id → interpreter path. */
  runtimeBinaries: Record<string, string>;
  /** `auto`: each function's LoggingConfig. */
  logFormat: LogFormatSetting;
}

/** Reads the settings through `get(key)` (the key without the `lambdaWorkbench.` prefix); bad values fall back. */
export function readSettings(get: (key: string) => unknown): WorkbenchSettings {
  const text = (key: string, fallback: string): string => {
    const value = get(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
  };
  const binaries = get('runtimeBinaries');
  const runtimeBinaries: Record<string, string> = {};
  if (binaries && typeof binaries === 'object' && !Array.isArray(binaries)) {
    for (const [runtime, binary] of Object.entries(binaries)) {
      if (typeof binary === 'string' && binary.trim() !== '') runtimeBinaries[runtime] = binary.trim();
    }
  }
  const logFormat = get('logFormat');
  return {
    region: text('region', DEFAULT_REGION),
    accountId: text('accountId', DEFAULT_ACCOUNT_ID),
    runtimeBinaries,
    logFormat: logFormat === 'text' || logFormat === 'json' ? logFormat : 'auto',
  };
}

const LOG_FORMATS: Record<LogFormatSetting, LogFormat | undefined> = { auto: undefined, text: 'Text', json: 'JSON' };

export function runnerOptionsFrom(settings: WorkbenchSettings): RunnerOptions {
  return {
    region: settings.region,
    accountId: settings.accountId,
    runtimeBinaries: settings.runtimeBinaries,
    logFormat: LOG_FORMATS[settings.logFormat],
  };
}

/**
 * A `lambda` debug launch runs each runtime with the program the settings name, as an invoke does; a launch
 * configuration's own `runtimeBinaries` wins, runtime by runtime.
 */
export function withDebugSettings<T extends { runtimeBinaries?: Record<string, string> }>(config: T, settings: WorkbenchSettings): T {
  if (Object.keys(settings.runtimeBinaries).length === 0) return config;
  return { ...config, runtimeBinaries: { ...settings.runtimeBinaries, ...config.runtimeBinaries } };
}

export function loadOptionsFrom(settings: WorkbenchSettings): LoadOptions {
  return { region: settings.region, accountId: settings.accountId };
}
