import type { XmlDocument } from '../xml/xml-dom.ts';
import { allElements } from './dom.ts';
import { refuse } from './errors.ts';

// xml-crypto resolves a Reference URI by any attribute with one of these local names,
// whatever its namespace, so uniqueness is checked over exactly that set.
const ID_ATTRIBUTE_NAMES = new Set(['ID', 'Id', 'id']);

/**
 * Refuses a document in which two elements carry the same ID value. A duplicate is how a
 * wrapping attack makes the verifier digest one element while the reader reads another.
 */
export function checkUniqueIds(doc: XmlDocument): void {
  const seen = new Set<string>();
  for (const element of allElements(doc)) {
    const attributes = element.attributes;
    for (let i = 0; i < attributes.length; i += 1) {
      const attribute = attributes[i];
      if (!attribute || !ID_ATTRIBUTE_NAMES.has(attribute.localName ?? attribute.name)) continue;
      if (seen.has(attribute.value)) {
        throw refuse(
          'ERR_SAML_RESPONSE_INVALID',
          'unique-ids',
          `Document contains more than one element with ID "${attribute.value}": refused to prevent signature wrapping`,
        );
      }
      seen.add(attribute.value);
    }
  }
}
