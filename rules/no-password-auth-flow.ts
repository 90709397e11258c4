import { defineRule } from '../src/rule';
import { explicitAuthFlows } from '../src/rule-helpers';

/** Flows that send the user's plain password to Cognito. */
export const PASSWORD_FLOWS = ['ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'];

export default defineRule({
  meta: {
    id: 'no-password-auth-flow',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Password auth flow allowed',
    description: 'ExplicitAuthFlows does not allow flows that send the plain password to Cognito (ALLOW_USER_PASSWORD_AUTH, USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH).',
    rationale:
      'With USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH the password itself travels to Cognito (and through any backend that calls the admin API), where it can end up in logs or memory dumps. Secure Remote Password (ALLOW_USER_SRP_AUTH) proves knowledge of the password without sending it; ALLOW_USER_AUTH adds passwordless options.',
    precision: 'very-high',
    securitySeverity: '4.3',
    messages: {
      password:
        '{{member:ExplicitAuthFlows}} allows "{{value}}", which sends the user\'s password to Cognito instead of proving it with SRP; expected ALLOW_USER_SRP_AUTH. Remove "{{value}}" and sign in with ALLOW_USER_SRP_AUTH (or ALLOW_USER_AUTH).',
    },
  },
  checkClient({ client, report }) {
    // The default list (member omitted) has no password flow.
    for (const item of explicitAuthFlows(client)?.items ?? []) {
      if (PASSWORD_FLOWS.includes(item.value)) report({ messageId: 'password', data: { value: item.value }, at: item.node, path: item.path });
    }
  },
});
