import { defineRule } from '../src/rule';
import { concat, memberName, phrase } from '../src/message';
import type { DefaultOrigin } from '../src/model';
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
        '{{member:AllowedOAuthScopes}} includes aws.cognito.signin.user.admin while {{member:WriteAttributes}} lets users write {{count}} custom attribute(s) ({{attributes}}); access tokens from the hosted UI with this scope can call UpdateUserAttributes and rewrite them. Remove aws.cognito.signin.user.admin from {{member:AllowedOAuthScopes}}, or take the custom attributes out of {{member:WriteAttributes}}.{{notes}}',
    },
  },
  checkClient({ client, report }) {
    const scopes = stringItems(client, 'AllowedOAuthScopes').filter((item) => item.value === ADMIN_SCOPE);
    if (scopes.length === 0) return;
    const custom = writableCustomAttributes(client);
    if (custom.length === 0) return;
    const names = custom.map((attribute) => (attribute.complete ? attribute.text : `${attribute.text}…`));
    const related = custom.map((attribute, index) => ({ span: attribute.node.span, message: `writable custom attribute ${names[index]}` }));
    // The finding rests on a default when a custom attribute is known only from one: say so and point at it.
    const origins = new Map<string, DefaultOrigin>();
    for (const attribute of custom) if (attribute.node.origin) origins.set(attribute.node.origin.owner, attribute.node.origin);
    for (const origin of origins.values()) related.push({ span: origin.span, message: `default of ${origin.owner}` });
    const notes = concat(...[...origins.keys()].map((owner) => phrase` (${memberName('WriteAttributes')} comes from the default of ${owner})`));
    for (const scope of scopes) {
      report({ messageId: 'adminScope', data: { count: custom.length, attributes: names.join(', '), notes }, at: scope.node, path: scope.path, related });
    }
  },
});
