/** Seals secrets for storage at rest (authenticated encryption). Implemented in src/store/secret-box.ts. */
export interface SecretBox {
  seal(plaintext: string, associatedData: string): string;
  /** Throws RolegateError('ERR_CRYPTO') when the sealed value was tampered with or the key is wrong. */
  open(sealed: string, associatedData: string): string;
}
