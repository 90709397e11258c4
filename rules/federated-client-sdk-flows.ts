import { defineRule } from '../src/rule';
import { memberName } from '../src/message';
import { DEFAULT_EXPLICIT_AUTH_FLOWS, explicitAuthFlows, listFullyKnown, member, stringItems } from '../src/rule-helpers';
import { supporting } from '../src/rules-support/secrets';

/** ExplicitAuthFlows values that sign a local user in through the SDK (legacy names included). */
export const SIGN_IN_FLOWS = [
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'CUSTOM_AUTH_FLOW_ONLY',
  'USER_PASSWORD_AUTH',
];

export default defineRule({
  meta: {
    id: 'federated-client-sdk-flows',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Federated-only client still allows SDK sign-in',
    description: 'A client whose SupportedIdentityProviders leaves out COGNITO does not allow SRP, password or custom sign-in in ExplicitAuthFlows (written or by default).',
    rationale:
      'SupportedIdentityProviders sets the identity providers that managed login shows for the client; the API reference says removing COGNITO from it does not prevent authentication operations for local users with the user pools API in an AWS SDK. The SDK sign-in flows a client accepts are the ones ExplicitAuthFlows lists (or its default: ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH). While it lists SRP, password or custom sign-in, local users of the pool can sign in through this client with InitiateAuth, bypassing the IdP and its MFA and account policies. A federated-only client needs only ALLOW_REFRESH_TOKEN_AUTH.',
    precision: 'medium',
    securitySeverity: '5.3',
    messages: {
      listed:
        '{{member:ExplicitAuthFlows}} allows {{flows}} although {{member:SupportedIdentityProviders}} does not include COGNITO{{because}}: the API reference says leaving COGNITO out does not prevent local users from authenticating with the user pools API in an AWS SDK, so they can sign in through this client with these flows, bypassing the IdP. Allow refresh only: {{fix}}.',
      defaulted:
        `{{member:SupportedIdentityProviders}} does not include COGNITO, but {{unset:ExplicitAuthFlows=the default list (${DEFAULT_EXPLICIT_AUTH_FLOWS.join(', ')})}}; that list allows ALLOW_USER_SRP_AUTH and ALLOW_CUSTOM_AUTH, and the API reference says leaving COGNITO out does not prevent local users from authenticating with the user pools API in an AWS SDK, so they can sign in through this client, bypassing the IdP. Allow refresh only: {{fix}}.`,
    },
  },
  checkClient({ client, report }) {
    const providers = member(client, 'SupportedIdentityProviders');
    if (!providers || !listFullyKnown(client, 'SupportedIdentityProviders')) return;
    const names = stringItems(client, 'SupportedIdentityProviders').map((item) => item.value);
    // An empty list is no sign-in page at all, not a federated client.
    if (names.length === 0 || names.includes('COGNITO')) return;
    const flows = explicitAuthFlows(client);
    if (!flows) return;
    const fix = { set: ['ExplicitAuthFlows', '["ALLOW_REFRESH_TOKEN_AUTH"]'] as [string, string] };
    if (flows.defaulted) {
      report({ messageId: 'defaulted', at: providers.keySpan, path: 'SupportedIdentityProviders', fix });
      return;
    }
    const signIn = [...new Set(flows.items.map((item) => item.value).filter((value) => SIGN_IN_FLOWS.includes(value)))];
    if (signIn.length === 0) return;
    const written = member(client, 'ExplicitAuthFlows')!;
    const federated = supporting(providers.value, memberName('SupportedIdentityProviders'), '', 'SupportedIdentityProviders has no COGNITO here');
    report({ messageId: 'listed', data: { flows: signIn.join(', ') }, at: written.keySpan, path: 'ExplicitAuthFlows', because: federated.because, fix });
  },
});
