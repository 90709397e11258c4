import { defineRule, type Because } from '../src/rule';
import { concat, memberName, phrase, unsetMember, type MessageValue } from '../src/message';
import { DEFAULT_EXPLICIT_AUTH_FLOWS, explicitAuthFlows, member, stringItems } from '../src/rule-helpers';
import { writableCustomAttributes } from '../src/rules-support/attributes';
import { SIGN_IN_FLOWS } from './federated-client-sdk-flows';

export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

export default defineRule({
  meta: {
    id: 'admin-scope-with-writable-attributes',
    category: 'security',
    defaultSeverity: 'note',
    title: 'Users can rewrite custom attributes with their own tokens',
    description:
      'WriteAttributes has no custom attributes on a client that issues access tokens with aws.cognito.signin.user.admin (that OAuth scope, or any SDK sign-in flow, written or by default).',
    rationale:
      'An access token that carries aws.cognito.signin.user.admin authorizes the user self-service APIs, UpdateUserAttributes among them, for every attribute in WriteAttributes. Tokens from SDK sign-in (SRP, password, custom or choice-based, in ExplicitAuthFlows or its default) always carry that scope; tokens from the OAuth endpoints carry it when AllowedOAuthScopes lists it. So custom attributes a client can write are user-controlled: never use them for authorization. Take them out of WriteAttributes and set them from a backend with AdminUpdateUserAttributes; removing the OAuth scope alone does not help while SDK sign-in is allowed.',
    precision: 'high',
    securitySeverity: '4.3',
    messages: {
      sdk:
        '{{member:WriteAttributes}} lets users write {{count}} custom attribute(s) ({{attributes}}), and {{how}}: with such a token users can call UpdateUserAttributes and rewrite them, so never use them for authorization. Take them out of {{member:WriteAttributes}} and set them with AdminUpdateUserAttributes; removing the OAuth scope alone does not help while SDK sign-in is allowed.{{because}}',
      scope:
        '{{member:WriteAttributes}} lets users write {{count}} custom attribute(s) ({{attributes}}), and {{member:AllowedOAuthScopes}} includes aws.cognito.signin.user.admin: with such a token users can call UpdateUserAttributes and rewrite them, so never use them for authorization. Take them out of {{member:WriteAttributes}} and set them with AdminUpdateUserAttributes (or remove aws.cognito.signin.user.admin from {{member:AllowedOAuthScopes}}).{{because}}',
    },
  },
  checkClient({ client, report }) {
    const custom = writableCustomAttributes(client);
    if (custom.length === 0) return;
    const scope = stringItems(client, 'AllowedOAuthScopes').find((item) => item.value === ADMIN_SCOPE);
    // SDK sign-in tokens always carry the admin scope; an unknown flow list says nothing.
    const flows = explicitAuthFlows(client);
    const signIn = flows?.defaulted ? DEFAULT_EXPLICIT_AUTH_FLOWS.filter((flow) => SIGN_IN_FLOWS.includes(flow)) : [...new Set((flows?.items ?? []).map((item) => item.value).filter((value) => SIGN_IN_FLOWS.includes(value)))];
    if (!scope && signIn.length === 0) return;
    const names = custom.map((attribute) => (attribute.complete ? attribute.text : `${attribute.text}…`));
    // The finding rests on the writable custom attributes (the evaluate stage says which come from a default).
    const because: Because[] = custom.map((attribute, index) => ({ value: attribute.node, what: memberName('WriteAttributes'), label: `writable custom attribute ${names[index]}` }));
    const data: Record<string, MessageValue> = { count: custom.length, attributes: names.join(', ') };
    const at = member(client, 'WriteAttributes')!.keySpan;
    if (signIn.length === 0) {
      because.push({ value: scope!.node, what: memberName('AllowedOAuthScopes'), label: 'aws.cognito.signin.user.admin is allowed here' });
      report({ messageId: 'scope', data, at, path: 'WriteAttributes', because });
      return;
    }
    const sdk = flows!.defaulted
      ? phrase`${unsetMember('ExplicitAuthFlows', `the default list (${DEFAULT_EXPLICIT_AUTH_FLOWS.join(', ')})`)}; that list allows SDK sign-in (${signIn.join(', ')}), whose access tokens always carry aws.cognito.signin.user.admin`
      : phrase`${memberName('ExplicitAuthFlows')} allows SDK sign-in (${signIn.join(', ')}), whose access tokens always carry aws.cognito.signin.user.admin`;
    const firstSignIn = flows!.items.find((item) => SIGN_IN_FLOWS.includes(item.value));
    if (firstSignIn) because.push({ value: firstSignIn.node, what: memberName('ExplicitAuthFlows'), label: 'SDK sign-in is allowed here' });
    if (scope) because.push({ value: scope.node, what: memberName('AllowedOAuthScopes'), label: 'aws.cognito.signin.user.admin is allowed here' });
    const how = scope ? concat(sdk, phrase`, and ${memberName('AllowedOAuthScopes')} includes the scope`) : sdk;
    report({ messageId: 'sdk', data: { ...data, how }, at, path: 'WriteAttributes', because });
  },
});
