import { createHash, X509Certificate } from 'node:crypto';
import type { XmlDocument, XmlElement } from './xml/xml-dom.ts';
import { isRolegateError } from '../errors/rolegate-error.ts';
import { SAML_ASSERTION_NS, SAML_PROTOCOL_NS, XMLDSIG_NS } from './namespaces.ts';
import { parseXmlSafely } from './parse-xml-safely.ts';
import { readAssertion, type ParsedAssertion, type ParsedSubjectConfirmation } from './read-assertion.ts';
import { allElements, attributeOf, childElements, pathOf, textOf } from './verify/dom.ts';
import { verifySamlResponse } from './verify/verify-saml-response.ts';

const MAX_INSPECT_LENGTH = 10_000_000;
const SHA1_ALGORITHMS = new Set(['http://www.w3.org/2000/09/xmldsig#rsa-sha1', 'http://www.w3.org/2000/09/xmldsig#sha1']);

/** What an SP-specific explainer (for example AWS's) says about the attributes. */
export interface AttributeExplanation {
  title: string;
  lines: string[];
  warnings: string[];
  data: Record<string, unknown>;
}
export type AttributeExplainer = (attributes: ReadonlyArray<{ name: string; values: string[] }>) => AttributeExplanation;

export interface InspectOptions {
  now: Date;
  /** When given, the signature is verified against these certificates only. */
  certificatesPem?: string[];
  /** Service-provider rules to apply to the attributes (src/aws: explainAwsSamlAttributes). */
  explainAttributes?: AttributeExplainer;
}

export interface InspectedSignature {
  /** Where the Signature element sits, e.g. `Response/Assertion/Signature`. */
  location: string;
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
  canonicalization?: string;
  referenceUri?: string;
  keyInfoCertificate?: { subject: string; sha256Fingerprint: string; notAfter: string };
}

export interface InspectReport {
  input: 'base64' | 'xml';
  /** Set when the document could not be read at all; the other fields are then empty. */
  error?: string;
  response?: { id?: string; destination?: string; issueInstant?: string; issuer?: string; inResponseTo?: string; status?: string };
  assertionCount: number;
  /** Fields below are read from the verified assertion when `verification.ok`, else from the unverified one. */
  verifiedContent: boolean;
  assertion?: ParsedAssertion;
  subjectConfirmations: ParsedSubjectConfirmation[];
  validity: { notBefore?: string; notOnOrAfter?: string; state: 'valid' | 'not-yet-valid' | 'expired' | 'unknown'; secondsLeft?: number };
  signatures: InspectedSignature[];
  verification?: { ok: boolean; message: string; responseSigned?: boolean; assertionSigned?: boolean; signatureAlgorithm?: string };
  explanation?: AttributeExplanation;
  warnings: string[];
}

/** Accepts raw XML, base64, or base64 still URL-encoded from a browser's network panel. */
function decodeInput(input: string): { xml: string; kind: 'base64' | 'xml' } {
  const trimmed = input.trim();
  if (trimmed.startsWith('<')) return { xml: trimmed, kind: 'xml' };
  let text = trimmed.replace(/^SAMLResponse=/, '');
  if (text.includes('%')) text = decodeURIComponent(text);
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) throw new Error('input is neither XML nor base64');
  return { xml: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(compact, 'base64')), kind: 'base64' };
}

