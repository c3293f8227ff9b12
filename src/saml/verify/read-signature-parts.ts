import type { XmlElement } from '../xml/xml-dom.ts';
import { XMLDSIG_NS } from '../namespaces.ts';
import { childElements } from './dom.ts';
import { refuse } from './errors.ts';

export interface SignatureParts {
  signedInfo: XmlElement;
  signatureValue: XmlElement;
  /** The Reference's last Transform (exclusive C14N, after enveloped-signature). */
  lastTransform: XmlElement;
  digestValue: XmlElement;
}

/**
 * The parts of a ds:Signature that verification reads (xmldsig-core §4). check-signed-info has
 * already refused any other layout; this repeats only what it needs, and fails if it is absent.
 */
export function readSignatureParts(signature: XmlElement, label: string): SignatureParts {
  const signedInfo = onlyChild(signature, 'SignedInfo', label);
  const reference = onlyChild(signedInfo, 'Reference', label);
  const transforms = childElements(onlyChild(reference, 'Transforms', label), XMLDSIG_NS, 'Transform');
  const lastTransform = transforms[transforms.length - 1];
  if (lastTransform === undefined) throw missing('Transform', label);
  return {
    signedInfo,
    signatureValue: onlyChild(signature, 'SignatureValue', label),
    lastTransform,
    digestValue: onlyChild(reference, 'DigestValue', label),
  };
}

function onlyChild(parent: XmlElement, localName: string, label: string): XmlElement {
  const found = childElements(parent, XMLDSIG_NS, localName);
  if (found.length !== 1) throw missing(localName, label);
  return found[0] as XmlElement;
}

function missing(localName: string, label: string) {
  return refuse('ERR_SIGNATURE_INVALID', 'signed-info', `${label} Signature: expected exactly one ds:${localName}`);
}
