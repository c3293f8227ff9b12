import type { XmlElement } from '../xml/xml-dom.ts';
import { XMLDSIG_NS } from '../namespaces.ts';
import {
  ACCEPTED_CANONICALIZATION,
  ACCEPTED_TRANSFORMS,
  acceptedDigestAlgorithms,
  acceptedSignatureAlgorithms,
} from './algorithms.ts';
import { allChildElements, attributeOf } from './dom.ts';
import { refuse } from './errors.ts';

const EXC_C14N_NS = 'http://www.w3.org/2001/10/xml-exc-c14n#';

export interface SignedInfoFacts {
  signatureAlgorithm: string;
  digestAlgorithm: string;
}

/**
 * Checks the shape of one enveloped Signature before any cryptography runs: a fixed element
 * layout (xmldsig-core §4), allow-listed algorithms, and exactly one Reference whose URI is
 * `#` + the ID of the element the Signature sits in (saml-core §5.4.2). `label` names the
 * signed element in messages ("Response" or "Assertion").
 */
export function checkSignedInfo(signature: XmlElement, signedElement: XmlElement, label: string, allowSha1: boolean): SignedInfoFacts {
  const fail = (message: string) => refuse('ERR_SIGNATURE_INVALID', 'signed-info', `${label} Signature: ${message}`);

  const children = allChildElements(signature);
  const names = children.map((child) => (child.namespaceURI === XMLDSIG_NS ? child.localName : `{${child.namespaceURI ?? ''}}${child.localName}`));
  const layoutOk =
    (names.length === 2 || (names.length === 3 && names[2] === 'KeyInfo')) &&
    names[0] === 'SignedInfo' &&
    names[1] === 'SignatureValue';
  if (!layoutOk) throw fail(`expected SignedInfo, SignatureValue and an optional KeyInfo, found ${names.join(', ') || 'nothing'}`);
  const signedInfo = children[0] as XmlElement;

  const infoChildren = allChildElements(signedInfo);
  const infoNames = infoChildren.map((child) => (child.namespaceURI === XMLDSIG_NS ? child.localName : '?'));
  if (infoNames.length !== 3 || infoNames[0] !== 'CanonicalizationMethod' || infoNames[1] !== 'SignatureMethod' || infoNames[2] !== 'Reference') {
    throw fail(`SignedInfo must hold CanonicalizationMethod, SignatureMethod and exactly one Reference, found ${infoNames.join(', ')}`);
  }
  const [canonicalization, signatureMethod, reference] = infoChildren as [XmlElement, XmlElement, XmlElement];

  const c14n = attributeOf(canonicalization, 'Algorithm');
  if (c14n !== ACCEPTED_CANONICALIZATION || allChildElements(canonicalization).some((c) => c.namespaceURI !== EXC_C14N_NS)) {
    throw fail(`canonicalization ${JSON.stringify(c14n ?? null)} is not accepted; only ${ACCEPTED_CANONICALIZATION} is`);
  }
  const signatureAlgorithm = attributeOf(signatureMethod, 'Algorithm') ?? '';
  const signatureAlgorithms = acceptedSignatureAlgorithms(allowSha1);
  if (!signatureAlgorithms.includes(signatureAlgorithm)) {
    throw fail(`signature algorithm "${signatureAlgorithm}" is not accepted; accepted: ${signatureAlgorithms.join(', ')}`);
  }

  const expectedUri = `#${attributeOf(signedElement, 'ID') ?? ''}`;
  const uri = attributeOf(reference, 'URI');
  if (expectedUri === '#' || uri !== expectedUri) {
    throw fail(`Reference URI ${JSON.stringify(uri ?? null)} must point to the ${label} that contains the Signature (${JSON.stringify(expectedUri)})`);
  }

  const refChildren = allChildElements(reference);
  const refNames = refChildren.map((child) => (child.namespaceURI === XMLDSIG_NS ? child.localName : '?'));
  if (refNames.length !== 3 || refNames[0] !== 'Transforms' || refNames[1] !== 'DigestMethod' || refNames[2] !== 'DigestValue') {
    throw fail(`Reference must hold Transforms, DigestMethod and DigestValue, found ${refNames.join(', ')}`);
  }
  const [transformsElement, digestMethod] = refChildren as [XmlElement, XmlElement, XmlElement];
  const transforms = allChildElements(transformsElement);
  const transformAlgorithms = transforms.map((t) => (t.namespaceURI === XMLDSIG_NS && t.localName === 'Transform' ? (attributeOf(t, 'Algorithm') ?? '') : '?'));
  const transformsOk =
    transformAlgorithms.length === ACCEPTED_TRANSFORMS.length &&
    transformAlgorithms.every((algorithm, i) => algorithm === ACCEPTED_TRANSFORMS[i]) &&
    transforms.every((t) => allChildElements(t).every((c) => c.namespaceURI === EXC_C14N_NS && c.localName === 'InclusiveNamespaces'));
  if (!transformsOk) {
    throw fail(`transforms [${transformAlgorithms.join(', ')}] are not accepted; expected exactly [${ACCEPTED_TRANSFORMS.join(', ')}]`);
  }

  const digestAlgorithm = attributeOf(digestMethod, 'Algorithm') ?? '';
  const digestAlgorithms = acceptedDigestAlgorithms(allowSha1);
  if (!digestAlgorithms.includes(digestAlgorithm)) {
    throw fail(`digest algorithm "${digestAlgorithm}" is not accepted; accepted: ${digestAlgorithms.join(', ')}`);
  }
  return { signatureAlgorithm, digestAlgorithm };
}
