import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AwsServiceError } from '../errors/aws-service-error.ts';
import { paginate } from './paginate.ts';

test('pages by key and stays correct when items are deleted between pages', () => {
  const items = ['e', 'a', 'c', 'b', 'd'];
  const first = paginate(items, (x) => x, undefined, 2);
  assert.deepEqual([first.items, first.isTruncated], [['a', 'b'], true]);
  const rest = paginate(items.filter((x) => x !== 'c'), (x) => x, first.marker, 2);
  assert.deepEqual([rest.items, rest.isTruncated, rest.marker], [['d', 'e'], false, undefined]);
  assert.throws(() => paginate(items, (x) => x, 'garbage', 2), (e: unknown) => e instanceof AwsServiceError && e.code === 'ValidationError');
});
