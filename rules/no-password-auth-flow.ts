import { defineRule } from '../src/rule';
import { explicitAuthFlows } from '../src/rule-helpers';

/** Flows that send the user's plain password to Cognito. */
export const PASSWORD_FLOWS = ['ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'];
/** Choice-based sign-in: the ExplicitAuthFlows reference says it covers username-password sign-in too. */
export const USER_AUTH = 'ALLOW_USER_AUTH';

export interface PasswordFlowOptions {
  includeUserAuth?: unknown;
}

export default defineRule<PasswordFlowOptions>({
  meta: {
    id: 'no-password-auth-flow',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Password auth flow allowed',
    description:
      'ExplicitAuthFlows does not allow flows that send the plain password to Cognito (ALLOW_USER_PASSWORD_AUTH, USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH; with includeUserAuth also ALLOW_USER_AUTH).',
    rationale:
      'With USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH the password itself travels to Cognito (and through any backend that calls the admin API), where it can end up in logs or memory dumps. Secure Remote Password (ALLOW_USER_SRP_AUTH) proves knowledge of the password without sending it. ALLOW_USER_AUTH (choice-based sign-in) is no password-free alternative: the ExplicitAuthFlows reference says it covers username-password sign-in as well, so the strict preset reports it too.',
    precision: 'very-high',
    securitySeverity: '4.3',
    messages: {
      password:
        '{{member:ExplicitAuthFlows}} allows "{{value}}", which sends the user\'s password to Cognito instead of proving it with SRP; expected ALLOW_USER_SRP_AUTH. Remove "{{value}}" and sign in with ALLOW_USER_SRP_AUTH.',
      userAuth:
        '{{member:ExplicitAuthFlows}} allows "ALLOW_USER_AUTH" (choice-based sign-in), which the ExplicitAuthFlows reference says covers username-password sign-in too, where the password itself goes to Cognito; expected ALLOW_USER_SRP_AUTH for password sign-in. Remove "ALLOW_USER_AUTH" and sign in with ALLOW_USER_SRP_AUTH.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        includeUserAuth: {
          type: 'boolean',
          description: 'Report ALLOW_USER_AUTH too: choice-based sign-in also accepts a plain PASSWORD challenge (on in the strict preset).',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { includeUserAuth: false },
    presetOptions: { strict: { includeUserAuth: true } },
  },
  checkClient({ client, options, report }) {
    const includeUserAuth = options.includeUserAuth === true;
    // The default list (member omitted) has no password flow.
    for (const item of explicitAuthFlows(client)?.items ?? []) {
      if (PASSWORD_FLOWS.includes(item.value)) report({ messageId: 'password', data: { value: item.value }, at: item.node, path: item.path });
      else if (includeUserAuth && item.value === USER_AUTH) report({ messageId: 'userAuth', at: item.node, path: item.path });
    }
  },
});
