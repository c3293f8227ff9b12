import type { App } from '../../core/model.ts';
import { RolegateError } from '../../errors/rolegate-error.ts';
import { BINDING_HTTP_POST } from '../../saml/namespaces.ts';
import type { ParsedAuthnRequest } from '../../saml/parse-authn-request.ts';

/**
 * Matches an AuthnRequest against the app it was sent to and returns the ACS URL to answer.
 * Exact matches only (issue 2 §8): a near miss is a misconfiguration or an attack, and it gets
 * an error page, never a redirect.
 */
export function checkRequestForApp(app: App, request: ParsedAuthnRequest, ssoUrl: string): { acsUrl: string } {
  // saml-core §3.2.1: a Destination that names another endpoint was not meant for us.
  if (request.destination !== undefined && request.destination !== ssoUrl) {
    throw new RolegateError('ERR_SAML_REQUEST_INVALID', `the request's Destination '${request.destination}' is not this sign-in URL '${ssoUrl}'`);
  }
  if (request.protocolBinding !== undefined && request.protocolBinding !== BINDING_HTTP_POST) {
    throw new RolegateError('ERR_SAML_REQUEST_INVALID', `the request asks for the response binding '${request.protocolBinding}'; rolegate answers with HTTP-POST only`);
  }
  if (!app.identifiers.includes(request.issuer)) {
    throw new RolegateError('ERR_SAML_REQUEST_INVALID', `the request's Issuer '${request.issuer}' is not an identifier of the application '${app.displayName}'`);
  }
  const acsUrl = request.assertionConsumerServiceUrl ?? app.replyUrls[0];
  if (!acsUrl || !app.replyUrls.includes(acsUrl)) {
    throw new RolegateError(
      'ERR_SAML_REQUEST_INVALID',
      `the request's AssertionConsumerServiceURL '${acsUrl ?? ''}' is not a reply URL of the application '${app.displayName}'`,
    );
  }
  if (!app.enabled) throw new RolegateError('ERR_APP_DISABLED', `the application '${app.displayName}' is disabled`);
  return { acsUrl };
}
