import { defineRule } from '../src/rule';
import { memberName } from '../src/message';
import { redirectUrls } from '../src/rule-helpers';
import { LOOPBACK_HOSTS } from '../src/rules-support/urls';

/**
 * The host of an http:// URL when it is certainly not loopback, else undefined. Works on a known
 * prefix too: `http://api.${Domain}` is certainly not loopback (its host is returned as `api.…`),
 * `http://${Host}` might be.
 */
export function nonLoopbackHttpHost(text: string, complete: boolean): string | undefined {
  const match = /^http:\/\/([^/?#]*)/i.exec(text);
  if (!match) return undefined;
  const authority = match[1]!.replace(/^[^@]*@/, '');
  // A bracketed IPv6 host ends only at its `]`: the colons inside it are not a port separator.
  const hostEnded = complete || match[0].length < text.length || (authority.startsWith('[') ? authority.includes(']') : authority.includes(':'));
  const host = authority.startsWith('[') ? authority.replace(/^(\[[^\]]*\]?).*$/, '$1') : authority.split(':')[0]!;
  const lower = host.toLowerCase();
  if (hostEnded) return LOOPBACK_HOSTS.includes(lower) ? undefined : host;
  // The host is cut off by an unknown part: only certain when no loopback host starts like it.
  return lower === '' || LOOPBACK_HOSTS.some((loopback) => loopback.startsWith(lower)) ? undefined : `${host}…`;
}

export default defineRule({
  meta: {
    id: 'redirect-uri-https',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'Redirect URI uses http://',
    description: 'Redirect and logout URLs use https://, except http:// to localhost, 127.0.0.1 or [::1].',
    rationale:
      'The API reference says Amazon Cognito requires HTTPS over HTTP except for a loopback host (http://localhost; CreateUserPoolClient also names 127.0.0.1 and [::1]), and an authorization code sent over plain http can be intercepted. App schemes such as myapp://callback are allowed.',
    precision: 'very-high',
    messages: {
      http: '{{member}} entry "{{url}}" uses http:// to the non-loopback host "{{host}}"; Cognito accepts http:// only for localhost, 127.0.0.1 and [::1]. Use https://.',
    },
  },
  checkClient({ client, report }) {
    for (const url of redirectUrls(client)) {
      const host = nonLoopbackHttpHost(url.text, url.complete);
      if (host === undefined) continue;
      report({ messageId: 'http', data: { member: memberName(url.member), url: url.complete ? url.text : `${url.text}…`, host }, at: url.node, path: url.path });
    }
  },
});
