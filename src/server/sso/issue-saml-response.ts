import { templateOf } from '../../core/apps/apps.ts';
import type { CoreContext } from '../../core/core-context.ts';
import type { App, User } from '../../core/model.ts';
import { computeAssertionContent, type AssertionContent } from '../../core/sso/compute-assertion-content.ts';
import { resolveUserAccess } from '../../core/sso/resolve-user-access.ts';
import { RolegateError } from '../../errors/rolegate-error.ts';
import { buildSamlResponse } from '../../saml/build-response.ts';
import { signSamlResponse } from '../../saml/sign-xml.ts';
import type { SigningKeyCache } from './signing-key-cache.ts';

export interface IssueRequest {
  app: App;
  user: User;
  /** The ACS URL, already checked against the app's reply URLs. */
  acsUrl: string;
  /** The SP identifier the request named (SP-initiated), or undefined for the app's first one. */
  identifier?: string | undefined;
  inResponseTo?: string | undefined;
  sessionIndex: string;
  authnInstant: Date;
}

export interface IssuedResponse {
  xml: string;
  content: AssertionContent;
  audience: string;
}

// SPEC §3 / issue 2 §9: SubjectConfirmationData NotOnOrAfter about five minutes out.
const ASSERTION_LIFETIME_SECONDS = 300;
// Conditions NotBefore is backdated by this much, so an SP whose clock runs up to a minute
// behind ours does not refuse a fresh assertion as not yet valid (saml-core §2.5.1.2). Only
// NotBefore moves; NotOnOrAfter stays ASSERTION_LIFETIME_SECONDS from now.
const CLOCK_SKEW_SECONDS = 60;

/**
 * Builds and signs the SAML response one user gets for one app. Every refusal happens
 * before anything is signed: a disabled app, an unassigned user, or a claim AWS would
 * reject (RoleSessionName, SessionDuration) ends in a RolegateError, never a broken response.
 */
export async function issueSamlResponse(ctx: CoreContext, keys: SigningKeyCache, request: IssueRequest): Promise<IssuedResponse> {
  const { app, user } = request;
  if (!app.enabled) throw new RolegateError('ERR_APP_DISABLED', `the application '${app.displayName}' is disabled`);
  if (!user.enabled) throw new RolegateError('ERR_USER_DISABLED', 'this account is disabled');
  const identifier = request.identifier ?? app.identifiers[0];
  if (!identifier) {
    throw new RolegateError('ERR_CONFLICT', `the application '${app.displayName}' has no identifier (entity ID) configured`);
  }
  const access = await resolveUserAccess(ctx.store, app, user);
  if (!access.assigned) {
    throw new RolegateError('ERR_NOT_ASSIGNED', `you are not assigned to the application '${app.displayName}'`, {
      details: { appId: app.id, userId: user.id },
    });
  }
  const template = templateOf(ctx, app);
  const content = computeAssertionContent(app, user, access.roleValues);
  template.validateAttributes(app, content.attributes);
  const audience = template.audienceFor(identifier);
  const now = ctx.now();
  const doc = buildSamlResponse({
    issuer: app.idpEntityId,
    destination: request.acsUrl,
    audience,
    inResponseTo: request.inResponseTo,
    nameId: content.nameId,
    sessionIndex: request.sessionIndex,
    authnInstant: request.authnInstant,
    now,
    lifetimeSeconds: ASSERTION_LIFETIME_SECONDS,
    clockSkewSeconds: CLOCK_SKEW_SECONDS,
    attributes: content.attributes,
  });
  const key = await keys.forApp(app.id);
  const xml = signSamlResponse(
    doc,
    { privateKey: key.privateKey, certificatePem: key.certificatePem },
    { scope: app.signingScope, algorithm: app.signingAlgorithm },
  );
  return { xml, content, audience };
}
