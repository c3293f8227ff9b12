import { SandboxSamlError } from './sandbox-saml-error.ts';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64 (line breaks allowed, as HTML forms send them) to UTF-8 text (saml-bindings §3.5.4). */
export function decodeSamlResponse(samlResponseBase64: string): string {
  const compact = samlResponseBase64.replace(/[\r\n\t ]/g, '');
  if (!BASE64.test(compact) || compact.length % 4 !== 0) {
    throw new SandboxSamlError('InvalidIdentityToken', 'check-encoding', 'The SAML response is not valid base64');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(Buffer.from(compact, 'base64'));
  } catch (cause) {
    throw new SandboxSamlError('InvalidIdentityToken', 'check-encoding', 'The SAML response is not valid UTF-8', { cause });
  }
}
