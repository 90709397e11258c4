import { defineRule } from '../src/rule';
import { redirectUrls } from '../src/rule-helpers';
import { shownUrl, urlSubject } from '../src/rules-support/urls';

export default defineRule({
  meta: {
    id: 'redirect-uri-no-fragment',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'Redirect URI contains a fragment',
    description: 'No CallbackURLs, LogoutURLs or DefaultRedirectURI entry contains a #fragment.',
    rationale:
      'The Cognito API reference says a redirect URI must not include a fragment component (RFC 6749 section 3.1.2): the authorization server appends its response to the URI, and the implicit grant puts the tokens in the fragment itself.',
    precision: 'very-high',
    messages: {
      fragment:
        '{{subject}} "{{url}}" has the fragment "{{fragment}}"; a redirect URI must not include a fragment component. Remove everything from "#" on (a single-page app can keep its route in the path or the state parameter).',
    },
  },
  checkClient({ client, report }) {
    for (const url of redirectUrls(client)) {
      const hash = url.text.indexOf('#');
      if (hash === -1) continue; // a partially known URL may still get one from its unknown part: not certain
      const fragment = url.text.slice(hash) + (url.complete ? '' : '…');
      report({ messageId: 'fragment', data: { subject: urlSubject(url), url: shownUrl(url), fragment }, at: url.node, path: url.path });
    }
  },
});
