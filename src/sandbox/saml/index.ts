export { validateSamlResponseForAws } from './validate-saml-response-for-aws.ts';
export { authorizeSamlRole, type SamlRoleRequest } from './authorize-saml-role.ts';
export { SandboxSamlError, type SandboxSamlErrorCode } from './sandbox-saml-error.ts';
export {
  AWS_ACCEPTED_AUDIENCES,
  AWS_SIGN_IN_ENDPOINTS,
  DEFAULT_CLOCK_SKEW_SECONDS,
  createSamlValidationOptions,
  matchesSignInEndpoint,
} from './validation-options.ts';
export { SAML_ASSERTION_MAX_LENGTH, SAML_ASSERTION_MIN_LENGTH } from './check-size.ts';
export type {
  AuthorizedSamlSession,
  AwsRoleChoice,
  RejectedRoleChoice,
  SandboxDirectory,
  SandboxRole,
  SandboxSamlProvider,
  SamlValidationOptions,
  ValidatedAwsSamlResponse,
} from './types.ts';
