import { deflateRawSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { getApp } from '../core/apps/apps.ts';
import { listUserApps } from '../core/sso/resolve-user-access.ts';
import { RolegateError } from '../errors/rolegate-error.ts';
import { BINDING_HTTP_POST } from '../saml/namespaces.ts';
import { checkAuthnRequestSignature } from '../saml/check-authn-request-signature.ts';
import { decodePostAuthnRequest, decodeRedirectAuthnRequest, parseAuthnRequest } from '../saml/parse-authn-request.ts';
import { readRedirectBindingQuery, type RedirectBindingQuery } from '../saml/read-authn-request-signature-query.ts';
import { readForm } from './middleware/read-form.ts';
import { myAppsPage } from './pages/my-apps-page.ts';
import { signInRedirect } from './pages/safe-return-path.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';
import { issueSamlResponse } from './sso/issue-saml-response.ts';
import { renderPostBinding } from './sso/render-post-binding.ts';

// RelayState is capped at 80 bytes by saml-bindings §3.4.3; AWS uses it for a console URL,
// which can be longer, so rolegate allows more but still bounds it.
const MAX_RELAY_STATE = 2048;

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
    let samlRequest: unknown;
    let relayState: unknown;
    let query: RedirectBindingQuery | undefined;
    if (binding === 'redirect') {
      // The raw query: a redirect-binding signature covers the values exactly as they were encoded.
      query = readRedirectBindingQuery(new URL(c.req.url).search);
      samlRequest = query.samlRequest;
      relayState = query.relayState;
    } else {
      const form = await readForm(c);
      samlRequest = form['SAMLRequest'];
      relayState = form['RelayState'];
    }
    if (typeof samlRequest !== 'string' || samlRequest === '') {
      throw new RolegateError('ERR_SAML_REQUEST_INVALID', 'the SAMLRequest parameter is missing');
    }
    if (relayState !== undefined && (typeof relayState !== 'string' || relayState.length > MAX_RELAY_STATE)) {
      throw new RolegateError('ERR_SAML_REQUEST_INVALID', `RelayState must be a string of at most ${MAX_RELAY_STATE} characters`);
    }
    const xml = binding === 'redirect' ? decodeRedirectAuthnRequest(samlRequest) : decodePostAuthnRequest(samlRequest);
    // Before anything else is read from the request, and before the detour through sign-in.
    const checked = checkAuthnRequestSignature(query === undefined ? { xml } : { xml, query }, {
      required: target.authnRequestsSigned,
      certificatesPem: target.spSigningCertificates,
      // An app still on SHA-1 for its own responses is an old setup; only it accepts SHA-1 requests.
      allowSha1: target.signingAlgorithm === 'rsa-sha1',
    });
    const request = parseAuthnRequest(checked.xml, deps.ctx.now());
    const ssoUrl = `${deps.ctx.publicUrl}/saml/${target.id}/sso`;
    // saml-core §3.2.1: a Destination that names another endpoint was not meant for us.
    if (request.destination !== undefined && request.destination !== ssoUrl) {
      throw new RolegateError('ERR_SAML_REQUEST_INVALID', `the request's Destination '${request.destination}' is not this sign-in URL '${ssoUrl}'`);
    }
    if (request.protocolBinding !== undefined && request.protocolBinding !== BINDING_HTTP_POST) {
      throw new RolegateError('ERR_SAML_REQUEST_INVALID', `the request asks for the response binding '${request.protocolBinding}'; rolegate answers with HTTP-POST only`);
    }
    // Exact matches only (issue 2 §8): a near miss is a misconfiguration or an attack, never a redirect.
    if (!target.identifiers.includes(request.issuer)) {
      throw new RolegateError('ERR_SAML_REQUEST_INVALID', `the request's Issuer '${request.issuer}' is not an identifier of the application '${target.displayName}'`);
    }
    const acsUrl = request.assertionConsumerServiceUrl ?? target.replyUrls[0];
    if (!acsUrl || !target.replyUrls.includes(acsUrl)) {
      throw new RolegateError(
        'ERR_SAML_REQUEST_INVALID',
        `the request's AssertionConsumerServiceURL '${acsUrl ?? ''}' is not a reply URL of the application '${target.displayName}'`,
      );
    }
    if (!target.enabled) throw new RolegateError('ERR_APP_DISABLED', `the application '${target.displayName}' is disabled`);
    const session = c.get('session');
    if (session && request.forceAuthn) {
      throw new RolegateError('ERR_SAML_REQUEST_INVALID', 'the application asked for a fresh sign-in (ForceAuthn), which rolegate does not support yet: sign out and try again');
    }
    if (!session) {
      if (request.isPassive) throw new RolegateError('ERR_UNAUTHENTICATED', 'the application asked for passive sign-in, but you are not signed in');
      // Come back through the redirect binding, so the pending request needs no server-side
      // state, and is checked again on the way back exactly as now:
      // - redirect binding: the parameters as received, so a query signature still verifies;
      // - POST binding: the received XML deflated unchanged, so an enveloped signature still
      //   verifies (checkAuthnRequestSignature accepts one on a GET for this reason).
      let again: string;
      if (query !== undefined) {
        again = query.carriedQuery;
      } else {
        const params = new URLSearchParams({ SAMLRequest: deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64') });
        if (typeof relayState === 'string') params.set('RelayState', relayState);
        again = params.toString();
      }
      return c.redirect(signInRedirect(`/saml/${target.id}/sso?${again}`), 303);
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
    return renderPostBinding(c, target, acsUrl, issued.xml, typeof relayState === 'string' ? relayState : undefined);
  };
  app.get('/saml/:appId/sso', (c) => spInitiated(c, 'redirect'));
  app.post('/saml/:appId/sso', (c) => spInitiated(c, 'post'));

  return app;
}
