// "Package Function…" (📦 on a function): the zip for upload, checked and invoked once, reported in the output
// channel with its size, sha256 and upload command. Called with `{ template: Uri, functionId, silent: true }` it
// opens no UI and returns the package results.
import * as vscode from 'vscode';
import { core } from './lazyCore';
import type { InvokeTarget } from './invokeCommand';
import type { WorkbenchSettings } from './settings';
import { ensureTrusted } from './trust';

export interface PackageDeps {
  output: vscode.OutputChannel;
  settings: () => WorkbenchSettings;
  targetOf: (arg: unknown) => Promise<InvokeTarget | undefined>;
}

export async function packageFunction(arg: unknown, deps: PackageDeps): Promise<unknown> {
  const silent = typeof arg === 'object' && arg !== null && (arg as { silent?: unknown }).silent === true;
  // Packaging runs the function once (the smoke invoke): it needs a trusted workspace, as an invoke does.
  if (!ensureTrusted('Package Function', silent)) return undefined;
  const target = await deps.targetOf(arg);
  if (!target) return undefined;
  const { fn, template } = target;
  const { region, accountId } = deps.settings();
  const work = (report: (message: string) => void) =>
    core().packageTemplate(template, {
      functions: [fn.logicalId],
      runner: { region, accountId },
      onProgress: (message) => {
        deps.output.appendLine(message);
        report(message);
      },
      onLog: (line) => deps.output.appendLine(line.replace(/\r/g, '\n')),
    });
  if (silent) return (await work(() => undefined)).results;

  deps.output.show(true);
  const run = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Packaging ${fn.logicalId}` },
    (progress) => work((message) => progress.report({ message })),
  );
  for (const result of run.results) deps.output.append(core().describePackageResult(result));
  const main = run.results.find((result) => result.kind === 'function');
  if (!main) return run.results;
  if (!main.ok) {
    void vscode.window.showErrorMessage(`${fn.logicalId} was not packaged: ${main.findings.find((f) => f.level === 'error')?.message ?? 'see the Lambda Workbench output'}`);
    return run.results;
  }
  const copy = 'Copy Upload Command';
  const reveal = 'Reveal Zip';
  const size = `${((main.bytes ?? 0) / 1024 / 1024).toFixed(2)} MB`;
  const choice = await vscode.window.showInformationMessage(
    `${fn.logicalId} packaged and invoked once from the zip: ${size}${main.findings.some((f) => f.level === 'warning') ? ' (with warnings, see the output)' : ''}`,
    copy,
    reveal,
  );
  if (choice === copy && main.uploadCommands[0]) await vscode.env.clipboard.writeText(main.uploadCommands[0]);
  if (choice === reveal && main.zipFile) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(main.zipFile));
  return run.results;
}