function describeSignature(signature: XmlElement): InspectedSignature {
  const signedInfo = childElements(signature, XMLDSIG_NS, 'SignedInfo')[0];
  const reference = signedInfo ? childElements(signedInfo, XMLDSIG_NS, 'Reference')[0] : undefined;
  const algorithm = (parent: XmlElement | undefined, name: string) => (parent ? attributeOf(childElements(parent, XMLDSIG_NS, name)[0] ?? parent, 'Algorithm') : undefined);
  const result: InspectedSignature = { location: pathOf(signature) };
  const sig = signedInfo && childElements(signedInfo, XMLDSIG_NS, 'SignatureMethod')[0] ? algorithm(signedInfo, 'SignatureMethod') : undefined;
  if (sig) result.signatureAlgorithm = sig;
  const c14n = signedInfo && childElements(signedInfo, XMLDSIG_NS, 'CanonicalizationMethod')[0] ? algorithm(signedInfo, 'CanonicalizationMethod') : undefined;
  if (c14n) result.canonicalization = c14n;
  const digest = reference && childElements(reference, XMLDSIG_NS, 'DigestMethod')[0] ? algorithm(reference, 'DigestMethod') : undefined;
  if (digest) result.digestAlgorithm = digest;
  const uri = reference ? attributeOf(reference, 'URI') : undefined;
  if (uri !== undefined) result.referenceUri = uri;
  const certificateText = childElements(signature, XMLDSIG_NS, 'KeyInfo')
    .flatMap((ki) => childElements(ki, XMLDSIG_NS, 'X509Data'))
    .flatMap((data) => childElements(data, XMLDSIG_NS, 'X509Certificate'))[0];
  if (certificateText) {
    try {
      const der = Buffer.from(textOf(certificateText).replace(/\s+/g, ''), 'base64');
      const certificate = new X509Certificate(der);
      result.keyInfoCertificate = {
        subject: certificate.subject.replace(/\n/g, ', '),
        sha256Fingerprint: createHash('sha256').update(der).digest('hex').toUpperCase().replace(/(..)(?!$)/g, '$1:'),
        notAfter: new Date(certificate.validTo).toISOString(),
      };
    } catch {
      // An unreadable KeyInfo certificate is only reported; it never decides anything.
    }
  }
  return result;
}

function computeValidity(assertion: ParsedAssertion | undefined, now: Date): InspectReport['validity'] {
  if (!assertion) return { state: 'unknown' };
  const ends = [assertion.conditions?.notOnOrAfter, ...(assertion.subject?.confirmations ?? []).map((c) => c.notOnOrAfter)]
    .filter((v): v is string => v !== undefined)
    .sort((a, b) => new Date(a).getTime() - new Date(b).getTime());
  const notBefore = assertion.conditions?.notBefore;
  const notOnOrAfter = ends[0];
  const window = { ...(notBefore ? { notBefore } : {}), ...(notOnOrAfter ? { notOnOrAfter } : {}) };
  if (notBefore && new Date(notBefore).getTime() > now.getTime()) return { ...window, state: 'not-yet-valid' };
  if (!notOnOrAfter || Number.isNaN(new Date(notOnOrAfter).getTime())) return { ...window, state: 'unknown' };
  const secondsLeft = Math.floor((new Date(notOnOrAfter).getTime() - now.getTime()) / 1000);
  return { ...window, state: secondsLeft > 0 ? 'valid' : 'expired', secondsLeft };
}

function readResponse(root: XmlElement): InspectReport['response'] {
  const statusCode = childElements(root, SAML_PROTOCOL_NS, 'Status').flatMap((s) => childElements(s, SAML_PROTOCOL_NS, 'StatusCode'))[0];
  const issuer = childElements(root, SAML_ASSERTION_NS, 'Issuer')[0];
  const pick = (name: string, key: string) => {
    const value = attributeOf(root, name);
    return value === undefined ? {} : { [key]: value };
  };
  return {
    ...pick('ID', 'id'),
    ...pick('Destination', 'destination'),
    ...pick('IssueInstant', 'issueInstant'),
    ...pick('InResponseTo', 'inResponseTo'),
    ...(issuer ? { issuer: textOf(issuer).trim() } : {}),
    ...(statusCode ? { status: attributeOf(statusCode, 'Value') ?? '' } : {}),
  };
}

/**
 * Decodes and explains a SAML Response for a person: who issued it, for whom, until when,
 * how it is signed and what it claims. Unless `certificatesPem` verifies it, everything shown
 * is unverified and the report says so. Never throws on bad input: the report carries it.
 */
