import type { XmlDocument, XmlElement } from '../../saml/xml/xml-dom.ts';
import { AWS_SAML_ATTRIBUTES } from '../../aws/saml-attributes.ts';
import { SAML_ASSERTION_NS } from '../../saml/namespaces.ts';
import { attributeOf, childElements, textOf } from '../../saml/verify/dom.ts';
import { candidateProviderArns } from './check-role-attribute.ts';

/**
 * Which SAML providers' certificates to try. This reads the Role values BEFORE verification,
 * only to choose keys: nothing read here is trusted or returned to the caller. Every value
 * used afterwards comes from the verified assertion.
 */
export function readCandidateProviders(doc: XmlDocument): string[] {
  const root = doc.documentElement as XmlElement;
  const values: string[] = [];
  for (const assertion of childElements(root, SAML_ASSERTION_NS, 'Assertion')) {
    for (const statement of childElements(assertion, SAML_ASSERTION_NS, 'AttributeStatement')) {
      for (const attribute of childElements(statement, SAML_ASSERTION_NS, 'Attribute')) {
        if (attributeOf(attribute, 'Name') !== AWS_SAML_ATTRIBUTES.role) continue;
        for (const value of childElements(attribute, SAML_ASSERTION_NS, 'AttributeValue')) values.push(textOf(value));
      }
    }
  }
  return candidateProviderArns(values);
}
