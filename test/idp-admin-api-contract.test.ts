import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startTestIdp, type TestIdp } from './support/start-test-idp.ts';

/** One HTTP/1.1 request written by hand, so nothing adds a Content-Length the way fetch does. */
function rawRequest(baseUrl: string, head: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (received += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1]);
      resolve({ status, body: received.slice(received.indexOf('\r\n\r\n') + 4) });
    });
    socket.write(`${head.replace(/\n/g, '\r\n')}\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`);
  });
}

describe('admin API: the OpenAPI document and request bodies', () => {
  let idp: TestIdp;
  let doc: any;

  before(async () => {
    idp = await startTestIdp();
    doc = await (await fetch(`${idp.url}/api/v1/openapi.json`)).json();
  });
  after(() => idp.close());

  test('list responses document the optional next cursor', () => {
    for (const path of ['/api/v1/users', '/api/v1/apps', '/api/v1/apps/{id}/roles', '/api/v1/apps/{id}/assignments']) {
      const schema = doc.paths[path].get.responses['200'].content['application/json'].schema;
      assert.equal(schema.properties.items.type, 'array', path);
      assert.equal(schema.properties.next?.type, 'string', `${path} documents next`);
      assert.deepEqual(schema.required, ['items'], `${path}: next is optional`);
    }
  });

  test('the Error schema has the optional field the server sends', async () => {
    const error = doc.components.schemas.Error.properties.error;
    assert.equal(error.properties.field?.type, 'string');
    assert.deepEqual(error.required.sort(), ['code', 'message']);
    const r = await idp.api('POST', '/users', { userPrincipalName: 'nope', displayName: 'X' });
    assert.equal(r.body.error.field, 'userPrincipalName', 'the documented field is what the server sends');
  });

  test('the PEM download has its media type', () => {
    const ok = doc.paths['/api/v1/apps/{id}/certificates/{certId}/pem'].get.responses['200'];
    assert.deepEqual(ok.content['application/x-pem-file'].schema, { type: 'string' });
  });

  test('an operation whose body is optional documents it as optional', () => {
    assert.equal(doc.paths['/api/v1/apps/{id}/certificates'].post.requestBody.required, false);
    assert.equal(doc.paths['/api/v1/users'].post.requestBody.required, true);
  });

  test('POST /apps/{id}/certificates with no body and no Content-Length (curl -X POST) creates a staged certificate', async () => {
    const app = await idp.api('POST', '/apps', { template: 'aws', displayName: 'AWS' });
    const r = await rawRequest(idp.url, `POST /api/v1/apps/${app.body.id}/certificates HTTP/1.1\nAuthorization: Bearer ${idp.token}`);
    assert.equal(r.status, 201, r.body);
    assert.equal(JSON.parse(r.body).status, 'staged');
    // A body that is there must still be JSON.
    const text = await fetch(`${idp.url}/api/v1/apps/${app.body.id}/certificates`, {
      method: 'POST', headers: { authorization: `Bearer ${idp.token}`, 'content-type': 'text/plain' }, body: 'keyBits=3072',
    });
    assert.equal(text.status, 400);
    assert.match((await text.json()).error.message, /must be JSON/);
  });

  test('a wrong key size lists the allowed ones', async () => {
    const r = await idp.api('POST', '/apps', { template: 'aws', displayName: 'AWS', certificateKeyBits: 1024 });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.field, 'certificateKeyBits');
    assert.match(r.body.error.message, /^certificateKeyBits: .*2048.*3072/);
  });
});
