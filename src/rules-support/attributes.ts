// Custom attributes a client lets users write.
import type { Value } from '../model';
import { listItems } from '../rule-helpers';

export const CUSTOM_PREFIX = 'custom:';

/** A custom attribute in WriteAttributes: its whole name, or only its known beginning (`custom:${Var}` in a template). */
export interface CustomAttribute {
  /** The known text, `custom:` included. */
  text: string;
  complete: boolean;
  node: Value;
  path: string;
}

/** The WriteAttributes items that are certainly custom attributes (known, or a known beginning that already has the prefix). */
export function writableCustomAttributes(client: Parameters<typeof listItems>[0]): CustomAttribute[] {
  const out: CustomAttribute[] = [];
  for (const item of listItems(client, 'WriteAttributes') ?? []) {
    const node = item.node;
    let text: string | undefined;
    let complete = true;
    if (node.kind === 'scalar' && typeof node.value === 'string') text = node.value;
    else if (node.kind === 'partial') {
      text = node.prefix;
      complete = false;
    }
    if (text !== undefined && text.startsWith(CUSTOM_PREFIX)) out.push({ text, complete, node, path: item.path });
  }
  return out;
}

/**
 * The standard user pool attributes a client may read or write (the developer guide's "Standard
 * attributes"; `sub` is always readable and not listed).
 */
export const STANDARD_ATTRIBUTES: readonly string[] = [
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
];
