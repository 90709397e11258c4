import { defineRule } from '../src/rule';
import { stringItems } from '../src/rule-helpers';

/** The attributes that say a contact has been verified, and the contact each one vouches for. */
const VERIFICATION_ATTRIBUTES: Record<string, string> = {
  email_verified: 'email address',
  phone_number_verified: 'phone number',
};

export default defineRule({
  meta: {
    id: 'no-writable-verification-attributes',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Verification attribute writable by users',
    description: 'WriteAttributes does not include email_verified or phone_number_verified, so users cannot mark their own contact details as verified.',
    rationale:
      'An attribute in WriteAttributes can be changed by the signed-in user with UpdateUserAttributes and an access token. A user who can set email_verified or phone_number_verified can claim an address or number they do not own, then use it to sign in, receive password resets, or be trusted by apps that rely on the verified flag. Verification should only come from Cognito confirming a code or from an administrator. When WriteAttributes is omitted, the app can write the standard attributes only, not these two.',
    precision: 'very-high',
    securitySeverity: '6.5',
    messages: {
      writable:
        '{{member:WriteAttributes}} includes "{{attribute}}", so users can mark their own {{contact}} as verified without proving they own it; expected {{attribute}} to be read-only. Remove {{attribute}} from {{member:WriteAttributes}} and let Cognito set it when the user confirms a code.',
    },
  },
  checkClient({ client, report }) {
    for (const item of stringItems(client, 'WriteAttributes')) {
      const contact = VERIFICATION_ATTRIBUTES[item.value];
      if (contact === undefined) continue;
      report({ messageId: 'writable', data: { attribute: item.value, contact }, at: item.node, path: item.path });
    }
  },
});
