// What never goes into a zip, whatever the folder holds: secrets, version control, tool state. The names are
// matched on each path segment, so `.git` is left out at any depth. Python bytecode is left out of every zip too:
// Lambda compiles what it imports, and stale `.pyc` files from another Python version only cost space.

/** Why a path is left out, or undefined when it goes in. `directory` says whether `name` names a folder. */
export function exclusionReason(name: string, directory: boolean): string | undefined {
  if (directory) return EXCLUDED_FOLDERS[name];
  const lower = name.toLowerCase();
  if (lower.startsWith('.env')) return 'environment file';
  if (EXCLUDED_FILES[lower]) return EXCLUDED_FILES[lower];
  if (/^id_(rsa|dsa|ecdsa|ed25519)/.test(lower)) return 'SSH key';
  if (/\.(pem|key|p12|pfx|jks|keystore|ppk)$/.test(lower)) return 'private key';
  if (/\.(pyc|pyo)$/.test(lower)) return 'Python bytecode';
  if (lower.endsWith('.tfstate') || lower.endsWith('.tfstate.backup')) return 'Terraform state (holds secrets)';
  return undefined;
}

const EXCLUDED_FOLDERS: Record<string, string> = {
  '.git': 'version control',
  '.hg': 'version control',
  '.svn': 'version control',
  '.aws': 'AWS credentials folder',
  '.ssh': 'SSH keys',
  '.aws-sam': 'sam build output',
  '.lambda-workbench': 'lambda-workbench output',
  __pycache__: 'Python bytecode',
};

const EXCLUDED_FILES: Record<string, string> = {
  credentials: 'credentials file',
  'credentials.json': 'credentials file',
  '.npmrc': 'package registry credentials',
  '.pypirc': 'package registry credentials',
  '.netrc': 'login credentials',
  '.git-credentials': 'git credentials',
  '.dockercfg': 'registry credentials',
};
