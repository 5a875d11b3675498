// The extension's long-lived services — the template catalog and the invoke service with its Runner — created at
// first use rather than in activate(), so activation loads none of the model, runner or event code.
import { core } from './lazyCore';
import type { InvokeService } from './invokeService';
import { loadOptionsFrom, runnerOptionsFrom, type WorkbenchSettings } from './settings';
import type { TemplateCatalog } from './templateCatalog';

export interface ServicesOptions {
  settings: () => WorkbenchSettings;
  /** Lines for the output channel (environment resets, runtime warnings). */
  log: (line: string) => void;
  /** How a template is named in the tree (workspace-relative). */
  labelOf: (file: string) => string;
}

export class Services {
  private catalogInstance: TemplateCatalog | undefined;
  private invokeInstance: InvokeService | undefined;

  constructor(private readonly options: ServicesOptions) {}

  get catalog(): TemplateCatalog {
    const { settings, labelOf } = this.options;
    return (this.catalogInstance ??= new (core().TemplateCatalog)(() => loadOptionsFrom(settings()), labelOf));
  }

  get invokeService(): InvokeService {
    const { settings, log } = this.options;
    return (this.invokeInstance ??= new (core().InvokeService)({ runnerOptions: () => runnerOptionsFrom(settings()), log }));
  }

  /** The invoke service if anything was invoked yet (else there is no environment to reset or reconfigure). */
  get startedInvokeService(): InvokeService | undefined {
    return this.invokeInstance;
  }

  async dispose(): Promise<void> {
    const service = this.invokeInstance;
    this.invokeInstance = undefined;
    await service?.dispose();
  }
}
