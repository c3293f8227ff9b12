import type { Element, Node } from '@xmldom/xmldom';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { XMLDSIG_NS } from '../namespaces.ts';
import { collectAncestorNamespaces } from './collect-ancestor-namespaces.ts';

const ELEMENT_NODE = 1;

// xml-crypto's own exclusive C14N without comments; it keeps no state between calls.
const excC14n = new ExclusiveCanonicalization();

// What SignedXml passes as `defaultNsForPrefix`, so the output is the one xml-crypto computed.
const DEFAULT_NS_FOR_PREFIX: Readonly<Record<string, string>> = Object.freeze({ ds: XMLDSIG_NS });

/**
 * Exclusive C14N (exc-c14n §3, without comments) of `element` as SignedXml computes it: with the
 * namespace bindings of its ancestors for an InclusiveNamespaces PrefixList, and with
 * `excludedChild` (the enveloped Signature, xmldsig-core §6.6.4) left out.
 *
 * The received DOM is never left changed: the Signature is detached only for the duration of the
 * call, and when a PrefixList makes xml-crypto declare ancestor namespaces on the element it is
 * given (`setAttributeNS`), it is given a copy instead.
 */
export function canonicalizeExclusive(element: Element, inclusivePrefixes: readonly string[], excludedChild?: Element): string {
  const options = {
    inclusiveNamespacesPrefixList: [...inclusivePrefixes],
    ancestorNamespaces: collectAncestorNamespaces(element),
    defaultNsForPrefix: { ...DEFAULT_NS_FOR_PREFIX },
  };
  if (excludedChild !== undefined && excludedChild.parentNode !== element) {
    throw new TypeError('the excluded node must be a child of the canonicalized element');
  }
  if (declaresInclusiveNamespaces(element, inclusivePrefixes)) return canonicalizeCopy(element, options, excludedChild);
  if (excludedChild === undefined) return run(element, options);
  const next = excludedChild.nextSibling;
  element.removeChild(excludedChild);
  try {
    return run(element, options);
  } finally {
    element.insertBefore(excludedChild, next);
  }
}

type Options = Parameters<ExclusiveCanonicalization['process']>[1];

function run(element: Element, options: Options): string {
  return excC14n.process(element as unknown as globalThis.Element, options);
}

function canonicalizeCopy(element: Element, options: Options, excludedChild: Element | undefined): string {
  const copy = element.cloneNode(true) as Element;
  if (excludedChild !== undefined) {
    const index = indexOfChild(element, excludedChild);
    const copied = copy.childNodes.item(index) as Node | null;
    if (!copied || copied.nodeType !== ELEMENT_NODE || copied.namespaceURI !== excludedChild.namespaceURI || copied.localName !== excludedChild.localName) {
      throw new TypeError('the copy does not have the excluded node where the original has it');
    }
    copy.removeChild(copied);
  }
  return run(copy, options);
}

function indexOfChild(parent: Element, child: Node): number {
  let index = 0;
  for (let node = parent.firstChild; node !== null; node = node.nextSibling, index += 1) if (node === child) return index;
  return -1;
}

/**
 * Whether ExclusiveCanonicalization.process will use a PrefixList, and so may declare ancestor
 * namespaces on its input: the one given, or else, as process() looks it up, an
 * InclusiveNamespaces inside a CanonicalizationMethod child of the element (which SignedInfo has).
 */
function declaresInclusiveNamespaces(element: Element, inclusivePrefixes: readonly string[]): boolean {
  if (inclusivePrefixes.length > 0) return true;
  const method = firstChildNamed(element, 'CanonicalizationMethod');
  return method !== undefined && firstChildNamed(method, 'InclusiveNamespaces') !== undefined;
}

// Any namespace, as xml-crypto's findChildren matches by local name only.
function firstChildNamed(parent: Element, localName: string): Element | undefined {
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE && (node as Element).localName === localName) return node as Element;
  }
  return undefined;
}
