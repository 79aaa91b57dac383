/**
 * The part of JSON Schema that docs/cli-json uses (type, enum, required, properties, items), enough to check that
 * a command's `--json` output has the documented shape without a validator package.
 */
export interface JsonSchema {
  readonly type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';
  readonly enum?: readonly unknown[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Where `value` differs from `schema`, one line per difference with its JSON path (none when it matches). */
export function schemaProblems(value: unknown, schema: JsonSchema, path = '$'): string[] {
  const problems: string[] = [];
  if (schema.enum && !schema.enum.includes(value))
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (schema.type !== undefined) {
    const actual = typeOf(value);
    const ok =
      schema.type === actual ||
      (schema.type === 'integer' && Number.isInteger(value)) ||
      (schema.type === 'number' && actual === 'number');
    if (!ok) return [...problems, `${path}: ${actual}, not ${schema.type}`];
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${path}.${key}: missing`);
    for (const [key, inner] of Object.entries(schema.properties ?? {}))
      if (key in record) problems.push(...schemaProblems(record[key], inner, `${path}.${key}`));
  }
  if (Array.isArray(value) && schema.items) {
    const items = schema.items;
    value.forEach((item, index) => problems.push(...schemaProblems(item, items, `${path}[${index}]`)));
  }
  return problems;
}
