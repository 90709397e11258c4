import { defineRule } from '../src/rule';
import { LEGACY_AUTH_FLOWS, allowFormOfFlows, explicitAuthFlows } from '../src/rule-helpers';
import { quoteList } from '../src/rules-support/lists';

export default defineRule({
  meta: {
    id: 'explicit-auth-flows-no-legacy-mix',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'Legacy and ALLOW_* auth flow names mixed',
    description: 'ExplicitAuthFlows does not combine legacy values (ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH) with ALLOW_* values.',
    rationale:
      'The ExplicitAuthFlows documentation says values with the ALLOW_ prefix cannot be used along with values without it, so a list that mixes legacy names with ALLOW_* names breaks that rule. Each legacy name has an ALLOW_* equivalent, so the list can be written with ALLOW_* names only.',
    precision: 'very-high',
    fix: 'fix',
    messages: {
      mixed:
        '{{member:ExplicitAuthFlows}} mixes the legacy value "{{value}}" with {{allowed}}; the API reference says ALLOW_* values cannot be used along with legacy names. Replace "{{value}}" with "{{replacement}}" so the list uses ALLOW_* names only: {{fix}}.',
      mixedPartial:
        '{{member:ExplicitAuthFlows}} mixes the legacy value "{{value}}" with {{allowed}}; the API reference says ALLOW_* values cannot be used along with legacy names. Replace "{{value}}" with "{{replacement}}" so the list uses ALLOW_* names only.',
    },
  },
  checkClient({ client, report }) {
    const flows = explicitAuthFlows(client);
    if (!flows || flows.defaulted) return; // the default list has ALLOW_* values only
    const allowed = [...new Set(flows.items.map((item) => item.value).filter((value) => value.startsWith('ALLOW_')))];
    if (allowed.length === 0) return;
    // The same whole-list fix as no-legacy-auth-flow-names: a mixed list only changes its names.
    const equivalent = allowFormOfFlows(client);
    for (const item of flows.items) {
      const replacement = LEGACY_AUTH_FLOWS[item.value];
      if (replacement === undefined) continue;
      const data = { value: item.value, allowed: quoteList(allowed), replacement };
      if (equivalent) report({ messageId: 'mixed', data, at: item.node, path: item.path, fix: { set: ['ExplicitAuthFlows', JSON.stringify(equivalent)] } });
      else report({ messageId: 'mixedPartial', data, at: item.node, path: item.path });
    }
  },
});
