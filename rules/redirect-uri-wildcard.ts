import { defineRule } from '../src/rule';
import { redirectUrls } from '../src/rule-helpers';
import { shownUrl, urlSubject } from '../src/rules-support/urls';

export default defineRule({
  meta: {
    id: 'redirect-uri-wildcard',
    category: 'correctness',
    defaultSeverity: 'warning',
    title: 'Redirect URI contains a wildcard',
    description: 'No CallbackURLs, LogoutURLs or DefaultRedirectURI entry contains a "*": Cognito matches redirect URIs exactly, with no wildcards.',
    rationale:
      'The API pattern for redirect URLs accepts a "*", so the client deploys. But Cognito accepts only a redirect_uri that is in the registered list, and compares by exact string match, as OAuth 2.0 Security Best Current Practice (RFC 9700) requires: a "*" is not a wildcard there and only matches a URL that contains a literal "*", so the entry is dead and the app it was meant for gets redirect_mismatch. No public source says the service rejects such an entry, so this is a warning.',
    precision: 'very-high',
    messages: {
      wildcard:
        '{{subject}} "{{url}}" contains "*": the API accepts it, but Cognito matches redirect URIs exactly and has no wildcards, so this entry never matches a real redirect (only a URL with a literal "*" in it). List every exact URL the app uses instead.',
    },
  },
  checkClient({ client, report }) {
    for (const url of redirectUrls(client)) {
      if (url.text.includes('*')) report({ messageId: 'wildcard', data: { subject: urlSubject(url), url: shownUrl(url) }, at: url.node, path: url.path });
    }
  },
});
