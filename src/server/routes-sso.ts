import { Hono, type Context } from 'hono';
import { getApp } from '../core/apps/apps.ts';
import { listUserApps } from '../core/sso/resolve-user-access.ts';
import { RolegateError } from '../errors/rolegate-error.ts';
import { checkAuthnRequestSignature } from '../saml/check-authn-request-signature.ts';
import { parseAuthnRequest } from '../saml/parse-authn-request.ts';
import { myAppsPage } from './pages/my-apps-page.ts';
import { signInRedirect } from './pages/safe-return-path.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';
import { buildStatusResponse, REFUSAL_STATUSES } from '../saml/build-status-response.ts';
import { satisfiesNameIdPolicy } from '../saml/satisfies-name-id-policy.ts';
import { checkRequestForApp } from './sso/check-request-for-app.ts';
import { RECEIVED_AT_PARAMETER, isFreshEnough, openReceivedAt, sealReceivedAt } from './sso/force-authn.ts';
import { issueSamlResponse } from './sso/issue-saml-response.ts';
import { pendingRequestQuery } from './sso/pending-request-query.ts';
import { readSpRequest } from './sso/read-sp-request.ts';
import { renderPostBinding } from './sso/render-post-binding.ts';

export function ssoRoutes(deps: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect(signInRedirect('/'), 303);
    const apps = await listUserApps(deps.ctx, session.user);
    return c.html(myAppsPage({ displayName: session.user.displayName, csrfToken: c.get('csrfToken'), apps }));
  });

  // IdP-initiated sign-in: the My Apps tile.
  app.get('/apps/:appId/launch', async (c) => {
    // Sign-in first: an anonymous caller learns nothing about which app ids exist.
    const session = c.get('session');
    if (!session) return c.redirect(signInRedirect(c.req.path), 303);
    const target = await getApp(deps.ctx, c.req.param('appId'));
    const acsUrl = target.replyUrls[0];
    if (!acsUrl) throw new RolegateError('ERR_CONFLICT', `the application '${target.displayName}' has no reply URL configured`);
    const issued = await issueSamlResponse(deps.ctx, deps.keys, {
      app: target,
      user: session.user,
      acsUrl,
      sessionIndex: session.session.id,
      authnInstant: new Date(session.session.authnInstant),
    });
    c.get('logger').info({ appId: target.id, userId: session.user.id, acsUrl }, 'IdP-initiated response issued');
    return renderPostBinding(c, target, acsUrl, issued.xml, target.relayState);
  });

  // SP-initiated sign-in: HTTP-Redirect (GET) and HTTP-POST bindings (saml-bindings §3.4, §3.5).
  const spInitiated = async (c: Context<ServerEnv>, binding: 'redirect' | 'post') => {
    const target = await getApp(deps.ctx, c.req.param('appId')!);
    const received = await readSpRequest(c, binding);
    // Before anything else is read from the request, and before the detour through sign-in.
    const checked = checkAuthnRequestSignature(received.query === undefined ? { xml: received.xml } : { xml: received.xml, query: received.query }, {
      required: target.authnRequestsSigned,
      certificatesPem: target.spSigningCertificates,
      // An app still on SHA-1 for its own responses is an old setup; only it accepts SHA-1 requests.
      allowSha1: target.signingAlgorithm === 'rsa-sha1',
    });
    const request = parseAuthnRequest(checked.xml, deps.ctx.now());
    const { acsUrl } = checkRequestForApp(target, request, `${deps.ctx.publicUrl}/saml/${target.id}/sso`);
    const refuse = (status: (typeof REFUSAL_STATUSES)[keyof typeof REFUSAL_STATUSES], why: string) => {
      c.get('logger').info({ appId: target.id, acsUrl, inResponseTo: request.id }, why);
      const xml = buildStatusResponse({ issuer: target.idpEntityId, destination: acsUrl, inResponseTo: request.id, now: deps.ctx.now(), status });
      return renderPostBinding(c, target, acsUrl, xml, received.relayState);
    };
    // Before the detour through sign-in: the answer would be the same after it.
    if (!satisfiesNameIdPolicy(request.nameIdPolicyFormat, target.nameIdFormat)) {
      return refuse(REFUSAL_STATUSES.invalidNameIdPolicy, 'SP-initiated request asks for another NameID Format: answered InvalidNameIDPolicy');
    }
    const session = c.get('session');
    const ref = { appId: target.id, request };
    // Only the way back from sign-in carries the note, and it always uses the redirect binding.
    const receivedAt = request.forceAuthn && binding === 'redirect' ? openReceivedAt(deps.ctx, ref, c.req.query(RECEIVED_AT_PARAMETER)) : undefined;
    const usable = session !== undefined && (!request.forceAuthn || isFreshEnough(new Date(session.session.authnInstant), request.issueInstant, receivedAt));
    if (!usable) {
      // saml-core §3.4.1: IsPassive forbids taking over the screen, so the SP hears NoPassive instead of a sign-in page.
      if (request.isPassive) return refuse(REFUSAL_STATUSES.noPassive, 'SP-initiated passive request answered NoPassive');
      let pending = `/saml/${target.id}/sso?${pendingRequestQuery(received)}`;
      if (request.forceAuthn) pending += `&${RECEIVED_AT_PARAMETER}=${sealReceivedAt(deps.ctx, ref, receivedAt ?? deps.ctx.now())}`;
      return c.redirect(signInRedirect(pending, { fresh: request.forceAuthn }), 303);
    }
    const issued = await issueSamlResponse(deps.ctx, deps.keys, {
      app: target,
      user: session.user,
      acsUrl,
      identifier: request.issuer,
      inResponseTo: request.id,
      sessionIndex: session.session.id,
      authnInstant: new Date(session.session.authnInstant),
    });
    c.get('logger').info(
      { appId: target.id, userId: session.user.id, acsUrl, inResponseTo: request.id, requestSignature: checked.signature },
      'SP-initiated response issued',
    );
    return renderPostBinding(c, target, acsUrl, issued.xml, received.relayState);
  };
  app.get('/saml/:appId/sso', (c) => spInitiated(c, 'redirect'));
  app.post('/saml/:appId/sso', (c) => spInitiated(c, 'post'));

  return app;
}
