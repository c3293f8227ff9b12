import type { XmlElement } from './xml/xml-dom.ts';
import { RolegateError } from '../errors/rolegate-error.ts';
import { SAML_ASSERTION_NS } from './namespaces.ts';
import { attributeOf, childElements, textOf } from './verify/dom.ts';

export interface ParsedSubjectConfirmation {
  method: string;
  recipient?: string;
  notOnOrAfter?: string;
  notBefore?: string;
  inResponseTo?: string;
}

export interface ParsedAssertion {
  id: string;
  issueInstant: string;
  issuer: string;
  subject?: {
    nameId?: string;
    nameIdFormat?: string;
    confirmations: ParsedSubjectConfirmation[];
  };
  conditions?: {
    notBefore?: string;
    notOnOrAfter?: string;
    /** One inner list per AudienceRestriction (saml-core §2.5.1.4: every restriction must be met). */
    audiences: string[][];
  };
  authnStatements: Array<{ authnInstant?: string; sessionIndex?: string; sessionNotOnOrAfter?: string }>;
  /** In document order, across all AttributeStatements; a Name may appear more than once. */
  attributes: Array<{ name: string; values: string[] }>;
}

const invalid = (message: string) => new RolegateError('ERR_SAML_RESPONSE_INVALID', message, { details: { check: 'assertion-structure' } });

/** At most one direct child; more than one is ambiguous and refused. */
function optionalChild(parent: XmlElement, localName: string, where: string): XmlElement | undefined {
  const found = childElements(parent, SAML_ASSERTION_NS, localName);
  if (found.length > 1) throw invalid(`${where} has ${found.length} ${localName} elements; at most one is allowed`);
  return found[0];
}

function optionalAttribute<K extends string>(element: XmlElement, name: string, key: K): Partial<Record<K, string>> {
  const value = attributeOf(element, name);
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/**
 * Reads an Assertion element (pass only a verified one). Every lookup is a namespace-qualified
 * direct child: nothing an attacker places deeper in the tree can satisfy it.
 */
export function readAssertion(assertion: XmlElement): ParsedAssertion {
  if (assertion.namespaceURI !== SAML_ASSERTION_NS || assertion.localName !== 'Assertion') {
    throw new TypeError('readAssertion expects a saml:Assertion element');
  }
  const id = attributeOf(assertion, 'ID');
  if (!id) throw invalid('Assertion has no ID attribute');
  const issueInstant = attributeOf(assertion, 'IssueInstant');
  if (!issueInstant) throw invalid('Assertion has no IssueInstant attribute');
  const issuerElement = optionalChild(assertion, 'Issuer', 'Assertion');
  // saml-core §2.3.3: Issuer is required in an Assertion.
  if (!issuerElement) throw invalid('Assertion has no Issuer');
  const parsed: ParsedAssertion = {
    id,
    issueInstant,
    issuer: textOf(issuerElement).trim(),
    authnStatements: [],
    attributes: [],
  };

  const subject = optionalChild(assertion, 'Subject', 'Assertion');
  if (subject) {
    const nameIdElement = optionalChild(subject, 'NameID', 'Subject');
    parsed.subject = {
      ...(nameIdElement ? { nameId: textOf(nameIdElement), ...optionalAttribute(nameIdElement, 'Format', 'nameIdFormat') } : {}),
      confirmations: childElements(subject, SAML_ASSERTION_NS, 'SubjectConfirmation').map((confirmation) => {
        const data = optionalChild(confirmation, 'SubjectConfirmationData', 'SubjectConfirmation');
        return {
          method: attributeOf(confirmation, 'Method') ?? '',
          ...(data
            ? {
                ...optionalAttribute(data, 'Recipient', 'recipient'),
                ...optionalAttribute(data, 'NotOnOrAfter', 'notOnOrAfter'),
                ...optionalAttribute(data, 'NotBefore', 'notBefore'),
                ...optionalAttribute(data, 'InResponseTo', 'inResponseTo'),
              }
            : {}),
        };
      }),
    };
  }

  const conditions = optionalChild(assertion, 'Conditions', 'Assertion');
  if (conditions) {
    parsed.conditions = {
      ...optionalAttribute(conditions, 'NotBefore', 'notBefore'),
      ...optionalAttribute(conditions, 'NotOnOrAfter', 'notOnOrAfter'),
      audiences: childElements(conditions, SAML_ASSERTION_NS, 'AudienceRestriction').map((restriction) =>
        childElements(restriction, SAML_ASSERTION_NS, 'Audience').map((audience) => textOf(audience).trim()),
      ),
    };
  }

  for (const statement of childElements(assertion, SAML_ASSERTION_NS, 'AuthnStatement')) {
    parsed.authnStatements.push({
      ...optionalAttribute(statement, 'AuthnInstant', 'authnInstant'),
      ...optionalAttribute(statement, 'SessionIndex', 'sessionIndex'),
      ...optionalAttribute(statement, 'SessionNotOnOrAfter', 'sessionNotOnOrAfter'),
    });
  }

  for (const statement of childElements(assertion, SAML_ASSERTION_NS, 'AttributeStatement')) {
    for (const attribute of childElements(statement, SAML_ASSERTION_NS, 'Attribute')) {
      const name = attributeOf(attribute, 'Name');
      if (!name) throw invalid('An Attribute has no Name');
      parsed.attributes.push({
        name,
        values: childElements(attribute, SAML_ASSERTION_NS, 'AttributeValue').map((value) => textOf(value)),
      });
    }
  }
  return parsed;
}
