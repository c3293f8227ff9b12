import type { App, AppTemplateId } from '../model.ts';

export interface ComputedAttribute {
  /** Full attribute Name as sent: namespace + '/' + name, or the bare name. */
  name: string;
  values: string[];
}

/** The settings a template fills in for a new app. */
export type AppDefaults = Pick<
  App,
  | 'identifiers'
  | 'replyUrls'
  | 'signOnUrl'
  | 'relayState'
  | 'nameIdFormat'
  | 'nameIdSource'
  | 'claims'
  | 'sessionDuration'
  | 'signingScope'
  | 'signingAlgorithm'
  | 'authnRequestsSigned'
  | 'spSigningCertificates'
>;

/**
 * What differs between kinds of application. The `aws` template lives in src/aws; the
 * generic one in core. Each check throws RolegateError naming the field it refuses.
 */
export interface AppTemplate {
  readonly id: AppTemplateId;
  /** Whether a user needs at least one role with a value (AWS: a role pair) for sign-in to work. */
  readonly needsRoleValues: boolean;
  defaults(): AppDefaults;
  /** Template rules for settings, on create and on every update (ERR_VALIDATION). */
  validateApp(app: App): void;
  /**
   * Checks an app role value and returns its canonical form, under which it is stored and
   * compared (AWS: `roleArn,providerArn` whatever order and spacing it came in). ERR_VALIDATION, field `value`.
   */
  normalizeRoleValue(value: string): string;
  /** Checks what would be sent for one user before anything is signed (ERR_CLAIM_INVALID). */
  validateAttributes(app: App, attributes: readonly ComputedAttribute[]): void;
  /** The Audience sent for a configured identifier. */
  audienceFor(identifier: string): string;
}
