import { isRolegateError } from '../../errors/rolegate-error.ts';
import { readAssertion, type ParsedAssertion } from '../../saml/read-assertion.ts';
import type { XmlDocument } from '../../saml/xml/xml-dom.ts';
import { verifySamlDocument, type VerifiedSamlResponse } from '../../saml/verify/verify-saml-response.ts';
import { checkAudience } from './check-audience.ts';
import { checkIssuer } from './check-issuer.ts';
import { checkPrincipalTags } from './check-principal-tags.ts';
import { checkResponseEnvelope } from './check-response-envelope.ts';
import { checkRoleAttribute } from './check-role-attribute.ts';
import { checkRoleSessionName } from './check-role-session-name.ts';
import { checkSessionDuration } from './check-session-duration.ts';
import { checkSignature, MAX_SAML_XML_LENGTH, parseSamlXml, toSandboxError } from './check-signature.ts';
import { checkSize } from './check-size.ts';
import { checkSourceIdentity } from './check-source-identity.ts';
import { checkStatus } from './check-status.ts';
import { checkSubject } from './check-subject.ts';
import { checkSubjectConfirmation } from './check-subject-confirmation.ts';
import { checkTimeWindow } from './check-time-window.ts';
import { decodeSamlResponse } from './decode-saml-response.ts';
import { readCandidateProviders } from './read-candidate-providers.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';
import type { RejectedRoleChoice, SandboxDirectory, SamlValidationOptions, ValidatedAwsSamlResponse } from './types.ts';

interface Verified {
  verified: VerifiedSamlResponse;
  assertion: ParsedAssertion;
}

function readVerifiedAssertion(verified: VerifiedSamlResponse): ParsedAssertion {
  try {
    return readAssertion(verified.assertion);
  } catch (error) {
    throw toSandboxError(error);
  }
}

/** With no provider to try, surface what is wrong with the document itself, else the missing Role. */
function refuseWithoutProviders(doc: XmlDocument, options: SamlValidationOptions): never {
  try {
    verifySamlDocument(doc, [], { maxLength: MAX_SAML_XML_LENGTH, allowSha1: options.allowSha1 });
  } catch (error) {
    const noKeys = isRolegateError(error) && error.details?.['check'] === 'signature-value';
    if (!noKeys) throw toSandboxError(error);
  }
  // The document is well-formed and signed, but no Role value names a provider to verify it with.
  throw new SandboxSamlError(
    'InvalidIdentityToken',
    'check-role-attribute',
    'No https://aws.amazon.com/SAML/Attributes/Role value names a SAML provider, so the signature cannot be verified',
  );
}

/**
 * Step 1, shared by AssumeRoleWithSAML and the console: verify the response with the
 * certificates of each SAML provider its Role values name, then apply every AWS rule of
 * SPEC §3 to the verified assertion. Throws SandboxSamlError naming the failed check.
 */
export function validateSamlResponseForAws(
  samlResponseBase64: string,
  directory: SandboxDirectory,
  options: SamlValidationOptions,
): ValidatedAwsSamlResponse {
  checkSize(samlResponseBase64);
  const xml = decodeSamlResponse(samlResponseBase64);
  const doc = parseSamlXml(xml);
  const providerArns = readCandidateProviders(doc);
  if (providerArns.length === 0) refuseWithoutProviders(doc, options);

  let first: Verified | undefined;
  const accepted = new Set<string>();
  const rejections = new Map<string, SandboxSamlError>();
  for (const arn of providerArns) {
    const provider = directory.getSamlProvider(arn);
    if (!provider) {
      rejections.set(arn, new SandboxSamlError('InvalidIdentityToken', 'check-provider', `SAML provider ${arn} does not exist`));
      continue;
    }
    try {
      const verified = checkSignature(doc, provider, options.allowSha1);
      const assertion = readVerifiedAssertion(verified);
      checkIssuer(assertion.issuer, provider);
      first ??= { verified, assertion };
      accepted.add(arn);
    } catch (error) {
      if (!(error instanceof SandboxSamlError)) throw error;
      rejections.set(arn, error);
    }
  }
  if (!first) throw rejections.values().next().value as SandboxSamlError;

  const { verified, assertion } = first;
  checkStatus(verified.response);
  checkResponseEnvelope(verified.response, verified.assertion, options.signInEndpoints);
  const audienceRestrictions = checkAudience(assertion);
  const { nameId, nameIdFormat } = checkSubject(assertion);
  const confirmation = checkSubjectConfirmation(assertion, options.signInEndpoints);
  const window = checkTimeWindow(assertion, confirmation.notOnOrAfter, options.now, options.clockSkewSeconds);
  const pairs = checkRoleAttribute(assertion.attributes);
  const roleSessionName = checkRoleSessionName(assertion.attributes);
  const sessionDuration = checkSessionDuration(assertion.attributes);
  const tags = checkPrincipalTags(assertion.attributes);
  const sourceIdentity = checkSourceIdentity(assertion.attributes);

  const roles = pairs
    .filter((pair) => accepted.has(pair.principalArn))
    .map((pair) => ({ roleArn: pair.roleArn, principalArn: pair.principalArn, accountId: pair.role.accountId, roleName: pair.role.roleName }));
  const rejectedRoles: RejectedRoleChoice[] = pairs
    .filter((pair) => !accepted.has(pair.principalArn))
    .map((pair) => {
      const why = rejections.get(pair.principalArn)
        ?? new SandboxSamlError('InvalidIdentityToken', 'check-signature', `The response was not verified with the certificates of ${pair.principalArn}`);
      return { roleArn: pair.roleArn, principalArn: pair.principalArn, code: why.code, check: why.check, message: why.message };
    });

  return {
    issuer: assertion.issuer,
    nameId,
    nameIdFormat,
    recipient: confirmation.recipient,
    audience: confirmation.recipient,
    audienceRestrictions,
    roles,
    rejectedRoles,
    roleSessionName,
    ...(sessionDuration === undefined ? {} : { sessionDuration }),
    ...(window.sessionNotOnOrAfter ? { sessionNotOnOrAfter: window.sessionNotOnOrAfter } : {}),
    principalTags: tags.principalTags,
    transitiveTagKeys: tags.transitiveTagKeys,
    ...(sourceIdentity === undefined ? {} : { sourceIdentity }),
    notOnOrAfter: window.notOnOrAfter,
    assertionId: assertion.id,
    signatureAlgorithm: verified.signatureAlgorithm,
    responseSigned: verified.responseSigned,
    assertionSigned: verified.assertionSigned,
    attributes: assertion.attributes,
  };
}
