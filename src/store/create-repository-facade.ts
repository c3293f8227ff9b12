import { toStoreError } from './map-store-error.ts';

/**
 * Wraps every method of a repository so that:
 * - database errors leave as RolegateErrors (ERR_CONFLICT naming the field, else ERR_STORE);
 * - a call on the root store while a transaction of that store runs in the same async
 *   context goes to the transaction (`pickTarget`), instead of deadlocking on SQLite's one
 *   connection or silently running outside the transaction on PostgreSQL.
 */
export function createRepositoryFacade<T extends object>(own: T, pickTarget: () => T | undefined): T {
  const facade: Record<string, unknown> = {};
  const prototype = Object.getPrototypeOf(own) as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(prototype)) {
    if (name === 'constructor' || typeof prototype[name] !== 'function') continue;
    facade[name] = async (...args: unknown[]) => {
      const target = (pickTarget() ?? own) as Record<string, (...a: unknown[]) => Promise<unknown>>;
      try {
        return await target[name]!(...args);
      } catch (error) {
        throw toStoreError(error);
      }
    };
  }
  return Object.freeze(facade) as T;
}
