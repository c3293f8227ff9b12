import { RolegateError } from '../../errors/rolegate-error.ts';
import type { CoreContext } from '../core-context.ts';
import type { App, AppRole, Page, PageRequest } from '../model.ts';
import { newId } from '../new-id.ts';
import { attributeName } from '../sso/compute-assertion-content.ts';
import { found } from '../not-found.ts';
import { parseInput } from '../parse-input.ts';
import { createAppInput, updateAppInput } from './app-input.ts';
import type { AppTemplate } from './app-template.ts';
import { issueCertificate } from './certificates.ts';

/** The role every app has from birth, as in Entra's gallery apps (seed 001). */
export const DEFAULT_ROLE_NAME = 'msiam_access';

export function templateOf(ctx: CoreContext, app: Pick<App, 'template'>): AppTemplate {
  const template = ctx.templates.get(app.template);
  if (!template) throw new TypeError(`no template registered for '${app.template}'`);
  return template;
}

export async function createApp(ctx: CoreContext, input: unknown): Promise<App> {
  const data = parseInput(createAppInput, input);
  const template = templateOf(ctx, data);
  const now = ctx.now();
  const id = newId();
  const { template: _t, certificateKeyBits, ...settings } = data;
  const app: App = {
    id,
    template: data.template,
    enabled: true,
    visibleInMyApps: true,
    idpEntityId: `${ctx.publicUrl}/saml/${id}`,
    ...template.defaults(),
    ...settings,
    displayName: data.displayName,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  checkApp(template, app);
  // Key generation is slow: do it before the transaction, which then writes everything or nothing.
  const certificate = await issueCertificate(ctx, app, { keyBits: certificateKeyBits ?? 2048, status: 'active' });
  const defaultRole: AppRole = {
    id: newId(),
    appId: id,
    value: null,
    displayName: DEFAULT_ROLE_NAME,
    description: DEFAULT_ROLE_NAME,
    enabled: true,
    origin: 'default',
    createdAt: app.createdAt,
    updatedAt: app.createdAt,
  };
  return ctx.store.transaction(async (tx) => {
    const created = await tx.apps.insert(app);
    await tx.roles.insert(defaultRole);
    await tx.certificates.insert(certificate.certificate, certificate.sealedKey);
    return created;
  });
}

export async function getApp(ctx: CoreContext, id: string): Promise<App> {
  return found(await ctx.store.apps.get(id), 'app', id);
}

export async function listApps(ctx: CoreContext, page: PageRequest): Promise<Page<App>> {
  return ctx.store.apps.list(page);
}

export async function updateApp(ctx: CoreContext, id: string, input: unknown): Promise<App> {
  const patch = parseInput(updateAppInput, input);
  return ctx.store.transaction(async (tx) => {
    const current = found(await tx.apps.get(id), 'app', id);
    const next: App = { ...current, ...patch, updatedAt: ctx.now().toISOString() };
    checkApp(templateOf(ctx, next), next);
    return found(await tx.apps.update(next), 'app', id);
  });
}

export async function deleteApp(ctx: CoreContext, id: string): Promise<void> {
  if (!(await ctx.store.apps.delete(id))) throw new RolegateError('ERR_NOT_FOUND', `app '${id}' was not found`);
}

function checkApp(template: AppTemplate, app: App): void {
  const duplicates = (list: string[]) => list.find((v, i) => list.indexOf(v) !== i);
  const dupIdentifier = duplicates(app.identifiers);
  if (dupIdentifier) throw new RolegateError('ERR_VALIDATION', `identifiers: '${dupIdentifier}' is listed twice`, { field: 'identifiers' });
  const dupUrl = duplicates(app.replyUrls);
  if (dupUrl) throw new RolegateError('ERR_VALIDATION', `replyUrls: '${dupUrl}' is listed twice`, { field: 'replyUrls' });
  // Compared as sent: `…/Attributes/` and `…/Attributes` make the same attribute Name.
  const claimNames = app.claims.map(attributeName);
  const dupClaim = duplicates(claimNames);
  if (dupClaim) throw new RolegateError('ERR_VALIDATION', `claims: '${dupClaim}' is defined twice`, { field: 'claims' });
  // A requirement no key can meet would refuse every SP-initiated sign-in.
  if (app.authnRequestsSigned && app.spSigningCertificates.length === 0) {
    throw new RolegateError('ERR_VALIDATION', 'authnRequestsSigned: requires at least one certificate in spSigningCertificates', {
      field: 'authnRequestsSigned',
    });
  }
  template.validateApp(app);
}
