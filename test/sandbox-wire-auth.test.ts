import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ListRolesCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { DOMParser } from '@xmldom/xmldom';
import { MANAGEMENT, startTestSandbox, type TestSandbox } from './support/start-test-sandbox.ts';

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; status: number | undefined; message: string; requestId: string | undefined }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number; requestId?: string } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message, requestId: e.$metadata?.requestId };
  }
  assert.fail('expected the call to fail');
}

const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

function text(xml: string, ns: string, name: string): string | undefined {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  return doc.getElementsByTagNameNS(ns, name)[0]?.textContent ?? undefined;
}

describe('sandbox wire protocol and SigV4 authentication', () => {
  let t: TestSandbox;

  before(async () => {
    t = await startTestSandbox({ maxBodyBytes: 64 * 1024 });
  });
  after(async () => t.close());

  test('a wrong secret is SignatureDoesNotMatch 403', async () => {
    const { accessKeyId } = t.sandbox.admin.getRootCredentials(MANAGEMENT);
    const error = await errorOf(t.iam({ accessKeyId, secretAccessKey: 'x'.repeat(40) }).send(new ListRolesCommand({})));
    assert.deepEqual([error.name, error.status], ['SignatureDoesNotMatch', 403]);
    assert.match(error.message, /^The request signature we calculated does not match the signature you provided/);
    assert.match(error.requestId ?? '', /^[0-9a-f-]{36}$/);
  });

  test('an unknown key is InvalidClientTokenId 403', async () => {
    const error = await errorOf(t.sts({ accessKeyId: 'AKIAAAAAAAAAAAAAAAAA', secretAccessKey: 'y'.repeat(40) }).send(new GetCallerIdentityCommand({})));
    assert.deepEqual([error.name, error.status, error.message], ['InvalidClientTokenId', 403, 'The security token included in the request is invalid.']);
  });

  test('an unsigned IAM call is MissingAuthenticationToken 403 in the Query error shape', async () => {
    const response = await fetch(`${t.sandbox.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: 'Action=ListRoles&Version=2010-05-08',
    });
    assert.equal(response.status, 403);
    const requestId = response.headers.get('x-amzn-requestid');
    assert.match(requestId ?? '', /^[0-9a-f-]{36}$/);
    const body = await response.text();
    const doc = new DOMParser().parseFromString(body, 'text/xml');
    assert.equal(doc.documentElement?.localName, 'ErrorResponse');
    assert.equal(doc.documentElement?.namespaceURI, IAM_NS);
    assert.equal(text(body, IAM_NS, 'Type'), 'Sender');
    assert.equal(text(body, IAM_NS, 'Code'), 'MissingAuthenticationToken');
    assert.equal(text(body, IAM_NS, 'Message'), 'Request is missing Authentication Token');
    assert.equal(text(body, IAM_NS, 'RequestId'), requestId);
  });

  test('an unknown action is InvalidAction 400; GET with a query string is the Query protocol too', async () => {
    const response = await fetch(`${t.sandbox.url}/?Action=FlyToTheMoon&Version=2010-05-08`);
    assert.equal(response.status, 400);
    assert.equal(text(await response.text(), IAM_NS, 'Code'), 'InvalidAction');
    const sts = await fetch(`${t.sandbox.url}/?Action=GetCallerIdentity&Version=2011-06-15`);
    assert.equal(sts.status, 403);
    assert.equal(text(await sts.text(), 'https://sts.amazonaws.com/doc/2011-06-15/', 'Code'), 'MissingAuthenticationToken');
  });

  test('a malformed Authorization header is IncompleteSignature 400', async () => {
    const response = await fetch(`${t.sandbox.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'AWS4-HMAC-SHA256 Credential=nope' },
      body: 'Action=ListRoles&Version=2010-05-08',
    });
    assert.equal(response.status, 400);
    assert.equal(text(await response.text(), IAM_NS, 'Code'), 'IncompleteSignature');
  });

  test('a body above the limit is 413 with an error body', async () => {
    const response = await fetch(`${t.sandbox.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `Action=ListRoles&Version=2010-05-08&Pad=${'a'.repeat(70 * 1024)}`,
    });
    assert.equal(response.status, 413);
    assert.equal(text(await response.text(), IAM_NS, 'Code'), 'RequestEntityTooLarge');
  });

  test('GET / is the index page; GET /health is 200', async () => {
    const health = await fetch(`${t.sandbox.url}/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const index = await fetch(`${t.sandbox.url}/`);
    assert.equal(index.status, 200);
    const html = await index.text();
    assert.ok(html.includes(`${MANAGEMENT} (management)`));
    assert.ok(html.includes('<td>mgmt</td>'));
    assert.ok(html.includes(`--endpoint-url ${t.sandbox.url}`));
  });
});
