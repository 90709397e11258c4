import { defineRule } from '../src/rule';
import { LEGACY_AUTH_FLOWS, explicitAuthFlows } from '../src/rule-helpers';

export default defineRule({
  meta: {
    id: 'no-legacy-auth-flow-names',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Deprecated auth flow name',
    description: 'ExplicitAuthFlows uses the ALLOW_* names, not the deprecated ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY or USER_PASSWORD_AUTH.',
    rationale:
      'The API reference marks flow names without the ALLOW_ prefix as deprecated in favour of the ALLOW_* names (2019), and the two kinds cannot be combined in one list. A client that keeps a legacy name cannot be tightened one ALLOW_* flow at a time, and its configuration does not say plainly which flows it allows.',
    precision: 'very-high',
    securitySeverity: '3.1',
    messages: {
      legacy:
        '{{member:ExplicitAuthFlows}} uses the deprecated name "{{value}}"; expected its ALLOW_* form "{{replacement}}". Replace "{{value}}" with "{{replacement}}" and list every allowed flow with ALLOW_* names.',
    },
  },
  checkClient({ client, report }) {
    for (const item of explicitAuthFlows(client)?.items ?? []) {
      const replacement = LEGACY_AUTH_FLOWS[item.value];
      if (replacement !== undefined) report({ messageId: 'legacy', data: { value: item.value, replacement }, at: item.node, path: item.path, fix: { replace: [item.path, [replacement]] } });
    }
  },
});
