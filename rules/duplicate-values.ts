import { defineRule } from '../src/rule';
import { memberName } from '../src/message';
import { stringItems, type Item } from '../src/rule-helpers';

/** The list members whose items are values (a set in meaning), in the order they are checked. */
export const VALUE_LISTS = [
  'CallbackURLs',
  'LogoutURLs',
  'AllowedOAuthScopes',
  'AllowedOAuthFlows',
  'ExplicitAuthFlows',
  'ReadAttributes',
  'WriteAttributes',
  'SupportedIdentityProviders',
] as const;

function sameSpan(a: Item<string>, b: Item<string>): boolean {
  return a.node.span.start === b.node.span.start && a.node.span.end === b.node.span.end;
}

export default defineRule({
  meta: {
    id: 'duplicate-values',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Duplicate value in a list member',
    description: 'No value appears twice in a list member (CallbackURLs, LogoutURLs, AllowedOAuthScopes, AllowedOAuthFlows, ExplicitAuthFlows, ReadAttributes, WriteAttributes, SupportedIdentityProviders).',
    rationale:
      'Each of these lists names what the client allows; naming a value twice allows nothing more. A duplicate is usually a copy-and-paste slip where a different value (another callback URL, another scope) was meant, and it makes the list harder to review.',
    precision: 'very-high',
    fix: 'fix',
    securitySeverity: '1.0',
    messages: {
      duplicate:
        '{{member}}[{{index}}] repeats "{{value}}", already listed as {{member}}[{{firstIndex}}]; the repeated entry adds nothing. Remove it, or correct it if another value was meant.',
    },
  },
  checkClient({ client, report }) {
    for (const name of VALUE_LISTS) {
      const first = new Map<string, { item: Item<string>; index: number }>();
      const items = stringItems(client, name);
      for (const item of items) {
        const index = Number(/\[(\d+)\]$/.exec(item.path)![1]);
        const earlier = first.get(item.value);
        if (!earlier) {
          first.set(item.value, { item, index });
          continue;
        }
        report({
          messageId: 'duplicate',
          data: { member: memberName(name), value: item.value, index, firstIndex: earlier.index },
          at: item.node,
          path: item.path,
          fix: { remove: item.path },
          // A CommaDelimitedList default gives every item the span of the Ref: no second location then.
          ...(sameSpan(item, earlier.item) ? {} : { related: [{ span: earlier.item.node.span, message: `first "${item.value}" in ${name}` }] }),
        });
      }
    }
  },
});
