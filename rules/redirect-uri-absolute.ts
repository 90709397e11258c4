import { defineRule } from '../src/rule';
import { redirectUrls } from '../src/rule-helpers';
import { shownUrl, urlSubject } from '../src/rules-support/urls';

const SCHEME_CHAR = /[A-Za-z0-9+.-]/;

/**
 * Whether the text is an absolute URI (starts with a scheme `^[A-Za-z][A-Za-z0-9+.-]*:`): true, false,
 * or undefined when only a prefix is known and the rest could still decide it (`myapp` + `${Suffix}`).
 */
export function hasScheme(text: string, complete: boolean): boolean | undefined {
  if (text === '') return complete ? false : undefined;
  if (!/[A-Za-z]/.test(text[0]!)) return false;
  for (const char of text.slice(1)) {
    if (char === ':') return true;
    if (!SCHEME_CHAR.test(char)) return false;
  }
  return complete ? false : undefined;
}

export default defineRule({
  meta: {
    id: 'redirect-uri-absolute',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'Redirect URI is not absolute',
    description: 'Every CallbackURLs, LogoutURLs and DefaultRedirectURI entry is an absolute URI with a scheme (https://, myapp://).',
    rationale:
      'The Cognito API reference requires a redirect URI to be an absolute URI (RFC 6749 section 3.1.2). A relative path or a host without a scheme is not one, and the entry can never match the redirect_uri that the app sends.',
    precision: 'very-high',
    messages: {
      relative:
        '{{subject}} "{{url}}" is not an absolute URI (it has no scheme such as https:); Cognito requires absolute redirect URIs. Write the full URL with its scheme and host, such as https://host/path or myapp://path.',
    },
  },
  checkClient({ client, report }) {
    for (const url of redirectUrls(client)) {
      if (hasScheme(url.text, url.complete) !== false) continue;
      report({ messageId: 'relative', data: { subject: urlSubject(url), url: shownUrl(url) }, at: url.node, path: url.path });
    }
  },
});
