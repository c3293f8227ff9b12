/**
 * @peculiar/x509 (through tsyringe) needs the Reflect metadata API, and package.json has no
 * polyfill. Tests only need the three calls tsyringe makes; this installs them if missing.
 * Import this before @peculiar/x509.
 */
type MetadataStore = WeakMap<object, Map<unknown, unknown>>;
const store: MetadataStore = new WeakMap();
const reflect = Reflect as unknown as Record<string, unknown>;

if (typeof reflect['getMetadata'] !== 'function') {
  const own = (target: object) => {
    let map = store.get(target);
    if (!map) store.set(target, (map = new Map()));
    return map;
  };
  reflect['defineMetadata'] = (key: unknown, value: unknown, target: object) => void own(target).set(key, value);
  reflect['getOwnMetadata'] = (key: unknown, target: object) => store.get(target)?.get(key);
  reflect['getMetadata'] = (key: unknown, target: object) => {
    for (let t: object | null = target; t !== null; t = Object.getPrototypeOf(t)) {
      const value = store.get(t)?.get(key);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  reflect['hasMetadata'] = (key: unknown, target: object) => reflect['getMetadata'] !== undefined && (reflect['getMetadata'] as (k: unknown, t: object) => unknown)(key, target) !== undefined;
}

export {};
