import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AwsServiceError } from '../errors/aws-service-error.ts';
import { ParamReader } from './param-reader.ts';
import { readMemberStrings, readMemberStructures, readQueryParams } from './read-query-params.ts';

test('reads form and query parameters, and X.member.N lists', () => {
  const params = readQueryParams('Action=ListRoles', new TextEncoder().encode('Version=2010-05-08&Tags.member.1.Key=a&Tags.member.1.Value=b+c&Tags.member.2.Key=d&L.member.1=x&L.member.2=y&L.member.4=z'));
  assert.equal(params.get('Action'), 'ListRoles');
  assert.deepEqual(readMemberStructures(params, 'Tags', ['Key', 'Value']), [{ Key: 'a', Value: 'b c' }, { Key: 'd', Value: undefined }]);
  assert.deepEqual(readMemberStrings(params, 'L'), ['x', 'y']);
  assert.equal(readMemberStrings(params, 'Missing'), undefined);
});

test('decodes percent-encoded UTF-8 and refuses what is not, naming the parameter', () => {
  const params = readQueryParams('', new TextEncoder().encode('Name=caf%C3%A9+%F0%9F%98%80&Empty=&Bare'));
  assert.deepEqual([params.get('Name'), params.get('Empty'), params.get('Bare')], ['café 😀', '', '']);
  const malformed = (message: RegExp) => (e: unknown) => e instanceof AwsServiceError && e.code === 'MalformedQueryString' && e.httpStatus === 400 && message.test(e.message);
  assert.throws(() => readQueryParams('', new TextEncoder().encode('SAMLMetadataDocument=caf%E9')), malformed(/^Parameter SAMLMetadataDocument is not percent-encoded UTF-8$/));
  assert.throws(() => readQueryParams('Action=%zz', undefined), malformed(/^Parameter Action is not percent-encoded UTF-8$/));
  assert.throws(() => readQueryParams('', Uint8Array.from([0x41, 0x3d, 0xff])), malformed(/^The request body is not UTF-8 text$/));
});

test('collects every violation into one AWS ValidationError', () => {
  const p = new ParamReader(new Map([['RoleName', ''], ['MaxItems', 'ten']]));
  p.string('RoleName', { required: true, min: 1 });
  p.string('Path', { required: true });
  p.integer('MaxItems', { min: 1 });
  assert.throws(
    () => p.done(),
    (e: unknown) =>
      e instanceof AwsServiceError &&
      e.code === 'ValidationError' &&
      e.httpStatus === 400 &&
      e.message ===
        "3 validation errors detected: Value '' at 'roleName' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
          "Value null at 'path' failed to satisfy constraint: Member must not be null; " +
          "Value 'ten' at 'maxItems' failed to satisfy constraint: Member must be an integer",
  );
});

test('refuses duplicate tag keys regardless of case and more than 50 tags', () => {
  const duplicate = new ParamReader(new Map([['Tags.member.1.Key', 'Team'], ['Tags.member.1.Value', 'a'], ['Tags.member.2.Key', 'team'], ['Tags.member.2.Value', 'b']]));
  duplicate.tags();
  assert.throws(() => duplicate.done(), /Duplicate tag keys found/);
  const many = new Map<string, string>();
  for (let i = 1; i <= 51; i++) many.set(`Tags.member.${i}.Key`, `k${i}`);
  const tooMany = new ParamReader(many);
  tooMany.tags();
  assert.throws(() => tooMany.done(), /Member must have length less than or equal to 50/);
});
