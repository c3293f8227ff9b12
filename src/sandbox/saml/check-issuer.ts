import { SandboxSamlError } from './sandbox-saml-error.ts';
import type { SandboxSamlProvider } from './types.ts';

/** The Assertion's Issuer must be the entityID of the provider's metadata. */
export function checkIssuer(issuer: string, provider: SandboxSamlProvider): void {
  if (issuer !== provider.entityId) {
    throw new SandboxSamlError(
      'InvalidIdentityToken',
      'check-issuer',
      `Issuer "${issuer}" does not match the entityID "${provider.entityId}" in the metadata of ${provider.arn}`,
    );
  }
}
