import type { SandboxDirectory, SandboxRole, SandboxSamlProvider } from './saml/index.ts';
import type { SandboxStore } from './state/sandbox-store.ts';

/** The read-only view of the store that SAML validation and role authorization need. */
export function createSandboxDirectory(store: SandboxStore): SandboxDirectory {
  return {
    getSamlProvider(arn: string): SandboxSamlProvider | undefined {
      const provider = store.state.samlProviders.find((s) => s.arn === arn);
      return provider === undefined
        ? undefined
        : { arn: provider.arn, entityId: provider.entityId, signingCertificatesPem: [...provider.signingCertificatesPem] };
    },
    getRole(arn: string): SandboxRole | undefined {
      const role = store.state.roles.find((r) => r.arn === arn);
      return role === undefined
        ? undefined
        : {
            arn: role.arn,
            roleName: role.roleName,
            accountId: role.accountId,
            trustPolicyJson: role.trustPolicyJson,
            maxSessionDuration: role.maxSessionDuration,
          };
    },
    getAccountAlias(accountId: string): string | undefined {
      return store.state.accounts.find((a) => a.id === accountId)?.alias;
    },
  };
}
