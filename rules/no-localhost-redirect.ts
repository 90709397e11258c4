import { defineRule } from '../src/rule';
import { redirectUrls } from '../src/rule-helpers';
import { LOOPBACK_HOSTS, certainHttpHost, shownUrl, urlSubject } from '../src/rules-support/urls';

export default defineRule({
  meta: {
    id: 'no-localhost-redirect',
    category: 'security',
    defaultSeverity: 'off',
    title: 'Redirect URI points at localhost',
    description: 'No redirect or logout URL points at a loopback host (localhost, 127.0.0.1, [::1]); for production stacks.',
    rationale:
      'Cognito allows http:// to loopback hosts for local development. On a production client such an entry lets any program listening on that port of the user\'s machine receive authorization codes or tokens, and it is usually a development leftover. Keep loopback URLs on a separate development client. Off by default; the strict preset turns it on.',
    precision: 'high',
    securitySeverity: '3.7',
    messages: {
      loopback:
        '{{subject}} "{{url}}" redirects to the loopback host "{{host}}", which only a program on the user\'s own machine can receive; production clients should not accept it. Remove it, or move it to a separate development client.',
    },
  },
  checkClient({ client, report }) {
    for (const url of redirectUrls(client)) {
      const parsed = certainHttpHost(url.text, url.complete);
      if (!parsed || !LOOPBACK_HOSTS.includes(parsed.host.toLowerCase())) continue;
      report({ messageId: 'loopback', data: { subject: urlSubject(url), url: shownUrl(url), host: parsed.host }, at: url.node, path: url.path });
    }
  },
});
