import { defineRule } from '../src/rule';
import { listItems, member, stringItems } from '../src/rule-helpers';
import type { AppClient } from '../src/model';
import { lookupTable } from '../src/lookup';

/** The attributes that say a contact has been verified, and the contact each one vouches for. */
const VERIFICATION_ATTRIBUTES = lookupTable({
  email_verified: 'email address',
  phone_number_verified: 'phone number',
});

/**
 * Whether the client may sign users in through an external IdP: SupportedIdentityProviders names a
 * provider other than COGNITO, or has an item the linter cannot know (it may be one).
 */
function mayUseExternalIdp(client: AppClient): boolean {
  if (!member(client, 'SupportedIdentityProviders')) return false;
  const items = listItems(client, 'SupportedIdentityProviders');
  if (!items) return true; // the whole list is not known
  const known = stringItems(client, 'SupportedIdentityProviders');
  return known.length < items.length || known.some((item) => item.value !== 'COGNITO');
}

export default defineRule({
  meta: {
    id: 'no-writable-verification-attributes',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Verification attribute writable by users',
    description:
      'WriteAttributes does not include email_verified or phone_number_verified, so only Cognito\'s own verification sets them (not reported on a client that supports an external identity provider).',
    rationale:
      'The WriteAttributes reference says the access token of a signed-in user authorizes them to set or modify their own value of every attribute in the list. With email_verified or phone_number_verified there, the app client may write the verification flag instead of leaving it to Cognito confirming a code, and apps that trust the flag trust what the user wrote. A client that signs users in through an external identity provider is not reported: the same reference requires write access to every attribute an IdP maps, and mapping an IdP\'s email_verified is common.',
    precision: 'high',
    securitySeverity: '6.5',
    messages: {
      writable:
        '{{member:WriteAttributes}} includes "{{attribute}}", so signed-in users can set the verification flag of their own {{contact}} with their access token instead of Cognito setting it when they confirm a code; expected {{attribute}} to be read-only. Remove {{attribute}} from {{member:WriteAttributes}}.',
    },
  },
  checkClient({ client, report }) {
    // An IdP attribute mapping onto the flag needs write access (WriteAttributes reference).
    if (mayUseExternalIdp(client)) return;
    for (const item of stringItems(client, 'WriteAttributes')) {
      const contact = VERIFICATION_ATTRIBUTES[item.value];
      if (contact === undefined) continue;
      report({ messageId: 'writable', data: { attribute: item.value, contact }, at: item.node, path: item.path });
    }
  },
});
