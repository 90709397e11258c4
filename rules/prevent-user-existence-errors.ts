import { defineRule } from '../src/rule';
import type { Fix } from '../src/message';
import { knownString, member } from '../src/rule-helpers';
import { isMachineClient } from '../src/rules-support/oauth';

const ENABLE: Fix = { set: ['PreventUserExistenceErrors', 'ENABLED'] };

export default defineRule({
  meta: {
    id: 'prevent-user-existence-errors',
    category: 'security',
    defaultSeverity: 'error',
    title: 'User existence errors revealed',
    description: 'PreventUserExistenceErrors must be ENABLED so sign-in and recovery do not reveal which users exist.',
    rationale:
      'With LEGACY (the API default when the member is omitted), Cognito answers UserNotFoundException for unknown users and NotAuthorizedException for known ones, so anyone can enumerate user names. ENABLED returns the same generic error for both. Not reported on a machine client, whose only OAuth flow is client_credentials: no user signs in through it.',
    precision: 'very-high',
    fix: 'remediation',
    runtimeChange: 'sign-in and password recovery stop revealing whether a user exists',
    securitySeverity: '5.3',
    messages: {
      missing: '{{unset:PreventUserExistenceErrors=LEGACY}}; with LEGACY, Cognito errors reveal which users exist; expected ENABLED. Add {{fix}}.',
      legacy: '{{member:PreventUserExistenceErrors}} is "{{value}}", so Cognito errors reveal which users exist; expected ENABLED. Set {{fix}}.',
    },
  },
  checkClient({ client, report }) {
    // No user signs in through a machine client (client_credentials only): there are no user errors to reveal.
    if (isMachineClient(client)) return;
    // An update request resets omitted members to their defaults, so a missing member matters there too.
    const setting = member(client, 'PreventUserExistenceErrors');
    if (!setting) {
      report({ messageId: 'missing', at: client.nameSpan, path: '', fix: ENABLE });
      return;
    }
    const value = knownString(setting.value);
    if (value !== undefined && value !== 'ENABLED') report({ messageId: 'legacy', data: { value }, at: setting.value, path: 'PreventUserExistenceErrors', fix: ENABLE });
  },
});
