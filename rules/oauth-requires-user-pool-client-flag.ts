import { defineRule } from '../src/rule';
import type { Because } from '../src/rule';
import { memberName, phrase, unsetMember, type MessageValue } from '../src/message';
import { isSetNonEmpty, knownBoolean, member } from '../src/rule-helpers';
import { supporting } from '../src/rules-support/secrets';

/** The members that take effect only when AllowedOAuthFlowsUserPoolClient is true. */
const OAUTH_LISTS = ['CallbackURLs', 'LogoutURLs', 'AllowedOAuthScopes', 'AllowedOAuthFlows'] as const;

export default defineRule({
  meta: {
    id: 'oauth-requires-user-pool-client-flag',
    category: 'correctness',
    defaultSeverity: 'warning',
    title: 'OAuth settings without AllowedOAuthFlowsUserPoolClient',
    description: 'CallbackURLs, LogoutURLs, DefaultRedirectURI, AllowedOAuthScopes and AllowedOAuthFlows are set only when AllowedOAuthFlowsUserPoolClient is true.',
    rationale:
      'The AllowedOAuthFlowsUserPoolClient documentation says it must be true before the client can use the OAuth 2.0 endpoints, and that it defaults to false. The API still accepts CallbackURLs, LogoutURLs and the other OAuth settings with the flag off (terraform-provider-aws creates such clients in its acceptance tests), but the OAuth endpoints refuse the client, so the settings are dead.',
    precision: 'very-high',
    messages: {
      flagOff:
        '{{member}} is set while {{flag}}{{because}}; Cognito stores the setting but its OAuth endpoints refuse this client, so the setting has no effect. Set {{set:AllowedOAuthFlowsUserPoolClient=true}} if the client should use OAuth, or remove {{member}}.',
    },
  },
  checkClient({ client, report }) {
    const flag = member(client, 'AllowedOAuthFlowsUserPoolClient');
    // Terraform's argument is optional+computed: omitted, it is false only for a new client.
    let flagText: MessageValue = unsetMember('AllowedOAuthFlowsUserPoolClient', 'false');
    let because: Because[] = [];
    if (flag) {
      if (knownBoolean(flag.value) !== false) return; // true, or not known
      const described = supporting(flag.value, memberName('AllowedOAuthFlowsUserPoolClient'), phrase`${memberName('AllowedOAuthFlowsUserPoolClient')} is false`, 'AllowedOAuthFlowsUserPoolClient is false here');
      flagText = described.text;
      because = described.because;
    }
    for (const name of [...OAUTH_LISTS, 'DefaultRedirectURI'] as const) {
      // Set non-empty: a list with at least one item (an item may be unknown, the list is still not empty), or a URI.
      if (!isSetNonEmpty(client, name)) continue;
      const setting = member(client, name)!;
      if (name !== 'DefaultRedirectURI' && setting.value.kind !== 'list') continue;
      report({ messageId: 'flagOff', data: { member: memberName(name), flag: flagText }, at: setting.keySpan, path: name, because });
    }
  },
});
