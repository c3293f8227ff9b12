/** A small deterministic PRNG (mulberry32), so a failing case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// What breaks XML most often: markup characters, quotes, references, names and namespaces.
const FRAGMENTS = [
  '<', '>', '&', ';', '"', "'", '=', ':', '/', ' ', '\n', '\r\n', '\t', '!', '?', '-', ']]>', '<!--', '-->', '<![CDATA[', '&amp;', '&#x41;', '&#0;',
  'xmlns:', 'xmlns="urn:x"', 'xmlns=""', ' xmlns:p="urn:p"', 'p:', ' p:a="1"', '</', '/>', '<x/>', '\u0001', 'é', '&lt;', 'x',
];

/** `xml` with one to three random insertions, deletions or overwrites. */
export function corruptXml(xml: string, next: () => number): string {
  let out = xml;
  const edits = 1 + Math.floor(next() * 3);
  for (let i = 0; i < edits; i += 1) {
    const at = Math.floor(next() * out.length);
    const kind = next();
    const fragment = FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] as string;
    if (kind < 0.4) out = out.slice(0, at) + fragment + out.slice(at);
    else if (kind < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 4));
    else out = out.slice(0, at) + fragment + out.slice(at + fragment.length);
  }
  return out;
}