export function inspectSamlResponse(input: string, options: InspectOptions): InspectReport {
  const report: InspectReport = { input: 'xml', assertionCount: 0, verifiedContent: false, subjectConfirmations: [], validity: { state: 'unknown' }, signatures: [], warnings: [] };
  let doc: XmlDocument;
  let xml: string;
  try {
    const decoded = decodeInput(input);
    report.input = decoded.kind;
    xml = decoded.xml;
    doc = parseXmlSafely(xml, { maxLength: MAX_INSPECT_LENGTH });
  } catch (error) {
    report.error = `Cannot read the SAML response: ${error instanceof Error ? error.message : String(error)}`;
    return report;
  }
  const root = doc.documentElement as XmlElement;
  if (root.namespaceURI !== SAML_PROTOCOL_NS || root.localName !== 'Response') {
    report.error = `This is not a SAML 2.0 Response: the root element is ${root.localName}`;
    return report;
  }
  report.response = readResponse(root);
  const everyAssertion = allElements(doc).filter((e) => e.namespaceURI === SAML_ASSERTION_NS && e.localName === 'Assertion');
  report.assertionCount = everyAssertion.length;
  if (allElements(doc).some((e) => e.namespaceURI === SAML_ASSERTION_NS && e.localName === 'EncryptedAssertion')) {
    report.warnings.push('The response has an EncryptedAssertion, which cannot be inspected without the SP key');
  }
  report.signatures = allElements(doc).filter((e) => e.namespaceURI === XMLDSIG_NS && e.localName === 'Signature').map(describeSignature);

  let assertionElement = childElements(root, SAML_ASSERTION_NS, 'Assertion')[0];
  if (options.certificatesPem) {
    try {
      const verified = verifySamlResponse(xml, options.certificatesPem, { maxLength: MAX_INSPECT_LENGTH, allowSha1: true });
      assertionElement = verified.assertion;
      report.verifiedContent = true;
      const what = [verified.responseSigned ? 'Response' : '', verified.assertionSigned ? 'Assertion' : ''].filter(Boolean).join(' and ');
      report.verification = {
        ok: true,
        message: `Signature valid: ${what} signed by one of the ${options.certificatesPem.length} given certificate(s)`,
        responseSigned: verified.responseSigned,
        assertionSigned: verified.assertionSigned,
        signatureAlgorithm: verified.signatureAlgorithm,
      };
    } catch (error) {
      if (!isRolegateError(error) && !(error instanceof TypeError)) throw error;
      report.verification = { ok: false, message: (error as Error).message };
    }
  }
  if (assertionElement) {
    try {
      report.assertion = readAssertion(assertionElement);
    } catch (error) {
      report.warnings.push(`The assertion cannot be read: ${(error as Error).message}`);
    }
  }
  const assertion = report.assertion;
  report.subjectConfirmations = assertion?.subject?.confirmations ?? [];
  report.validity = computeValidity(assertion, options.now);
  collectWarnings(report);
  if (assertion && options.explainAttributes) {
    report.explanation = options.explainAttributes(assertion.attributes);
    report.warnings.push(...report.explanation.warnings);
  }
  return report;
}

