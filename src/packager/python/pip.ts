// Installs what requirements.txt asks for and the code folder does not vendor, for Lambda's Python and
// architecture rather than this machine's: `pip install --target` with `--platform manylinux…`,
// `--python-version X.Y` and `--only-binary=:all:` (Linux wheels only: nothing is compiled here). Offline, pip
// finds wheels in local wheelhouses (`--find-links`); a package found nowhere is an error that names it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { Architecture } from '../../model/types';
import { BuildFailure } from '../errors';

export interface PipInstall {
  python: string;
  /** e.g. `3.12`. */
  pythonVersion: string;
  architecture: Architecture;
  target: string;
  /** Requirement lines then option lines, as a requirements file holds them. */
  requirementsFile: string;
  wheelhouses: string[];
  env: NodeJS.ProcessEnv;
  /** pip's verbose log (read on failure). */
  logFile: string;
  /** For messages: the function or layer and its folder. */
  label: string;
  codeDir: string;
}

/** Lambda's glibc: 2.26 on Amazon Linux 2 (python3.9–3.11), 2.34 on AL2023 (python3.12+). */
export function pipPlatforms(pythonVersion: string, architecture: Architecture): string[] {
  const arch = architecture === 'arm64' ? 'aarch64' : 'x86_64';
  const minor = Number(pythonVersion.split('.')[1] ?? 0);
  return minor >= 12 ? [`manylinux_2_28_${arch}`, `manylinux2014_${arch}`] : [`manylinux2014_${arch}`];
}

export async function pipInstall(install: PipInstall): Promise<void> {
  const args = [
    '-m', 'pip', 'install',
    '--target', install.target,
    '--implementation', 'cp',
    '--python-version', install.pythonVersion,
    ...pipPlatforms(install.pythonVersion, install.architecture).flatMap((platform) => ['--platform', platform]),
    '--only-binary=:all:',
    '--no-compile',
    '--disable-pip-version-check',
    '--no-input',
    '--progress-bar', 'off',
    '--no-warn-script-location',
    // One try per index: offline, pip should fall through to the wheelhouses at once, not retry for minutes.
    '--retries', '0',
    '--timeout', '15',
    ...install.wheelhouses.flatMap((dir) => ['--find-links', dir]),
    '-r', install.requirementsFile,
    // The console stays quiet; the verbose log tells an unreachable index from a missing package.
    '--log', install.logFile,
  ];
  const { code, output } = await run(install.python, args, install.env);
  if (code === 0) return;
  let log = '';
  try {
    log = fs.readFileSync(install.logFile, 'utf8');
  } catch {
    // no log: the message is built from the console output alone
  }
  throw new BuildFailure(describePipFailure(output, log, install));
}

function describePipFailure(output: string, log: string, install: PipInstall): string {
  const missing = new Set<string>();
  for (const match of output.matchAll(/No matching distribution found for (\S+)/g)) missing.add(match[1]);
  const platform = `Python ${install.pythonVersion}, ${pipPlatforms(install.pythonVersion, install.architecture)[0]}`;
  if (missing.size) {
    const specs = [...missing];
    const names = specs.map((spec) => spec.split(/[<>=!~;[\s]/)[0]).join(', ');
    const offline = /Could not fetch URL .*(connection error|NewConnectionError)|Failed to establish a new connection|Temporary failure in name resolution|Name or service not known/.test(log + output);
    const why = offline ? 'no package index could be reached' : 'no package index or wheelhouse has a wheel of it for Lambda';
    return `requirements.txt of ${install.label} needs ${names} (${platform}), but ${why} and it is not vendored in ${install.codeDir} — vendor it (pip install --target ${install.codeDir} '${specs[0]}'), put its wheel in a wheelhouse folder (wheelhouse/ beside requirements.txt, or --wheelhouse DIR), or connect to a package index`;
  }
  if (/No module named pip/.test(output)) return `pip is not installed for ${install.python} — install it (python3 -m ensurepip) to package ${install.label}`;
  const lastError = output.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('ERROR:')).pop() ?? output.trim().split('\n').pop() ?? '';
  return `pip could not install the requirements of ${install.label} (${platform}): ${lastError.replace(/^ERROR:\s*/, '')}`;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => reject(new BuildFailure(`cannot run ${command}: ${error.message}`)));
    child.on('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString('utf8') }));
  });
}
