import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { parseIdpMetadata } from '../src/saml/parse-idp-metadata.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { startTestIdp, type TestIdp } from './support/start-test-idp.ts';
import { xmlsecVerify } from './support/xmlsec-verify.ts';

let idp: TestIdp;
let browser: Browser;
let acs: Server;
let acsUrl: string;
const received: URLSearchParams[] = [];

before(async () => {
  acs = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      // Chromium also asks this origin for /favicon.ico; only the POST binding counts.
      if (req.method === 'POST') received.push(new URLSearchParams(body));
      res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>ACS received the response</h1>');
    });
  });
  await new Promise<void>((resolve) => acs.listen(0, '127.0.0.1', resolve));
  acsUrl = `http://127.0.0.1:${(acs.address() as AddressInfo).port}/saml`;
  idp = await startTestIdp();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await idp?.close();
  acs?.close();
});

test('in Chromium: sign in, My Apps shows the tile, the click posts a signed response to the ACS', async () => {
  const user = await idp.api('POST', '/users', { userPrincipalName: 'frank@example.com', displayName: 'Frank', password: 'frank-password' });
  const app = await idp.api('POST', '/apps', { template: 'aws', displayName: 'AWS Production', replyUrls: [acsUrl], relayState: 'https://console.aws.amazon.com/s3' });
  assert.equal(app.status, 201, JSON.stringify(app.body));
  const roleValue = 'arn:aws:iam::111111111111:role/Admin,arn:aws:iam::111111111111:saml-provider/rolegate';
  const r = await idp.api('POST', `/apps/${app.body.id}/roles`, { value: roleValue, displayName: 'Admin' });
  await idp.api('POST', `/apps/${app.body.id}/assignments`, { principalId: user.body.id, appRoleId: r.body.id });

  const page = await browser.newPage();
  await page.goto(`${idp.url}/`);
  assert.match(page.url(), /\/signin\?return=%2F$/);
  await page.fill('#username', 'frank@example.com');
  await page.fill('#password', 'wrong-password');
  await page.click('button[type=submit]');
  assert.match(await page.textContent('.error') ?? '', /user name or password is incorrect/);
  await page.fill('#password', 'frank-password');
  await page.click('button[type=submit]');
  await page.waitForSelector('.tile');
  assert.equal(await page.textContent('.tile strong'), 'AWS Production');

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'rolegate_session');
  assert.ok(session?.httpOnly, 'the session cookie is HttpOnly');
  assert.equal(session?.sameSite, 'Lax');

  await Promise.all([page.waitForURL(acsUrl), page.click('.tile')]);
  assert.equal(await page.textContent('h1'), 'ACS received the response');
  assert.equal(received.length, 1);
  assert.equal(received[0]!.get('RelayState'), 'https://console.aws.amazon.com/s3');
  const xml = Buffer.from(received[0]!.get('SAMLResponse')!, 'base64').toString('utf8');
  const cert = parseIdpMetadata(await (await fetch(`${idp.url}/saml/${app.body.id}/metadata`)).text()).signingCertificatesPem[0]!;
  assert.ok(xmlsecVerify(xml, cert, 'Assertion').ok);
  assert.ok(xml.includes(roleValue));

  // Sign-out ends the session: My Apps asks for sign-in again.
  await page.goto(`${idp.url}/`);
  await page.click('header button');
  await page.waitForURL(/\/signin$/);
  await page.goto(`${idp.url}/`);
  assert.match(page.url(), /\/signin\?return=/);
});
