// CloudFormation accepts "true"/"false" strings for booleans and numeric strings for integers
// (cfn-lint's non-strict typing does too). Turn them into the values they mean, guided by the
// schema's declared types, so rules and the schema judge the meaning, not the spelling.
import schema from '../../schemas/cloudformation-user-pool-client.json';
import type { ObjectValue, Value } from '../model';

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  $ref?: string;
}

const definitions = (schema as { definitions: Record<string, SchemaNode> }).definitions;
const BOOLEAN_STRINGS: Record<string, boolean> = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false };

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  if (node?.$ref) return definitions[node.$ref.replace('#/definitions/', '')];
  return node;
}

export function coerceTemplateScalars(object: ObjectValue, node: SchemaNode = schema as SchemaNode): void {
  for (const member of object.members.values()) {
    const memberSchema = resolve(node.properties?.[member.name]);
    if (memberSchema) member.value = coerce(member.value, memberSchema);
  }
}

function coerce(value: Value, node: SchemaNode): Value {
  if (value.kind === 'object' && node.properties) {
    coerceTemplateScalars(value, node);
    return value;
  }
  if (value.kind === 'list' && node.items) {
    const itemSchema = resolve(node.items)!;
    value.items = value.items.map((item) => coerce(item, itemSchema));
    return value;
  }
  if (value.kind !== 'scalar') return value;
  if (node.type === 'boolean' && typeof value.value === 'string' && value.value in BOOLEAN_STRINGS) {
    return { ...value, value: BOOLEAN_STRINGS[value.value]! };
  }
  if (node.type === 'integer' && typeof value.value === 'string' && /^\s*-?\d+\s*$/.test(value.value)) {
    return { ...value, value: Number(value.value) };
  }
  if (node.type === 'string' && typeof value.value === 'number') {
    // YAML reads `ClientName: 123` as a number; CloudFormation sends it as the string "123".
    return { ...value, value: String(value.value) };
  }
  return value;
}
