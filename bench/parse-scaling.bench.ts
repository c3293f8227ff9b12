import { parseStrictXml } from '../src/saml/xml/parse-strict-xml.ts';
import { canonicalizeExclusive } from '../src/saml/verify/canonicalize-exclusive.ts';
import { measure, report } from './measure.ts';

/**
 * Hostile shapes that made the parser or the canonicalizer super-linear once (many namespace
 * declarations; a namespace repeated on many siblings). Each is measured at n and 4n in the same
 * run: a linear path takes about 4 × as long at 4n, a quadratic one 16 ×.
 */
export async function benchParseScaling(): Promise<void> {
  const declarations = (n: number) => {
    let xml = '<r';
    for (let i = 0; i < n; i += 1) xml += ` xmlns:p${i}="urn:u"`;
    return `${xml}>${'<a xmlns:q="urn:u"/>'.repeat(n)}</r>`;
  };
  const repeated = (n: number) => parseStrictXml(`<p:a xmlns:p="urn:p"><p:b xmlns="urn:${'x'.repeat(n)}">${'<c/>'.repeat(n)}</p:b></p:a>`);
  const small = declarations(2000);
  const large = declarations(8000);
  const smallTree = repeated(500).documentElement!;
  const largeTree = repeated(2000).documentElement!;
  const cap = 100_000;
  const tryCanonical = (tree: typeof smallTree) => {
    try {
      canonicalizeExclusive(tree, [], undefined, cap);
    } catch {
      // Refused at the cap, which is the point.
    }
  };
  const parseSmall = await measure(() => parseStrictXml(small), 2);
  const parseLarge = await measure(() => parseStrictXml(large), 2);
  const c14nSmall = await measure(() => tryCanonical(smallTree), 1);
  const c14nLarge = await measure(() => tryCanonical(largeTree), 1);
  process.stdout.write('\nHostile XML shapes, n and 4n (linear: the 4n rate is about 0.25 × the n rate)\n');
  report([
    { name: `parse, ${small.length} chars of namespace declarations`, opsPerSecond: parseSmall },
    { name: `parse, ${large.length} chars (4n)`, opsPerSecond: parseLarge, reference: { name: 'n', opsPerSecond: parseSmall } },
    // Uncapped this would be 16 × the work at 4n; the 100,000-character cap makes it stop sooner.
    { name: 'canonicalize a namespace repeated on 500 siblings', opsPerSecond: c14nSmall },
    { name: 'the same on 2,000 siblings (4n), refused at the cap', opsPerSecond: c14nLarge, reference: { name: 'n', opsPerSecond: c14nSmall } },
  ]);
}
