import { afterEach, beforeEach, describe } from 'node:test';
import type { Store } from '../core/ports/store.ts';
import { defineAppContract } from './contract/app-contract.ts';
import { defineAssignmentContract } from './contract/assignment-contract.ts';
import { defineConcurrencyContract } from './contract/concurrency-contract.ts';
import { defineGroupContract } from './contract/group-contract.ts';
import { defineRoleContract } from './contract/role-contract.ts';
import { defineSessionContract } from './contract/session-contract.ts';
import { defineTransactionContract } from './contract/transaction-contract.ts';
import { defineUserContract } from './contract/user-contract.ts';

/**
 * The one suite every Store backend passes. `open` must return a fresh, empty store on
 * each call; the suite closes it after each test.
 */
export function defineStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`${name} store contract`, () => {
    let current: Store | undefined;
    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });
    const ctx = {
      store(): Store {
        if (current === undefined) throw new TypeError('no store is open');
        return current;
      },
    };
    defineUserContract(ctx);
    defineGroupContract(ctx);
    defineAppContract(ctx);
    defineRoleContract(ctx);
    defineAssignmentContract(ctx);
    defineSessionContract(ctx);
    defineTransactionContract(ctx);
    defineConcurrencyContract(ctx);
  });
}