function collectWarnings(report: InspectReport): void {
  const w = report.warnings;
  if (report.response?.status && report.response.status !== 'urn:oasis:names:tc:SAML:2.0:status:Success') w.push(`Status is ${report.response.status}, not Success`);
  if (report.assertionCount !== 1) w.push(`The document holds ${report.assertionCount} Assertion elements; exactly one is expected`);
  if (report.signatures.length === 0) w.push('Nothing is signed: any service provider must refuse this response');
  if (report.signatures.some((s) => SHA1_ALGORITHMS.has(s.signatureAlgorithm ?? '') || SHA1_ALGORITHMS.has(s.digestAlgorithm ?? ''))) w.push('SHA-1 is used; prefer RSA-SHA256');
  if (report.verification === undefined && report.signatures.length > 0) w.push('The signature was not verified: pass the IdP certificate to check it');
  const assertion = report.assertion;
  if (!assertion) return;
  if (!assertion.subject) w.push('The assertion has no Subject');
  else if (assertion.subject.nameId === undefined) w.push('The Subject has no NameID');
  if (report.subjectConfirmations.length !== 1) w.push(`There are ${report.subjectConfirmations.length} SubjectConfirmations; exactly one bearer confirmation is expected`);
  if ((assertion.conditions?.audiences ?? []).length === 0) w.push('There is no AudienceRestriction');
  if (report.validity.state === 'expired') w.push(`The assertion expired at ${report.validity.notOnOrAfter}`);
  if (report.validity.state === 'not-yet-valid') w.push(`The assertion is not valid before ${report.validity.notBefore}`);
}

/** The report as plain text for a terminal. */
export function formatInspectReport(report: InspectReport): string {
  const out: string[] = [];
  const row = (label: string, value: string | undefined) => out.push(`  ${`${label}:`.padEnd(22)} ${value ?? '-'}`);
  if (report.error) return `${report.error}\n`;
  out.push(`SAML Response (${report.input === 'base64' ? 'decoded from base64' : 'XML'})`);
  row('ID', report.response?.id);
  row('Issuer', report.response?.issuer);
  row('Destination', report.response?.destination);
  row('IssueInstant', report.response?.issueInstant);
  row('Status', report.response?.status);
  out.push('', `Assertion${report.verifiedContent ? ' (verified content)' : ' (UNVERIFIED content)'}`);
  const a = report.assertion;
  row('ID', a?.id);
  row('Issuer', a?.issuer);
  row('NameID', a?.subject?.nameId);
  row('NameID Format', a?.subject?.nameIdFormat);
  for (const c of report.subjectConfirmations) {
    row('Confirmation', c.method);
    row('  Recipient', c.recipient);
    row('  NotOnOrAfter', c.notOnOrAfter);
  }
  (a?.conditions?.audiences ?? []).forEach((list, i) => row(`Audience (${i + 1})`, list.join(', ')));
  row('Valid', `${report.validity.notBefore ?? '-'} .. ${report.validity.notOnOrAfter ?? '-'} (${report.validity.state}${report.validity.secondsLeft === undefined ? '' : `, ${report.validity.secondsLeft}s left`})`);
  for (const s of a?.authnStatements ?? []) row('SessionNotOnOrAfter', s.sessionNotOnOrAfter);
  out.push('', 'Signatures');
  if (report.signatures.length === 0) out.push('  none');
  for (const s of report.signatures) {
    out.push(`  ${s.location}`);
    row('  Algorithm', s.signatureAlgorithm);
    row('  Digest', s.digestAlgorithm);
    row('  Reference', s.referenceUri);
    if (s.keyInfoCertificate) row('  KeyInfo cert', `${s.keyInfoCertificate.subject} (SHA-256 ${s.keyInfoCertificate.sha256Fingerprint}, not trusted by itself)`);
  }
  if (report.verification) row('Verification', `${report.verification.ok ? 'OK' : 'FAILED'}: ${report.verification.message}`);
  out.push('', 'Attributes');
  if ((a?.attributes ?? []).length === 0) out.push('  none');
  for (const attribute of a?.attributes ?? []) {
    out.push(`  ${attribute.name}`);
    for (const value of attribute.values) out.push(`    - ${value}`);
  }
  if (report.explanation) {
    out.push('', report.explanation.title);
    for (const line of report.explanation.lines) out.push(`  ${line}`);
  }
  out.push('', report.warnings.length === 0 ? 'No warnings.' : 'Warnings');
  for (const warning of report.warnings) out.push(`  ! ${warning}`);
  return `${out.join('\n')}\n`;
}
