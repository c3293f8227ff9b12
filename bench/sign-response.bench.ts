import { createPrivateKey, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config/config-schema.ts';
import { createApp } from '../src/core/apps/apps.ts';
import { addGroupMember, createGroup } from '../src/core/directory/groups.ts';
import { createUser } from '../src/core/directory/users.ts';
import { createAssignment } from '../src/core/roles/assignments.ts';
import { importAppRoles } from '../src/core/roles/import-app-roles.ts';
import { openRuntime } from '../src/runtime/open-runtime.ts';
import { SigningKeyCache } from '../src/server/sso/signing-key-cache.ts';
import { issueSamlResponse } from '../src/server/sso/issue-saml-response.ts';
import { measure, report } from './measure.ts';

/**
 * The IdP's hot path: resolve one user's roles (direct + nested groups, on an app with
 * 20,000 roles) and build and sign one response, against the raw RSA-2048 signing rate.
 */
export async function benchSignResponse(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rolegate-bench-'));
  const ctx = await openRuntime({ ...loadConfig({ ROLEGATE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }) }, pino({ level: 'silent' }));
  try {
    const app = await createApp(ctx, { template: 'aws', displayName: 'bench' });
    const value = (i: number) => `arn:aws:iam::${String(100000000000 + Math.floor(i / 50))}:role/r${i},arn:aws:iam::${String(100000000000 + Math.floor(i / 50))}:saml-provider/rolegate`;
    await importAppRoles(ctx, app.id, { appRoles: Array.from({ length: 20_000 }, (_, i) => ({ displayName: `r${i}`, value: value(i) })) });
    const user = await createUser(ctx, { userPrincipalName: 'bench@example.com', displayName: 'Bench' });
    const inner = await createGroup(ctx, { displayName: 'inner' });
    const outer = await createGroup(ctx, { displayName: 'outer' });
    await addGroupMember(ctx, inner.id, { id: user.id });
    await addGroupMember(ctx, outer.id, { id: inner.id });
    const roles = await ctx.store.roles.list(app.id, { limit: 11 });
    const withValues = roles.items.filter((r) => r.value !== null);
    for (const [i, role] of withValues.entries()) {
      await createAssignment(ctx, app.id, { principalId: i % 2 ? outer.id : user.id, appRoleId: role.id });
    }
    const keys = new SigningKeyCache(ctx);
    const key = await keys.forApp(app.id);
    const pem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const keyObject = createPrivateKey(pem);
    const data = Buffer.alloc(1024, 7);

    const rawSign = await measure(() => sign('sha256', data, keyObject));
    const issue = await measure(() =>
      issueSamlResponse(ctx, keys, { app, user, acsUrl: 'https://signin.aws.amazon.com/saml', sessionIndex: '_s', authnInstant: new Date() }),
    );
    const parseEachTime = await measure(() => sign('sha256', data, createPrivateKey(pem)));
    const reference = { name: 'raw RSA-2048 sign', opsPerSecond: rawSign };
    process.stdout.write(`\nIdP hot path (10 roles via direct + nested groups; 20,000 roles on the app)\n`);
    report([
      { name: 'raw RSA-2048 sign (reference)', opsPerSecond: rawSign },
      { name: 'resolve roles + build + sign one SAML response', opsPerSecond: issue, reference },
      { name: 'raw sign with the key parsed each time (what caching avoids)', opsPerSecond: parseEachTime, reference },
    ]);
  } finally {
    await ctx.store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
