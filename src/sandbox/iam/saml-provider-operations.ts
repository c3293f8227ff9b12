import { isRolegateError } from '../../errors/rolegate-error.ts';
import { parseIdpMetadata } from '../../saml/parse-idp-metadata.ts';
import { entityAlreadyExists, invalidInput, limitExceeded, noSuchEntity } from '../errors/aws-service-error.ts';
import { ParamReader } from '../protocol/param-reader.ts';
import type { SandboxStore } from '../state/sandbox-store.ts';
import type { SamlProviderRecord } from '../state/state-types.ts';
import { findAccount } from './find-account.ts';
import { SAML_METADATA_DOCUMENT, SAML_PROVIDER_ARN, SAML_PROVIDER_NAME, samlProviderArn } from './iam-names.ts';

// IAM quota "SAML providers in an AWS account".
const SAML_PROVIDERS_PER_ACCOUNT = 100;
// IAM answers a ValidUntil about a century after creation when the metadata sets none.
const DEFAULT_VALIDITY_YEARS = 100;

function readMetadata(xml: string): { entityId: string; signingCertificatesPem: string[] } {
  try {
    return parseIdpMetadata(xml);
  } catch (error) {
    if (isRolegateError(error, 'ERR_METADATA_INVALID') || isRolegateError(error, 'ERR_XML_MALFORMED') ||
        isRolegateError(error, 'ERR_XML_UNSAFE') || isRolegateError(error, 'ERR_XML_TOO_LARGE')) {
      throw invalidInput(`Could not parse metadata: ${error.message}`);
    }
    throw error;
  }
}

export async function createSamlProvider(
  store: SandboxStore,
  accountId: string,
  params: ReadonlyMap<string, string>,
  now: Date,
): Promise<SamlProviderRecord> {
  const p = new ParamReader(params);
  const name = p.string('Name', SAML_PROVIDER_NAME);
  const metadataXml = p.string('SAMLMetadataDocument', SAML_METADATA_DOCUMENT);
  const tags = p.tags();
  p.done();
  findAccount(store, accountId);
  const arn = samlProviderArn(accountId, name);
  const mine = store.state.samlProviders.filter((s) => s.accountId === accountId);
  if (mine.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
    throw entityAlreadyExists(`SAMLProvider ${name} already exists`);
  }
  if (mine.length >= SAML_PROVIDERS_PER_ACCOUNT) {
    throw limitExceeded(`Cannot exceed quota for SamlProvidersPerAccount: ${SAML_PROVIDERS_PER_ACCOUNT}`);
  }
  const metadata = readMetadata(metadataXml);
  const validUntil = new Date(now);
  validUntil.setUTCFullYear(validUntil.getUTCFullYear() + DEFAULT_VALIDITY_YEARS);
  const provider: SamlProviderRecord = {
    arn,
    accountId,
    name,
    metadataXml,
    entityId: metadata.entityId,
    signingCertificatesPem: [...metadata.signingCertificatesPem],
    createdAt: now.toISOString(),
    validUntil: validUntil.toISOString(),
    tags,
  };
  await store.mutate((state) => {
    state.samlProviders.push(provider);
  });
  return provider;
}

/** Finds a provider of `accountId` by ARN; another account's ARN is simply not found. */
export function getSamlProvider(store: SandboxStore, accountId: string, arn: string): SamlProviderRecord {
  const provider = store.state.samlProviders.find((s) => s.arn === arn && s.accountId === accountId);
  if (provider === undefined) throw noSuchEntity(`Manifest not found for arn ${arn}`);
  return provider;
}

export async function updateSamlProvider(
  store: SandboxStore,
  accountId: string,
  params: ReadonlyMap<string, string>,
): Promise<SamlProviderRecord> {
  const p = new ParamReader(params);
  const arn = p.string('SAMLProviderArn', SAML_PROVIDER_ARN);
  const metadataXml = p.string('SAMLMetadataDocument', { ...SAML_METADATA_DOCUMENT, required: false });
  p.done();
  const provider = getSamlProvider(store, accountId, arn);
  if (metadataXml === undefined) return provider;
  const metadata = readMetadata(metadataXml);
  await store.mutate(() => {
    provider.metadataXml = metadataXml;
    provider.entityId = metadata.entityId;
    provider.signingCertificatesPem = [...metadata.signingCertificatesPem];
  });
  return provider;
}

export async function deleteSamlProvider(store: SandboxStore, accountId: string, params: ReadonlyMap<string, string>): Promise<void> {
  const p = new ParamReader(params);
  const arn = p.string('SAMLProviderArn', SAML_PROVIDER_ARN);
  p.done();
  const provider = getSamlProvider(store, accountId, arn);
  await store.mutate((state) => {
    state.samlProviders = state.samlProviders.filter((s) => s !== provider);
  });
}
