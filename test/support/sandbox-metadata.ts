import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom';
import { createTestCertificate, type TestSigningKey } from './create-test-certificate.ts';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

export interface SandboxTestIdp extends TestSigningKey {
  entityId: string;
  metadataXml: string;
}

/** IdP metadata (built with a DOM) for one signing certificate, as an IdP would publish it. */
export function buildIdpMetadata(entityId: string, certificatePems: readonly string[], ssoUrl = 'https://idp.example.test/sso'): string {
  const doc = new DOMImplementation().createDocument(MD, 'md:EntityDescriptor', null);
  const root = doc.documentElement!;
  root.setAttribute('entityID', entityId);
  const idp = doc.createElementNS(MD, 'md:IDPSSODescriptor');
  idp.setAttribute('protocolSupportEnumeration', 'urn:oasis:names:tc:SAML:2.0:protocol');
  root.appendChild(idp);
  for (const pem of certificatePems) {
    const key = doc.createElementNS(MD, 'md:KeyDescriptor');
    key.setAttribute('use', 'signing');
    const info = doc.createElementNS(DS, 'ds:KeyInfo');
    const data = doc.createElementNS(DS, 'ds:X509Data');
    const cert = doc.createElementNS(DS, 'ds:X509Certificate');
    cert.appendChild(doc.createTextNode(pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '')));
    data.appendChild(cert);
    info.appendChild(data);
    key.appendChild(info);
    idp.appendChild(key);
  }
  const sso = doc.createElementNS(MD, 'md:SingleSignOnService');
  sso.setAttribute('Binding', 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST');
  sso.setAttribute('Location', ssoUrl);
  idp.appendChild(sso);
  return `<?xml version="1.0" encoding="UTF-8"?>${new XMLSerializer().serializeToString(doc)}`;
}

/** A fresh self-signed 2048-bit RSA key and certificate, and the metadata naming it. */
export async function createSandboxTestIdp(entityId = 'https://idp.example.test/metadata'): Promise<SandboxTestIdp> {
  const key = await createTestCertificate({ commonName: 'rolegate sandbox test IdP' });
  return { ...key, entityId, metadataXml: buildIdpMetadata(entityId, [key.certificatePem]) };
}
