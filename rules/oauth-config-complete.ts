import { defineRule } from '../src/rule';
import { isAbsentOrEmpty, knownBoolean, member, stringItems } from '../src/rule-helpers';
import { quoteList } from '../src/rules-support/lists';

export default defineRule({
  meta: {
    id: 'oauth-config-complete',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'Incomplete OAuth configuration',
    description: 'An OAuth-enabled app client (AllowedOAuthFlowsUserPoolClient: true) names its OAuth flows and scopes, and has CallbackURLs when code or implicit is allowed.',
    rationale:
      'Cognito rejects both cases when the client is created or updated, so the deployment fails: "AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows", and InvalidOAuthFlowException "CallbackUrls can not be empty when code flow or implicit flow is selected".',
    precision: 'high',
    messages: {
      noFlows:
        '{{member:AllowedOAuthFlowsUserPoolClient}} is true but {{member:AllowedOAuthFlows}} is {{state}}; Cognito rejects the client ("AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows"). Add the grants the app uses, for example {{set:AllowedOAuthFlows=["code"]}}, or set {{set:AllowedOAuthFlowsUserPoolClient=false}}.',
      noScopes:
        '{{member:AllowedOAuthFlowsUserPoolClient}} is true but {{member:AllowedOAuthScopes}} is {{state}}; Cognito rejects the client ("AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows"). Add the scopes the app needs, for example {{set:AllowedOAuthScopes=["openid", "email"]}}, or set {{set:AllowedOAuthFlowsUserPoolClient=false}}.',
      noCallbacks:
        '{{member:AllowedOAuthFlows}} allows {{flows}} but {{member:CallbackURLs}} is {{state}}; Cognito rejects the client with InvalidOAuthFlowException ("CallbackUrls can not be empty when code flow or implicit flow is selected"). Add the app\'s redirect URLs to {{member:CallbackURLs}}, or remove {{flows}}.',
    },
  },
  checkClient({ client, report }) {
    const flag = member(client, 'AllowedOAuthFlowsUserPoolClient');
    const enabled = flag ? knownBoolean(flag.value) : false;
    // With the flag known false (or omitted), oauth-requires-user-pool-client-flag reports the OAuth members.
    if (enabled === false) return;
    if (enabled === true && flag) {
      for (const [name, messageId] of [['AllowedOAuthFlows', 'noFlows'], ['AllowedOAuthScopes', 'noScopes']] as const) {
        if (!isAbsentOrEmpty(client, name)) continue;
        const written = member(client, name);
        // An empty list is the culprit; a missing member is reported at the flag that needs it.
        report({ messageId, data: { state: written ? 'empty' : 'not set' }, at: written ? written.value : flag.value, path: written ? name : 'AllowedOAuthFlowsUserPoolClient' });
      }
    }
    // The redirect grants need a callback whether the flag is true or not known (if it is false the flows are rejected anyway).
    const redirecting = stringItems(client, 'AllowedOAuthFlows').filter((item) => item.value === 'code' || item.value === 'implicit');
    if (redirecting.length === 0 || !isAbsentOrEmpty(client, 'CallbackURLs')) return;
    const callbacks = member(client, 'CallbackURLs');
    const flows = quoteList([...new Set(redirecting.map((item) => item.value))]);
    report({
      messageId: 'noCallbacks',
      data: { flows, state: callbacks ? 'empty' : 'not set' },
      at: redirecting[0]!.node,
      path: redirecting[0]!.path,
      ...(callbacks ? { related: [{ span: callbacks.value.span, message: 'CallbackURLs is empty here' }] } : {}),
    });
  },
});
