import { defineRule, type Because } from '../src/rule';
import { memberName } from '../src/message';
import { stringItems } from '../src/rule-helpers';
import { writableCustomAttributes } from '../src/rules-support/attributes';

export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

export default defineRule({
  meta: {
    id: 'admin-scope-with-writable-attributes',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Admin scope lets users write custom attributes',
    description: 'aws.cognito.signin.user.admin is not in AllowedOAuthScopes while WriteAttributes includes custom attributes.',
    rationale:
      'The aws.cognito.signin.user.admin scope lets an access token from the hosted UI or the token endpoint call the user self-service APIs, UpdateUserAttributes among them. With custom attributes in WriteAttributes, every user who signs in through the browser can rewrite those attributes, which apps often trust for profile, entitlement or authorization data. Request the scope only when the app really lets users edit their own profile, or keep custom attributes read-only.',
    precision: 'high',
    securitySeverity: '4.3',
    messages: {
      adminScope:
        '{{member:AllowedOAuthScopes}} includes aws.cognito.signin.user.admin while {{member:WriteAttributes}} lets users write {{count}} custom attribute(s) ({{attributes}}); access tokens from the hosted UI with this scope can call UpdateUserAttributes and rewrite them. Remove aws.cognito.signin.user.admin from {{member:AllowedOAuthScopes}}, or take the custom attributes out of {{member:WriteAttributes}}.{{because}}',
    },
  },
  checkClient({ client, report }) {
    const scopes = stringItems(client, 'AllowedOAuthScopes').filter((item) => item.value === ADMIN_SCOPE);
    if (scopes.length === 0) return;
    const custom = writableCustomAttributes(client);
    if (custom.length === 0) return;
    const names = custom.map((attribute) => (attribute.complete ? attribute.text : `${attribute.text}…`));
    // The finding rests on the writable custom attributes (the evaluate stage says which come from a default).
    const because: Because[] = custom.map((attribute, index) => ({ value: attribute.node, what: memberName('WriteAttributes'), label: `writable custom attribute ${names[index]}` }));
    for (const scope of scopes) {
      report({ messageId: 'adminScope', data: { count: custom.length, attributes: names.join(', ') }, at: scope.node, path: scope.path, because });
    }
  },
});
