import type { Config } from '../config/config-schema.ts';
import type { Store } from '../core/ports/store.ts';

/** The base URL `rolegate serve` last started with, so CLI runs derive the same entity IDs. */
export const PUBLIC_URL_SETTING = 'server.public-url';

export interface ResolvedPublicUrl {
  url: string;
  source: 'ROLEGATE_PUBLIC_URL' | 'recorded' | 'default';
}

export async function recordPublicUrl(store: Store, url: string): Promise<void> {
  await store.settings.set(PUBLIC_URL_SETTING, url);
}

/**
 * ROLEGATE_PUBLIC_URL when set; else what `rolegate serve` recorded; else the default from
 * HOST and PORT. A CLI run's own PORT says nothing about where the server listens.
 */
export async function resolvePublicUrl(
  store: Store,
  config: Pick<Config, 'ROLEGATE_PUBLIC_URL' | 'publicUrl'>,
): Promise<ResolvedPublicUrl> {
  if (config.ROLEGATE_PUBLIC_URL !== undefined) return { url: config.publicUrl, source: 'ROLEGATE_PUBLIC_URL' };
  const recorded = await store.settings.get(PUBLIC_URL_SETTING);
  if (recorded !== undefined) return { url: recorded, source: 'recorded' };
  return { url: config.publicUrl, source: 'default' };
}

export function describePublicUrl({ url, source }: ResolvedPublicUrl): string {
  if (source === 'ROLEGATE_PUBLIC_URL') return `${url} (from ROLEGATE_PUBLIC_URL)`;
  if (source === 'recorded') return `${url} (recorded by rolegate serve at its last start; set ROLEGATE_PUBLIC_URL to choose another)`;
  return `${url} (the default: no rolegate serve has recorded its URL in this database yet; set ROLEGATE_PUBLIC_URL if the server runs elsewhere)`;
}
