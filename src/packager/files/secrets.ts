// Content that looks like an AWS secret. Self-contained (no outside references): the compression workers run
// this very function from its source text, so every file is read once for both jobs.

export interface SecretHit {
  kind: 'access key id' | 'secret access key';
  /** 1-based line of the match. */
  line: number;
  /** The match with its middle masked, safe to print. */
  masked: string;
}

/**
 * Finds AWS access key ids (AKIA…/ASIA…, 20 characters of base32) and 40-character secret keys written next to an
 * `aws_secret_access_key` or `secretAccessKey`-like name. AWS's documented examples (…EXAMPLE…) are not reported.
 */
export function scanForSecrets(text: string): SecretHit[] {
  const hits: { kind: 'access key id' | 'secret access key'; index: number; value: string }[] = [];
  const keyIds = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Z0-9])/g;
  const secrets = /(?:aws_?secret_?(?:access_?)?key|secret_?access_?key)["'\s]*[:=]+\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi;
  let match: RegExpExecArray | null;
  // Plain searches first: they are several times faster than the expressions on the text that has neither.
  if (text.includes('AKIA') || text.includes('ASIA')) {
    while ((match = keyIds.exec(text))) hits.push({ kind: 'access key id', index: match.index, value: match[0] });
  }
  if (/ecret|ECRET/.test(text)) {
    while ((match = secrets.exec(text))) hits.push({ kind: 'secret access key', index: match.index, value: match[1] });
  }
  const result: SecretHit[] = [];
  for (const hit of hits) {
    if (hit.value.includes('EXAMPLE')) continue;
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < hit.index; i = text.indexOf('\n', i + 1)) line++;
    result.push({ kind: hit.kind, line, masked: `${hit.value.slice(0, 4)}…${hit.value.slice(-4)}` });
  }
  return result.sort((a, b) => a.line - b.line);
}
