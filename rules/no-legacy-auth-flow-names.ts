import { defineRule } from '../src/rule';
import { LEGACY_AUTH_FLOWS, allowFormOfFlows, explicitAuthFlows } from '../src/rule-helpers';

export default defineRule({
  meta: {
    id: 'no-legacy-auth-flow-names',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Deprecated auth flow name',
    description: 'ExplicitAuthFlows uses the ALLOW_* names, not the deprecated ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY or USER_PASSWORD_AUTH.',
    rationale:
      'The API reference marks flow names without the ALLOW_ prefix as deprecated in favour of the ALLOW_* names (2019), and the two kinds cannot be combined in one list. A list of legacy names also allows SRP and refresh-token sign-in without naming them, so its configuration does not say plainly which flows it allows, and it cannot be tightened one ALLOW_* flow at a time. The equivalent ALLOW_* list names those flows too.',
    precision: 'very-high',
    fix: 'fix',
    securitySeverity: '3.1',
    messages: {
      legacy:
        '{{member:ExplicitAuthFlows}} uses the deprecated name "{{value}}"; expected ALLOW_* names only. A list of legacy names also allows ALLOW_USER_SRP_AUTH and ALLOW_REFRESH_TOKEN_AUTH without naming them, so the equivalent list names them too: {{fix}}.',
      mixed:
        '{{member:ExplicitAuthFlows}} uses the deprecated name "{{value}}"; expected its ALLOW_* form "{{replacement}}". Write the list with ALLOW_* names only: {{fix}}.',
      customOnly:
        '{{member:ExplicitAuthFlows}} uses the deprecated name "{{value}}"; expected ALLOW_* names only. No ALLOW_* list is documented as its equivalent (whether it kept SRP sign-in is undocumented), so it is not rewritten automatically: list the flows the application uses, for example ALLOW_CUSTOM_AUTH and ALLOW_REFRESH_TOKEN_AUTH.',
      partial:
        '{{member:ExplicitAuthFlows}} uses the deprecated name "{{value}}"; expected its ALLOW_* form "{{replacement}}". Replace "{{value}}" with "{{replacement}}" and name every allowed flow with ALLOW_* names (a list of legacy names also allows ALLOW_USER_SRP_AUTH and ALLOW_REFRESH_TOKEN_AUTH without naming them).',
    },
  },
  checkClient({ client, report }) {
    const flows = explicitAuthFlows(client);
    if (!flows) return;
    const equivalent = allowFormOfFlows(client);
    const legacyOnly = flows.items.every((item) => item.value in LEGACY_AUTH_FLOWS);
    // The fix sets the whole list: every finding on one list carries the same one.
    const fix = equivalent ? { set: ['ExplicitAuthFlows', JSON.stringify(equivalent)] as [string, string] } : undefined;
    for (const item of flows.items) {
      const replacement = LEGACY_AUTH_FLOWS[item.value];
      if (replacement === undefined) continue;
      const messageId = item.value === 'CUSTOM_AUTH_FLOW_ONLY' ? 'customOnly' : !fix ? 'partial' : legacyOnly ? 'legacy' : 'mixed';
      report({ messageId, data: { value: item.value, replacement }, at: item.node, path: item.path, ...(fix ? { fix } : {}) });
    }
  },
});
