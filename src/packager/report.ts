// A package's report: zip, size, sha256, handler, smoke invoke, findings, largest files, upload commands.
import { formatBytes } from './checks/sizes';
import type { PackageResult } from './types';

/** What a package is and where it stands, as the CLI prints it and the editor's output channel shows it. */
export function describePackageResult(result: PackageResult): string {
  const lines = [`${result.kind === 'layer' ? 'layer ' : ''}${result.logicalId}  ${result.ok ? 'ready' : 'FAILED'}`];
  const row = (label: string, text: string) => lines.push(`  ${label.padEnd(8)} ${text}`);
  if (result.zipFile) {
    row('zip', result.zipFile);
    const entries = result.entries === 1 ? '1 entry' : `${result.entries} entries`;
    row('size', `${exactSize(result.bytes ?? 0)}; unzipped ${formatBytes(result.unzippedBytes ?? 0)} in ${entries}`);
    row('sha256', result.sha256 ?? '');
  }
  if (result.handler && result.kind === 'function') row('handler', `${result.handler}${result.handlerChanged ? ' (moved by the bundle)' : ''}`);
  if (result.smoke) {
    const outcome = result.smoke.ok ? 'succeeded' : `failed (${result.smoke.errorType ?? 'error'})`;
    row('verified', `invoked from the unpacked zip with ${result.smoke.event}: ${outcome} in ${result.smoke.durationMs} ms`);
  }
  for (const finding of result.findings) row(finding.level === 'info' ? 'note' : finding.level, finding.message);
  if (result.largest) {
    lines.push('  largest files:');
    for (const item of result.largest.files) lines.push(`    ${formatBytes(item.bytes).padStart(9)}  ${item.path}`);
    lines.push('  largest folders:');
    for (const item of result.largest.folders) lines.push(`    ${formatBytes(item.bytes).padStart(9)}  ${item.path}`);
  }
  if (result.smoke && !result.smoke.ok) {
    lines.push('  smoke invoke log (last lines):');
    for (const line of result.smoke.logs.slice(-15)) lines.push(`    ${line}`);
  }
  if (result.ok) for (const command of result.uploadCommands) row('upload', command);
  return `${lines.join('\n')}\n\n`;
}

/** `366 bytes`, `1.2 MB (1234567 bytes)`: the exact figure is what upload limits are checked against. */
function exactSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${formatBytes(bytes)} (${bytes} bytes)`;
}
