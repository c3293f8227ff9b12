import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IAM_NAMESPACE, writeQueryError, writeQueryResponse } from './write-query-xml.ts';

test('writes a Query response with members, dates and escaped text', () => {
  const xml = writeQueryResponse(
    'ListRoles',
    IAM_NAMESPACE,
    {
      Roles: [{ RoleName: 'a<b>&"c', CreateDate: new Date('2024-01-02T03:04:05.678Z'), MaxSessionDuration: 3600 }],
      IsTruncated: false,
      Marker: undefined,
    },
    'req-1',
  );
  assert.equal(
    xml,
    '<ListRolesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListRolesResult><Roles><member>' +
      '<RoleName>a&lt;b&gt;&amp;"c</RoleName><CreateDate>2024-01-02T03:04:05Z</CreateDate><MaxSessionDuration>3600</MaxSessionDuration>' +
      '</member></Roles><IsTruncated>false</IsTruncated></ListRolesResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></ListRolesResponse>',
  );
});

test('writes a Query error', () => {
  assert.equal(
    writeQueryError(IAM_NAMESPACE, { type: 'Sender', code: 'NoSuchEntity', message: 'x</Message><Code>AccessDenied' }, 'r'),
    '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>' +
      '<Message>x&lt;/Message&gt;&lt;Code&gt;AccessDenied</Message></Error><RequestId>r</RequestId></ErrorResponse>',
  );
});

test('writes a response with no result element', () => {
  assert.equal(
    writeQueryResponse('DeleteRole', IAM_NAMESPACE, undefined, 'r'),
    '<DeleteRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DeleteRoleResponse>',
  );
});
