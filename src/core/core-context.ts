import type { AppTemplate } from './apps/app-template.ts';
import type { CertificateFactory } from './ports/certificate-factory.ts';
import type { PasswordHasher } from './ports/password-hasher.ts';
import type { SecretBox } from './ports/secret-box.ts';
import type { Store } from './ports/store.ts';

/** Everything the domain needs from the outside, wired once by the runtime (src/runtime). */
export interface CoreContext {
  store: Store;
  passwords: PasswordHasher;
  secrets: SecretBox;
  certificates: CertificateFactory;
  templates: ReadonlyMap<string, AppTemplate>;
  /** The IdP's public base URL, e.g. http://127.0.0.1:8080: entity IDs and SSO URLs derive from it. */
  publicUrl: string;
  now: () => Date;
}
