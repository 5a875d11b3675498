// Lambda's size limits (50 MB zipped for direct upload, 250 MB unzipped with layers), and the ten largest files and
// folders to help trim when a package reaches one.
import type { SizeItem } from '../types';

export function largest(files: SizeItem[], count = 10): { files: SizeItem[]; folders: SizeItem[] } {
  const folders = new Map<string, number>();
  for (const file of files) {
    let end = file.path.lastIndexOf('/');
    while (end > 0) {
      const folder = file.path.slice(0, end + 1);
      folders.set(folder, (folders.get(folder) ?? 0) + file.bytes);
      end = file.path.lastIndexOf('/', end - 1);
    }
  }
  const bySize = (a: SizeItem, b: SizeItem) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1);
  return {
    files: [...files].sort(bySize).slice(0, count),
    folders: [...folders].map(([path, bytes]) => ({ path, bytes })).sort(bySize).slice(0, count),
  };
}

/** `50.0 MB`, `3.2 KB`, `22 B`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const mb = bytes / (1024 * 1024);
  return mb >= 0.1 ? `${mb.toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}
