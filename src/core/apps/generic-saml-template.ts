import type { AppTemplate } from './app-template.ts';

export const genericSamlTemplate: AppTemplate = {
  id: 'generic-saml',
  needsRoleValues: false,
  defaults: () => ({
    identifiers: [],
    replyUrls: [],
    signOnUrl: null,
    relayState: null,
    nameIdFormat: 'emailAddress',
    nameIdSource: 'userPrincipalName',
    claims: [
      { name: 'emailaddress', namespace: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims', source: { type: 'attribute', attribute: 'mail' } },
      { name: 'name', namespace: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims', source: { type: 'attribute', attribute: 'userPrincipalName' } },
      { name: 'displayname', namespace: 'http://schemas.microsoft.com/identity/claims', source: { type: 'attribute', attribute: 'displayName' } },
    ],
    sessionDuration: null,
    signingScope: 'assertion',
    signingAlgorithm: 'rsa-sha256',
    authnRequestsSigned: false,
    spSigningCertificates: [],
  }),
  validateApp: () => {},
  normalizeRoleValue: (value) => value,
  validateAttributes: () => {},
  audienceFor: (identifier) => identifier,
};
