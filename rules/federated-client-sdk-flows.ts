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
      'Leaving COGNITO out of SupportedIdentityProviders takes the user pool directory out of managed login, but the SDK sign-in flows a client accepts are the ones ExplicitAuthFlows lists (or its default: ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH). While it lists SRP, password or custom sign-in, local users of the pool can sign in through this client with InitiateAuth, bypassing the IdP and its MFA and account policies. A federated-only client needs only ALLOW_REFRESH_TOKEN_AUTH.',
    precision: 'medium',
    securitySeverity: '5.3',
    messages: {
      listed:
        '{{member:ExplicitAuthFlows}} allows {{flows}} although {{member:SupportedIdentityProviders}} does not include COGNITO{{because}}: {{member:ExplicitAuthFlows}}, not {{member:SupportedIdentityProviders}}, sets the SDK sign-in flows the client accepts, so local users of the pool can sign in through this client with the SDK, bypassing the IdP. Allow refresh only: {{fix}}.',
      defaulted:
        '{{member:SupportedIdentityProviders}} does not include COGNITO, but {{member:ExplicitAuthFlows}} is not set and its default ({{defaults}}) allows ALLOW_USER_SRP_AUTH and ALLOW_CUSTOM_AUTH: {{member:ExplicitAuthFlows}}, not {{member:SupportedIdentityProviders}}, sets the SDK sign-in flows the client accepts, so local users of the pool can sign in through this client with the SDK, bypassing the IdP. Allow refresh only: {{fix}}.',
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
      report({ messageId: 'defaulted', data: { defaults: DEFAULT_EXPLICIT_AUTH_FLOWS.join(', ') }, at: providers.keySpan, path: 'SupportedIdentityProviders', fix });
      return;
    }
    const signIn = [...new Set(flows.items.map((item) => item.value).filter((value) => SIGN_IN_FLOWS.includes(value)))];
    if (signIn.length === 0) return;
    const written = member(client, 'ExplicitAuthFlows')!;
    const federated = supporting(providers.value, memberName('SupportedIdentityProviders'), '', 'SupportedIdentityProviders has no COGNITO here');
    report({ messageId: 'listed', data: { flows: signIn.join(', ') }, at: written.keySpan, path: 'ExplicitAuthFlows', because: federated.because, fix });
  },
});
