import { defineRule } from '../src/rule';
import { stringItems } from '../src/rule-helpers';

export default defineRule({
  meta: {
    id: 'no-implicit-flow',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Implicit grant allowed',
    description: 'AllowedOAuthFlows does not allow the implicit grant; use the authorization code grant (with PKCE).',
    rationale:
      'The implicit grant returns tokens in the redirect URL, where browser history, logs, referrer headers and other scripts can read them, and it issues no refresh token. OAuth 2.0 Security Best Current Practice (RFC 9700) says not to use it and OAuth 2.1 removes it. CDK enables it by default.',
    precision: 'very-high',
    securitySeverity: '5.4',
    messages: {
      implicit:
        '{{member:AllowedOAuthFlows}} allows "implicit", which returns tokens in the redirect URL where they can leak (OAuth 2.1 removes this grant); expected "code". Replace "implicit" with "code" and use PKCE in the app.',
    },
  },
  checkClient({ client, report }) {
    for (const item of stringItems(client, 'AllowedOAuthFlows')) {
      if (item.value === 'implicit') report({ messageId: 'implicit', at: item.node, path: item.path });
    }
  },
});
