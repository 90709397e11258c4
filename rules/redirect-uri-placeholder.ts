import { defineRule } from '../src/rule';
import { redirectUrls } from '../src/rule-helpers';
import { certainHttpHost, shownUrl, urlSubject } from '../src/rules-support/urls';

/** Domains reserved for documentation (RFC 2606, RFC 6761): nobody can receive a redirect there. */
const PLACEHOLDER_DOMAINS = ['example.com', 'example.org', 'example.net'];
const PLACEHOLDER_TLDS = ['example', 'test', 'invalid'];

export function isPlaceholderHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (PLACEHOLDER_DOMAINS.some((domain) => name === domain || name.endsWith(`.${domain}`))) return true;
  const dot = name.lastIndexOf('.');
  return dot > 0 && PLACEHOLDER_TLDS.includes(name.slice(dot + 1));
}

/** What CDK's UserPoolClient writes to CallbackURLs when oAuth.callbackUrls is not given (with or without the root slash: the same URL). */
const CDK_DEFAULT_CALLBACK = /^https:\/\/example\.com\/?$/;

export default defineRule({
  meta: {
    id: 'redirect-uri-placeholder',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Redirect URI points at a placeholder host',
    description: 'No redirect or logout URL points at a placeholder host (example.com, example.org, example.net, *.example, *.test, *.invalid).',
    rationale:
      'These names are reserved for documentation and testing (RFC 2606, RFC 6761), so a URL on them is a leftover from a sample or a tool default, most often CDK\'s https://example.com when oAuth.callbackUrls is not set. Sign-in cannot complete there, and a stale entry in the list of allowed redirects is an open door that nobody reviews.',
    precision: 'high',
    securitySeverity: '3.1',
    messages: {
      placeholder:
        '{{subject}} "{{url}}" points at the placeholder host "{{host}}", a name reserved for documentation and tests; no app can receive the redirect there. Replace it with the real URL of your app or remove it.',
      cdkDefault:
        '{{member:CallbackURLs}} entry "{{url}}" is the placeholder that CDK writes when oAuth.callbackUrls is not set; no app can receive the redirect there. Set oAuth.callbackUrls (or {{member:CallbackURLs}}) to the real URLs of your app.',
    },
  },
  checkClient({ client, report }) {
    for (const url of redirectUrls(client)) {
      const parsed = certainHttpHost(url.text, url.complete);
      if (!parsed || !isPlaceholderHost(parsed.host)) continue;
      // Only CDK synth output gets the CDK wording: in a hand-written template or a .tf file nobody set oAuth.callbackUrls.
      const cdk = client.generator === 'cdk' && url.complete && url.member === 'CallbackURLs' && CDK_DEFAULT_CALLBACK.test(url.text);
      report({ messageId: cdk ? 'cdkDefault' : 'placeholder', data: { subject: urlSubject(url), url: shownUrl(url), host: parsed.host }, at: url.node, path: url.path });
    }
  },
});
