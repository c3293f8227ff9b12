import { AwsServiceError, validationError } from '../errors/aws-service-error.ts';
import { ParamReader } from '../protocol/param-reader.ts';
import type { QueryAction } from '../protocol/query-context.ts';
import { authorizeSamlRole, SandboxSamlError, validateSamlResponseForAws } from '../saml/index.ts';
import { issueSession, sessionXml } from './issue-session.ts';
import { DURATION, ROLE_ARN, SAML_ASSERTION } from './sts-names.ts';

/**
 * AssumeRoleWithSAML (unsigned): the SAML module validates the response as AWS does and
 * authorizes the role against its trust policy; its refusal carries the AWS error code and
 * the name of the exact check that failed, which the message repeats (SPEC §3).
 * Replays inside the validity window are accepted, as AWS accepts them.
 */
export const assumeRoleWithSamlAction: QueryAction = async (context) => {
  const { roleArn, principalArn, assertion, durationSeconds } = readParameters(context.params);
  const { directory } = context.runtime;
  const options = { ...context.runtime.samlOptions(), now: context.now };
  let authorized;
  try {
    const validated = validateSamlResponseForAws(assertion, directory, options);
    authorized = authorizeSamlRole(
      validated,
      { roleArn, principalArn, ...(durationSeconds === undefined ? {} : { durationSeconds }), purpose: 'sts' },
      directory,
      options,
    );
  } catch (error) {
    if (error instanceof SandboxSamlError) {
      throw new AwsServiceError(error.code, `${error.message} [rolegate check: ${error.check}]`, error.httpStatus);
    }
    throw error;
  }
  const role = context.runtime.store.state.roles.find((r) => r.arn === authorized.roleArn);
  if (role === undefined) throw new AwsServiceError('AccessDenied', `Role ${authorized.roleArn} no longer exists`, 403);
  const session = await issueSession(context.runtime.store, {
    role,
    roleSessionName: authorized.roleSessionName,
    expiration: authorized.expiration,
    issuedBy: 'AssumeRoleWithSAML',
    ...(authorized.sourceIdentity === undefined ? {} : { sourceIdentity: authorized.sourceIdentity }),
    principalTags: authorized.principalTags,
  });
  return {
    ...sessionXml(session),
    Subject: authorized.subject,
    SubjectType: authorized.subjectType,
    Issuer: authorized.issuer,
    Audience: authorized.audience,
    NameQualifier: authorized.nameQualifier,
    SourceIdentity: authorized.sourceIdentity,
  };
};

/** The request's own parameters; a refusal names check-parameters, like every other refusal names its check. */
function readParameters(params: ReadonlyMap<string, string>) {
  try {
    const p = new ParamReader(params);
    const roleArn = p.string('RoleArn', ROLE_ARN);
    const principalArn = p.string('PrincipalArn', ROLE_ARN);
    const assertion = p.string('SAMLAssertion', SAML_ASSERTION);
    const durationSeconds = p.integer('DurationSeconds', DURATION);
    p.done();
    for (const unsupported of ['Policy', 'PolicyArns.member.1']) {
      if (params.has(unsupported)) throw validationError(`The rolegate sandbox does not support '${unsupported.split('.')[0]}' in AssumeRoleWithSAML`);
    }
    return { roleArn, principalArn, assertion, durationSeconds };
  } catch (error) {
    if (error instanceof AwsServiceError) throw new AwsServiceError(error.code, `${error.message} [rolegate check: check-parameters]`, error.httpStatus);
    throw error;
  }
}
