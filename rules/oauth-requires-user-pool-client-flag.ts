import { defineRule } from '../src/rule';
import type { Because } from '../src/rule';
import { memberName, type MessageValue } from '../src/message';
import { knownBoolean, member } from '../src/rule-helpers';
import { supporting } from '../src/rules-support/secrets';

/** The members Cognito accepts only when AllowedOAuthFlowsUserPoolClient is true. */
export const OAUTH_MEMBERS = ['CallbackURLs', 'LogoutURLs', 'AllowedOAuthScopes', 'AllowedOAuthFlows'] as const;

export default defineRule({
  meta: {
    id: 'oauth-requires-user-pool-client-flag',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'OAuth settings without AllowedOAuthFlowsUserPoolClient',
    description: 'CallbackURLs, LogoutURLs, AllowedOAuthScopes and AllowedOAuthFlows are set only when AllowedOAuthFlowsUserPoolClient is true.',
    rationale:
      'The AllowedOAuthFlowsUserPoolClient documentation says it must be true before CallbackURLs, LogoutURLs, AllowedOAuthScopes or AllowedOAuthFlows can be set, and that it defaults to false. With the flag false or omitted, Cognito rejects the OAuth settings.',
    precision: 'very-high',
    messages: {
      flagOff:
        '{{member}} is set while {{member:AllowedOAuthFlowsUserPoolClient}} is {{flag}}{{because}}; Cognito accepts OAuth settings only when it is true. Set {{set:AllowedOAuthFlowsUserPoolClient=true}}, or remove {{member}}.',
    },
  },
  checkClient({ client, report }) {
    const flag = member(client, 'AllowedOAuthFlowsUserPoolClient');
    let flagText: MessageValue = 'not set (it defaults to false)';
    let because: Because[] = [];
    if (flag) {
      if (knownBoolean(flag.value) !== false) return; // true, or not known
      const described = supporting(flag.value, memberName('AllowedOAuthFlowsUserPoolClient'), 'false', 'AllowedOAuthFlowsUserPoolClient is false here');
      flagText = described.text;
      because = described.because;
    }
    for (const name of OAUTH_MEMBERS) {
      const setting = member(client, name);
      // Set non-empty: a list with at least one item (an item may be unknown, the list is still not empty).
      if (!setting || setting.value.kind !== 'list' || setting.value.items.length === 0) continue;
      report({ messageId: 'flagOff', data: { member: memberName(name), flag: flagText }, at: setting.keySpan, path: name, because });
    }
  },
});
