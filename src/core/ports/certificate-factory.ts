/** Creates self-signed signing certificates. Implemented by src/saml/create-signing-certificate.ts. */
export interface NewCertificate {
  certificatePem: string;
  privateKeyPem: string;
  subject: string;
  serialNumber: string;
  thumbprintSha1: string;
  thumbprintSha256: string;
  keyBits: number;
  notBefore: Date;
  notAfter: Date;
}

export interface CertificateFactory {
  create(options: { commonName: string; keyBits: 2048 | 3072; now: Date }): Promise<NewCertificate>;
}
