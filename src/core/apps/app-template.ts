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
>;

/**
 * What differs between kinds of application. The `aws` template lives in src/aws; the
 * generic one in core. Each check throws RolegateError naming the field it refuses.
 */
export interface AppTemplate {
  readonly id: AppTemplateId;
  defaults(): AppDefaults;
  /** Template rules for settings, on create and on every update (ERR_VALIDATION). */
  validateApp(app: App): void;
  /** Template rules for an app role value (ERR_VALIDATION, field `value`). */
  validateRoleValue(value: string): void;
  /** Checks what would be sent for one user before anything is signed (ERR_CLAIM_INVALID). */
  validateAttributes(app: App, attributes: readonly ComputedAttribute[]): void;
  /** The Audience sent for a configured identifier. */
  audienceFor(identifier: string): string;
}
