import { RolegateError } from '../../errors/rolegate-error.ts';
import type { ComputedAttribute } from '../apps/app-template.ts';
import type { App, NameIdFormat, User } from '../model.ts';

export interface AssertionContent {
  nameId: { value: string; format: NameIdFormat };
  attributes: ComputedAttribute[];
}

// A Map, not an object literal: a source named `constructor` must not find Object's.
const BUILT_IN: ReadonlyMap<string, (user: User) => string | null> = new Map([
  ['userprincipalname', (u: User) => u.userPrincipalName],
  ['displayname', (u: User) => u.displayName],
  ['mail', (u: User) => u.mail],
  ['id', (u: User) => u.id],
  ['objectid', (u: User) => u.id],
  // The part of the UPN before '@', like Entra's user.mailnickname.
  ['mailnickname', (u: User) => u.userPrincipalName.split('@')[0] ?? null],
]);

/**
 * A user field by name. Built-in fields match case-insensitively and may carry Entra's
 * `user.` prefix (`user.userprincipalname`); anything else is a free-form attribute key.
 */
export function readUserAttribute(user: User, source: string): string | null {
  const name = source.startsWith('user.') ? source.slice(5) : source;
  const builtIn = BUILT_IN.get(name.toLowerCase());
  if (builtIn) return builtIn(user);
  // Own keys only: `toString` or `valueOf` would otherwise read Object.prototype.
  return Object.hasOwn(user.attributes, name) ? (user.attributes[name] ?? null) : null;
}

export function attributeName(claim: { name: string; namespace: string | null }): string {
  if (!claim.namespace) return claim.name;
  return `${claim.namespace.replace(/\/+$/, '')}/${claim.name}`;
}

/**
 * What one user's assertion for one app says: the NameID and every claim's values.
 * A claim whose source has no value for this user is left out, as Entra does.
 */
export function computeAssertionContent(app: App, user: User, roleValues: readonly string[]): AssertionContent {
  const nameIdValue = readUserAttribute(user, app.nameIdSource);
  if (!nameIdValue) {
    throw new RolegateError('ERR_CLAIM_INVALID', `the NameID source '${app.nameIdSource}' has no value for this user`, {
      details: { userId: user.id, appId: app.id },
    });
  }
  const attributes: ComputedAttribute[] = [];
  for (const claim of app.claims) {
    let values: string[];
    switch (claim.source.type) {
      case 'attribute': {
        const value = readUserAttribute(user, claim.source.attribute);
        values = value ? [value] : [];
        break;
      }
      case 'roles':
        values = [...roleValues];
        break;
      case 'constant':
        values = [claim.source.value];
        break;
      case 'sessionDuration':
        values = app.sessionDuration === null ? [] : [String(app.sessionDuration)];
        break;
    }
    if (values.length > 0) attributes.push({ name: attributeName(claim), values });
  }
  return { nameId: { value: nameIdValue, format: app.nameIdFormat }, attributes };
}
