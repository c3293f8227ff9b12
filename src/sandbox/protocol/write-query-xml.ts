import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';

/**
 * A result shape for the AWS Query protocol: objects become child elements in key order,
 * arrays become `<member>` lists, dates become ISO-8601 seconds, `undefined` is omitted.
 * Every value becomes a DOM text node, so escaping is the serializer's job, never ours.
 */
export type XmlValue = string | number | boolean | Date | undefined | XmlObject | readonly XmlValue[];
export interface XmlObject {
  readonly [key: string]: XmlValue;
}

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function formatAwsDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `<ActionResponse xmlns><ActionResult>…</ActionResult><ResponseMetadata><RequestId/>…` */
export function writeQueryResponse(action: string, namespace: string, result: XmlObject | undefined, requestId: string): string {
  const doc = newDocument(namespace, `${action}Response`);
  const root = doc.documentElement as Element;
  if (result !== undefined) {
    const resultElement = appendElement(doc, root, `${action}Result`);
    appendObject(doc, resultElement, result);
  }
  const metadata = appendElement(doc, root, 'ResponseMetadata');
  appendText(doc, appendElement(doc, metadata, 'RequestId'), requestId);
  return serialize(doc);
}

/** `<ErrorResponse xmlns><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>` */
export function writeQueryError(
  namespace: string,
  error: { type: string; code: string; message: string },
  requestId: string,
): string {
  const doc = newDocument(namespace, 'ErrorResponse');
  const root = doc.documentElement as Element;
  const errorElement = appendElement(doc, root, 'Error');
  appendText(doc, appendElement(doc, errorElement, 'Type'), error.type);
  appendText(doc, appendElement(doc, errorElement, 'Code'), error.code);
  appendText(doc, appendElement(doc, errorElement, 'Message'), error.message);
  appendText(doc, appendElement(doc, root, 'RequestId'), requestId);
  return serialize(doc);
}

function newDocument(namespace: string, rootName: string): Document {
  return new DOMImplementation().createDocument(namespace, rootName, null);
}

function appendElement(doc: Document, parent: Element, name: string): Element {
  const element = doc.createElementNS(parent.namespaceURI, name);
  parent.appendChild(element);
  return element;
}

function appendText(doc: Document, element: Element, text: string): void {
  element.appendChild(doc.createTextNode(text));
}

function appendObject(doc: Document, parent: Element, object: XmlObject): void {
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue;
    appendValue(doc, appendElement(doc, parent, key), value);
  }
}

function appendValue(doc: Document, element: Element, value: Exclude<XmlValue, undefined>): void {
  if (typeof value === 'string') appendText(doc, element, value);
  else if (typeof value === 'number' || typeof value === 'boolean') appendText(doc, element, String(value));
  else if (value instanceof Date) appendText(doc, element, formatAwsDate(value));
  else if (Array.isArray(value)) {
    for (const item of value as readonly XmlValue[]) {
      if (item === undefined) continue;
      appendValue(doc, appendElement(doc, element, 'member'), item);
    }
  } else appendObject(doc, element, value as XmlObject);
}

function serialize(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}
