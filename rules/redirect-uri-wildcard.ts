import { defineRule } from '../src/rule';
import { redirectUrls } from '../src/rule-helpers';
import { shownUrl, urlSubject } from '../src/rules-support/urls';

export default defineRule({
  meta: {
    id: 'redirect-uri-wildcard',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'Redirect URI contains a wildcard',
    description: 'No CallbackURLs, LogoutURLs or DefaultRedirectURI entry contains a "*": Cognito matches redirect URIs exactly, with no wildcards.',
    rationale:
      'Cognito compares the redirect_uri and logout_uri of a request with the registered URLs by exact string match, as OAuth 2.0 Security Best Current Practice (RFC 9700) requires. A "*" is not a wildcard there: it only matches a URL that contains a literal "*", so the entry is dead, and the app it was meant for fails with redirect_mismatch.',
    precision: 'very-high',
    messages: {
      wildcard:
        '{{subject}} "{{url}}" contains "*", but Cognito matches redirect URIs exactly and has no wildcards, so this entry matches only a URL with a literal "*" in it. List every exact URL the app uses instead.',
    },
  },
  checkClient({ client, report }) {
    for (const url of redirectUrls(client)) {
      if (url.text.includes('*')) report({ messageId: 'wildcard', data: { subject: urlSubject(url), url: shownUrl(url) }, at: url.node, path: url.path });
    }
  },
});
