// A client resource block to a normalized client: attributes and nested blocks named as in the API
// (terraform-names.ts), values folded by the frame's Folder.
import type { AppClient, Member, ObjectValue, Value } from '../../model';
import type { SourceFile, Span } from '../../source';
import type { HclBlock, HclRange } from '../../parse/hcl';
import { coerceTemplateScalars } from '../coerce';
import { TERRAFORM_CLIENT_KINDS, ATTRIBUTE_NAMES, CLIENT_RESOURCE_TYPES, IGNORED_ATTRIBUTES, IGNORED_BLOCKS, NESTED_NAMES, terraformSpelling, type TerraformDialect } from '../terraform-names';
import { ABSENT, NO_ITERATION, type Folded, type Folder, type Iteration } from './folder';
import { poolKeyOf, resourceIndexOf } from './pool-index';

export function clientDialect(block: HclBlock): TerraformDialect | undefined {
  return block.type === 'resource' && block.labels[0] ? CLIENT_RESOURCE_TYPES[block.labels[0].value] : undefined;
}

interface ClientPlace {
  name: string;
  nameSpan: Span;
  extent: Span;
  related?: Array<{ span: Span; message: string }>;
  /** An instance of a `for_each`/`count` block: `each`/`count` bound. */
  iteration?: Iteration;
}

export function buildClient(folder: Folder, block: HclBlock, file: SourceFile, dialect: TerraformDialect, place: ClientPlace): AppClient {
  const names = ATTRIBUTE_NAMES[dialect];
  const ignored = IGNORED_ATTRIBUTES[dialect];
  const members = new Map<string, Member>();
  const userPoolAttribute = block.body.attributes.find((a) => a.name === 'user_pool_id');
  const iteration = place.iteration ?? NO_ITERATION;
  const set = (name: string, keyRange: HclRange, value: Folded): void => {
    if (value === ABSENT) members.delete(name);
    else members.set(name, { name, keySpan: folder.keySpan(file, keyRange, value), value: withoutNulls(value) });
  };
  for (const attribute of block.body.attributes) {
    if (ignored.has(attribute.name)) continue;
    const name = names[attribute.name] ?? attribute.name;
    let value = folder.fold(attribute.expr, file, iteration);
    // awscc writes the nested settings as object attributes: their keys are mapped like the blocks'.
    if (value !== ABSENT && value.kind === 'object' && NESTED_NAMES[name]) value = renameMembers(value, NESTED_NAMES[name]!);
    set(name, attribute.nameRange, value);
  }
  for (const nested of block.body.blocks) {
    if (IGNORED_BLOCKS.has(nested.type)) continue;
    if (nested.type === 'dynamic') {
      const label = nested.labels[0];
      if (!label) continue;
      const name = names[label.value] ?? label.value;
      const objects = folder.dynamicObjects(nested, file, iteration, NESTED_NAMES[name]);
      // Zero blocks: not set; one: that block; more, or a collection not known: not known.
      const value: Folded = objects?.length === 0 ? ABSENT : objects?.length === 1 ? objects[0]! : folder.unknown(file, nested, `dynamic "${label.value}"`);
      set(name, label, value);
      continue;
    }
    const name = names[nested.type] ?? nested.type;
    set(name, nested.typeRange, folder.blockObject(nested.body, file, iteration, NESTED_NAMES[name], nested));
  }
  const properties: ObjectValue = { kind: 'object', members, span: place.extent };
  coerceTemplateScalars(properties);
  return {
    kind: TERRAFORM_CLIENT_KINDS[dialect],
    file: place.nameSpan.file,
    name: place.name,
    nameSpan: place.nameSpan,
    extent: place.extent,
    properties,
    userPool: poolKeyOf(file, userPoolAttribute?.expr),
    // Built when a rule first asks: it may mean reading the module's other files.
    resources: () => resourceIndexOf(folder),
    spelling: terraformSpelling(dialect),
    ...(place.related ? { related: place.related } : {}),
  };
}

function renameMembers(value: ObjectValue, names: Record<string, string>): ObjectValue {
  const members = new Map<string, Member>();
  for (const member of value.members.values()) {
    const name = names[member.name] ?? member.name;
    members.set(name, { ...member, name });
  }
  return { ...value, members };
}

/** A client member as rules read it: object members written as `null` are not set (folding keeps them for `x.a == null`). */
function withoutNulls(value: Value): Value {
  if (value.kind === 'list') return value.items.some((item) => item.kind === 'list' || item.kind === 'object') ? { ...value, items: value.items.map(withoutNulls) } : value;
  if (value.kind !== 'object') return value;
  const members = new Map<string, Member>();
  for (const [name, member] of value.members) {
    if (member.value.kind === 'scalar' && member.value.value === null) continue;
    members.set(name, { ...member, value: withoutNulls(member.value) });
  }
  return { ...value, members };
}
