import assert from 'node:assert/strict';
import { isRolegateError } from '../../errors/rolegate-error.ts';

/** Asserts that `promise` rejects with ERR_CONFLICT naming exactly `field`. */
export async function assertConflict(promise: Promise<unknown>, field: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isRolegateError(error, 'ERR_CONFLICT'), `expected ERR_CONFLICT, got ${String(error)}`);
    assert.equal(error.field, field);
    assert.ok(error.message.includes(field), error.message);
    assert.equal(error.expose, true);
    return true;
  });
}

export interface ContractContext {
  /** The fresh, empty store of the running test. */
  store(): import('../../core/ports/store.ts').Store;
}
