/** All values of the attributes with this exact (case-sensitive) Name, or undefined when none is present. */
export function attributeValues(attributes: ReadonlyArray<{ name: string; values: string[] }>, name: string): string[] | undefined {
  const matching = attributes.filter((attribute) => attribute.name === name);
  return matching.length === 0 ? undefined : matching.flatMap((attribute) => attribute.values);
}
