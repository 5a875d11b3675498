// Progress of a running invoke: a spinner in the status bar at once and, when the invoke takes a while, a
// notification whose Cancel button aborts it (the runner then stops the environment). The status bar cannot
// carry a Cancel button itself (only notifications can), hence the two.
import * as vscode from 'vscode';

/** How long an invoke runs before its cancellable notification appears. */
const NOTIFY_AFTER_MS = 1000;

export async function withInvokeProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const task = work(controller.signal);
  const settled = task.then(() => undefined, () => undefined);
  void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, () => settled);
  const timer = setTimeout(() => {
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `${title}…`, cancellable: true },
      (_progress, token) => {
        const cancel = token.onCancellationRequested(() => controller.abort());
        return settled.finally(() => {
          cancel.dispose();
        });
      },
    );
  }, NOTIFY_AFTER_MS);
  try {
    return await task;
  } finally {
    clearTimeout(timer);
  }
}
