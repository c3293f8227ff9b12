import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const XMLSEC1 = '/usr/bin/xmlsec1';

/**
 * Verifies an enveloped signature with Debian's xmlsec1, independently of rolegate's own
 * code. `node` picks the Signature to check: the Assertion's or the Response's.
 */
export function xmlsecVerify(xml: string, certificatePem: string, node: 'Assertion' | 'Response'): { ok: boolean; output: string } {
  if (!existsSync(XMLSEC1)) throw new Error('xmlsec1 is not installed (apt-get install xmlsec1; .ci/run does this)');
  const dir = mkdtempSync(join(tmpdir(), 'rolegate-xmlsec-'));
  try {
    writeFileSync(join(dir, 'doc.xml'), xml);
    writeFileSync(join(dir, 'cert.pem'), certificatePem);
    const ns = node === 'Assertion' ? 'urn:oasis:names:tc:SAML:2.0:assertion' : 'urn:oasis:names:tc:SAML:2.0:protocol';
    const xpath =
      node === 'Assertion'
        ? "//*[local-name()='Assertion']/*[local-name()='Signature']"
        : "/*[local-name()='Response']/*[local-name()='Signature']";
    const args = [
      '--verify',
      // Only the RSA key of the given certificate: the KeyInfo inside the document is not trusted.
      '--enabled-key-data', 'rsa',
      '--pubkey-cert-pem', join(dir, 'cert.pem'),
      '--id-attr:ID', `${ns}:${node}`,
      '--node-xpath', xpath,
      join(dir, 'doc.xml'),
    ];
    try {
      const output = execFileSync(XMLSEC1, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return { ok: true, output };
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string };
      return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
