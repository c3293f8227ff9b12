import type { AppTemplate, ComputedAttribute } from '../core/apps/app-template.ts';
import type { App } from '../core/model.ts';
import { attributeName } from '../core/sso/compute-assertion-content.ts';
import { RolegateError } from '../errors/rolegate-error.ts';

export const AWS_ATTRIBUTE_NAMESPACE = 'https://aws.amazon.com/SAML/Attributes';
export const AWS_SP_ENTITY_ID = 'urn:amazon:webservices';
export const AWS_SIGN_IN_URL = 'https://signin.aws.amazon.com/saml';

// Real account ids have 12 digits; shorter ones are accepted because seed 001's own example
// (`arn:aws:iam::12345:role/Admin`) must import as shown. AWS, or the sandbox, refuses them at sign-in.
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{1,12}:role\/[\w+=,.@\/-]{1,512}$/;
const PROVIDER_ARN = /^arn:aws[a-z-]*:iam::\d{1,12}:saml-provider\/[\w.-]{1,128}$/;
// SPEC §3: RoleSessionName is exactly one value of [a-zA-Z_0-9+=,.@-]{2,64}.
const ROLE_SESSION_NAME = /^[a-zA-Z_0-9+=,.@-]{2,64}$/;
// seed 000: "Azure AD removes the value of #" from identifiers like urn:amazon:webservices#2.
const INSTANCE_SUFFIX = /#[^#]*$/;
// SPEC §3: AWS's SP entity IDs (also GovCloud's and China's), with an optional #n instance suffix.
const AWS_IDENTIFIER = /^(urn:amazon:webservices(:govcloud|:cn-north-1)?|https:\/\/signin\.aws\.amazon\.com\/saml)(#[^#\s]+)?$/;
// SPEC §3: the global and regional sign-in endpoints; loopback for the rolegate sandbox.
const AWS_REPLY_URL = /^(https:\/\/([a-z0-9-]+\.)?signin\.aws\.amazon\.com\/saml|https:\/\/signin\.amazonaws-us-gov\.com\/saml|https:\/\/signin\.amazonaws\.cn\/saml|https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/[^\s]*)$/;

const ROLE = `${AWS_ATTRIBUTE_NAMESPACE}/Role`;
const ROLE_SESSION_NAME_ATTR = `${AWS_ATTRIBUTE_NAMESPACE}/RoleSessionName`;
const SESSION_DURATION = `${AWS_ATTRIBUTE_NAMESPACE}/SessionDuration`;

/** Checks `roleArn,samlProviderArn` (AWS accepts either order, SPEC §3) and returns the two ARNs. */
export function parseAwsRoleValue(value: string): { roleArn: string; providerArn: string } {
  const parts = value.split(',');
  if (parts.length === 2) {
    const [a = '', b = ''] = parts.map((p) => p.trim());
    if (ROLE_ARN.test(a) && PROVIDER_ARN.test(b)) return { roleArn: a, providerArn: b };
    if (ROLE_ARN.test(b) && PROVIDER_ARN.test(a)) return { roleArn: b, providerArn: a };
  }
  throw new RolegateError(
    'ERR_VALIDATION',
    `'${value}' is not an AWS role pair: expected 'arn:aws:iam::<account>:role/<name>,arn:aws:iam::<account>:saml-provider/<name>'`,
    { field: 'value' },
  );
}

export const awsAppTemplate: AppTemplate = {
  id: 'aws',
  needsRoleValues: true,
  defaults: () => ({
    identifiers: [AWS_SP_ENTITY_ID],
    replyUrls: [AWS_SIGN_IN_URL],
    signOnUrl: null,
    relayState: null,
    nameIdFormat: 'persistent',
    nameIdSource: 'userPrincipalName',
    // seed 000/001: Role, RoleSessionName and SessionDuration under the AWS namespace.
    claims: [
      { name: 'Role', namespace: AWS_ATTRIBUTE_NAMESPACE, source: { type: 'roles' } },
      { name: 'RoleSessionName', namespace: AWS_ATTRIBUTE_NAMESPACE, source: { type: 'attribute', attribute: 'userPrincipalName' } },
      { name: 'SessionDuration', namespace: AWS_ATTRIBUTE_NAMESPACE, source: { type: 'sessionDuration' } },
    ],
    sessionDuration: 3600,
    signingScope: 'assertion',
    signingAlgorithm: 'rsa-sha256',
    authnRequestsSigned: false,
    spSigningCertificates: [],
  }),

  validateApp(app: App) {
    app.identifiers.forEach((identifier, i) => {
      if (!AWS_IDENTIFIER.test(identifier)) {
        throw new RolegateError('ERR_VALIDATION', `identifiers[${i}]: '${identifier}' is not an AWS identifier (urn:amazon:webservices, optionally with a #n suffix)`, {
          field: `identifiers[${i}]`,
        });
      }
    });
    app.replyUrls.forEach((url, i) => {
      if (!AWS_REPLY_URL.test(url)) {
        throw new RolegateError('ERR_VALIDATION', `replyUrls[${i}]: '${url}' is not an AWS sign-in endpoint (https://signin.aws.amazon.com/saml or https://<region>.signin.aws.amazon.com/saml; loopback for the sandbox)`, {
          field: `replyUrls[${i}]`,
        });
      }
    });
    const claim = (name: string) => app.claims.find((c) => attributeName(c) === name);
    if (claim(ROLE)?.source.type !== 'roles') {
      throw new RolegateError('ERR_VALIDATION', `claims: AWS needs the ${ROLE} claim with source {"type": "roles"}`, { field: 'claims' });
    }
    const sessionName = claim(ROLE_SESSION_NAME_ATTR);
    if (!sessionName || sessionName.source.type === 'roles') {
      throw new RolegateError('ERR_VALIDATION', `claims: AWS needs one ${ROLE_SESSION_NAME_ATTR} claim from a user attribute or a constant`, { field: 'claims' });
    }
  },

  normalizeRoleValue(value: string) {
    const { roleArn, providerArn } = parseAwsRoleValue(value);
    return `${roleArn},${providerArn}`;
  },

  validateAttributes(_app: App, attributes: readonly ComputedAttribute[]) {
    const byName = new Map<string, string[]>();
    for (const attribute of attributes) {
      // Two claims that end in the same Name would send two attributes AWS reads as one.
      if (byName.has(attribute.name)) {
        throw new RolegateError('ERR_CLAIM_INVALID', `the attribute ${attribute.name} would be sent twice`, { field: 'claims' });
      }
      byName.set(attribute.name, attribute.values);
    }
    const roles = byName.get(ROLE) ?? [];
    if (roles.length === 0) {
      throw new RolegateError('ERR_CLAIM_INVALID', 'no AWS role is assigned to this user for this app (the Role attribute would be empty)', {
        field: 'Role',
      });
    }
    const sessionName = byName.get(ROLE_SESSION_NAME_ATTR);
    if (!sessionName || sessionName.length !== 1 || !ROLE_SESSION_NAME.test(sessionName[0]!)) {
      throw new RolegateError(
        'ERR_CLAIM_INVALID',
        `RoleSessionName must be one value of 2–64 characters from [a-zA-Z_0-9+=,.@-]; this user's value is ${sessionName?.length ? `'${sessionName.join("', '")}'` : 'empty'}`,
        { field: 'RoleSessionName' },
      );
    }
    const duration = byName.get(SESSION_DURATION);
    if (duration && (duration.length !== 1 || !/^\d+$/.test(duration[0]!) || +duration[0]! < 900 || +duration[0]! > 43200)) {
      throw new RolegateError('ERR_CLAIM_INVALID', 'SessionDuration must be one whole number of seconds from 900 to 43200', {
        field: 'SessionDuration',
      });
    }
  },

  audienceFor: (identifier) => identifier.replace(INSTANCE_SUFFIX, ''),
};
