import type { SandboxState } from './state-types.ts';

/**
 * Renders the long-term keys as an AWS shared-credentials file: `[<accountId>]` for each
 * account root and `[<accountId>-<userName>]` for each IAM user (its newest active key).
 * The file has no region; callers pass `--region us-east-1`.
 */
export function renderCredentialsFile(state: SandboxState): string {
  const lines: string[] = [
    '# Written by `rolegate sandbox`. Keys for the local sandbox only; regenerated on every change.',
    '',
  ];
  const profiles = new Map<string, { id: string; secret: string }>();
  for (const key of state.accessKeys) {
    if (key.status !== 'Active') continue;
    const profile = key.userName === undefined ? key.accountId : `${key.accountId}-${key.userName}`;
    // Newer keys come later in the list, so the newest wins.
    profiles.set(profile, { id: key.accessKeyId, secret: key.secretAccessKey });
  }
  for (const account of state.accounts) {
    const order = [...profiles.keys()].filter((p) => p === account.id || p.startsWith(`${account.id}-`)).sort();
    for (const profile of order) {
      const key = profiles.get(profile);
      if (key === undefined) continue;
      lines.push(`[${profile}]`, `aws_access_key_id = ${key.id}`, `aws_secret_access_key = ${key.secret}`, '');
    }
  }
  return lines.join('\n');
}
