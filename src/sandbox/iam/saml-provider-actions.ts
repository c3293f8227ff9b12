import { authorizeAction } from '../auth/authorize-action.ts';
import { ParamReader } from '../protocol/param-reader.ts';
import { requireCaller, type QueryAction, type QueryContext } from '../protocol/query-context.ts';
import {
  createSamlProvider,
  deleteSamlProvider,
  getSamlProvider,
  updateSamlProvider,
} from './saml-provider-operations.ts';
import { SAML_PROVIDER_ARN, samlProviderArn } from './iam-names.ts';

function authorizeOnProvider(context: QueryContext, action: string, resource: string): string {
  const caller = requireCaller(context);
  authorizeAction(caller, context.runtime.store, { action: `iam:${action}`, resource }, context.now);
  return caller.accountId;
}

const arnParam = (context: QueryContext): string => context.params.get('SAMLProviderArn') ?? '*';

export const createSamlProviderAction: QueryAction = async (context) => {
  const caller = requireCaller(context);
  const accountId = authorizeOnProvider(context, 'CreateSAMLProvider', samlProviderArn(caller.accountId, context.params.get('Name') ?? ''));
  const provider = await createSamlProvider(context.runtime.store, accountId, context.params, context.now);
  return {
    SAMLProviderArn: provider.arn,
    Tags: provider.tags.length > 0 ? provider.tags.map((t) => ({ Key: t.Key, Value: t.Value })) : undefined,
  };
};

export const updateSamlProviderAction: QueryAction = async (context) => {
  const accountId = authorizeOnProvider(context, 'UpdateSAMLProvider', arnParam(context));
  const provider = await updateSamlProvider(context.runtime.store, accountId, context.params);
  return { SAMLProviderArn: provider.arn };
};

export const getSamlProviderAction: QueryAction = async (context) => {
  const accountId = authorizeOnProvider(context, 'GetSAMLProvider', arnParam(context));
  const p = new ParamReader(context.params);
  const arn = p.string('SAMLProviderArn', SAML_PROVIDER_ARN);
  p.done();
  const provider = getSamlProvider(context.runtime.store, accountId, arn);
  return {
    SAMLMetadataDocument: provider.metadataXml,
    CreateDate: new Date(provider.createdAt),
    ValidUntil: new Date(provider.validUntil),
    Tags: provider.tags.length > 0 ? provider.tags.map((t) => ({ Key: t.Key, Value: t.Value })) : undefined,
  };
};

export const listSamlProvidersAction: QueryAction = async (context) => {
  const accountId = authorizeOnProvider(context, 'ListSAMLProviders', '*');
  const providers = context.runtime.store.state.samlProviders
    .filter((s) => s.accountId === accountId)
    .sort((a, b) => (a.arn < b.arn ? -1 : 1));
  return {
    SAMLProviderList: providers.map((s) => ({ Arn: s.arn, ValidUntil: new Date(s.validUntil), CreateDate: new Date(s.createdAt) })),
  };
};

export const deleteSamlProviderAction: QueryAction = async (context) => {
  const accountId = authorizeOnProvider(context, 'DeleteSAMLProvider', arnParam(context));
  await deleteSamlProvider(context.runtime.store, accountId, context.params);
  return undefined;
};
