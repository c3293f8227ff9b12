import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';

const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XS = 'http://www.w3.org/2001/XMLSchema';
export const AWS_ATTR = 'https://aws.amazon.com/SAML/Attributes/';

export interface TestResponseInput {
  now: Date;
  responseId?: string;
  assertionId?: string;
  issuer?: string;
  /** Omit the Response's own Issuer. */
  omitResponseIssuer?: boolean;
  /** null: no Destination attribute. */
  destination?: string | null;
  /** Version attributes other than 2.0; null omits one. */
  versions?: { response?: string | null; assertion?: string | null };
  audiences?: string[];
  recipient?: string;
  /** null: no Subject at all. */
  nameId?: string | null;
  /** A Subject without NameID. */
  omitNameId?: boolean;
  nameIdFormat?: string | null;
  subjectConfirmationMethod?: string;
  notBefore?: Date;
  notOnOrAfter?: Date;
  confirmationNotOnOrAfter?: Date;
  sessionNotOnOrAfter?: Date | null;
  attributes?: Array<{ name: string; values: string[] }>;
  /** How many bearer SubjectConfirmation elements (default 1). */
  subjectConfirmations?: number;
  /** SubjectConfirmationData variations: a NotBefore (forbidden for bearer), or a missing Recipient / NotOnOrAfter. */
  confirmationData?: { notBefore?: Date; omitRecipient?: boolean; omitNotOnOrAfter?: boolean };
  /** Several AudienceRestriction elements, each with its Audiences (overrides `audiences`). */
  audienceRestrictions?: string[][];
  /** samlp:Status: the top-level code (default Success), an optional second-level one and message; null for none. */
  status?: { code: string; secondCode?: string; message?: string } | null;
}

/** Builds an unsigned SAML Response with a DOM, as an IdP would, for tests only. */
export function buildTestResponse(input: TestResponseInput): string {
  const now = input.now;
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const plus = (seconds: number) => new Date(now.getTime() + seconds * 1000);
  const doc: Document = new DOMImplementation().createDocument(SAMLP, 'samlp:Response', null);
  const response = doc.documentElement as Element;
  response.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:saml', SAML);
  response.setAttribute('ID', input.responseId ?? '_resp0001');
  if (input.versions?.response !== null) response.setAttribute('Version', input.versions?.response ?? '2.0');
  response.setAttribute('IssueInstant', iso(now));
  if (input.destination !== null) response.setAttribute('Destination', input.destination ?? 'https://signin.aws.amazon.com/saml');
  const issuerText = input.issuer ?? 'https://idp.example.test/saml';
  const el = (parent: Element, ns: string, name: string, text?: string): Element => {
    const child = doc.createElementNS(ns, name);
    if (text !== undefined) child.appendChild(doc.createTextNode(text));
    parent.appendChild(child);
    return child;
  };
  if (!input.omitResponseIssuer) el(response, SAML, 'saml:Issuer', issuerText);
  if (input.status !== null) {
    const wanted = input.status ?? { code: 'urn:oasis:names:tc:SAML:2.0:status:Success' };
    const status = el(response, SAMLP, 'samlp:Status');
    const code = el(status, SAMLP, 'samlp:StatusCode');
    code.setAttribute('Value', wanted.code);
    if (wanted.secondCode !== undefined) el(code, SAMLP, 'samlp:StatusCode').setAttribute('Value', wanted.secondCode);
    if (wanted.message !== undefined) el(status, SAMLP, 'samlp:StatusMessage', wanted.message);
  }

  const assertion = el(response, SAML, 'saml:Assertion');
  assertion.setAttribute('ID', input.assertionId ?? '_assert0001');
  if (input.versions?.assertion !== null) assertion.setAttribute('Version', input.versions?.assertion ?? '2.0');
  assertion.setAttribute('IssueInstant', iso(now));
  el(assertion, SAML, 'saml:Issuer', issuerText);
  if (input.nameId !== null) {
    const subject = el(assertion, SAML, 'saml:Subject');
    if (!input.omitNameId) {
      const nameId = el(subject, SAML, 'saml:NameID', input.nameId ?? 'alice@example.test');
      if (input.nameIdFormat !== null) {
        nameId.setAttribute('Format', input.nameIdFormat ?? 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
      }
    }
    for (let i = 0; i < (input.subjectConfirmations ?? 1); i += 1) {
      const confirmation = el(subject, SAML, 'saml:SubjectConfirmation');
      confirmation.setAttribute('Method', input.subjectConfirmationMethod ?? 'urn:oasis:names:tc:SAML:2.0:cm:bearer');
      const data = el(confirmation, SAML, 'saml:SubjectConfirmationData');
      const variations = input.confirmationData ?? {};
      if (variations.notBefore) data.setAttribute('NotBefore', iso(variations.notBefore));
      if (!variations.omitNotOnOrAfter) data.setAttribute('NotOnOrAfter', iso(input.confirmationNotOnOrAfter ?? plus(300)));
      if (!variations.omitRecipient) data.setAttribute('Recipient', input.recipient ?? 'https://signin.aws.amazon.com/saml');
    }
  }
  const conditions = el(assertion, SAML, 'saml:Conditions');
  conditions.setAttribute('NotBefore', iso(input.notBefore ?? plus(-60)));
  conditions.setAttribute('NotOnOrAfter', iso(input.notOnOrAfter ?? plus(300)));
  for (const audiences of input.audienceRestrictions ?? [input.audiences ?? ['urn:amazon:webservices']]) {
    const restriction = el(conditions, SAML, 'saml:AudienceRestriction');
    for (const audience of audiences) el(restriction, SAML, 'saml:Audience', audience);
  }

  const statement = el(assertion, SAML, 'saml:AttributeStatement');
  statement.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:xs', XS);
  statement.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:xsi', XSI);
  for (const attribute of input.attributes ?? []) {
    const a = el(statement, SAML, 'saml:Attribute');
    a.setAttribute('Name', attribute.name);
    for (const value of attribute.values) el(a, SAML, 'saml:AttributeValue', value).setAttributeNS(XSI, 'xsi:type', 'xs:string');
  }
  const authn = el(assertion, SAML, 'saml:AuthnStatement');
  authn.setAttribute('AuthnInstant', iso(now));
  authn.setAttribute('SessionIndex', input.assertionId ?? '_assert0001');
  if (input.sessionNotOnOrAfter !== null) authn.setAttribute('SessionNotOnOrAfter', iso(input.sessionNotOnOrAfter ?? plus(8 * 3600)));
  const context = el(authn, SAML, 'saml:AuthnContext');
  el(context, SAML, 'saml:AuthnContextClassRef', 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport');
  return new XMLSerializer().serializeToString(doc);
}
