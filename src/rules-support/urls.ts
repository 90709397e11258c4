// Redirect and logout URLs as several rules read and name them.
import type { UrlItem } from '../rule-helpers';
import { memberName, phrase, type MessageValue } from '../message';

/** How a message names the URL's place: `CallbackURLs entry`, `LogoutURLs entry` or `DefaultRedirectURI`. */
export function urlSubject(url: UrlItem): MessageValue {
  return url.member === 'DefaultRedirectURI' ? memberName('DefaultRedirectURI') : phrase`${memberName(url.member)} entry`;
}

/** The URL as a message shows it: a partially known URL ends in `…` where the unknown part starts. */
export function shownUrl(url: UrlItem): string {
  return url.complete ? url.text : `${url.text}…`;
}

/** Hosts Cognito accepts over plain http (any port and path). */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The host of an http:// or https:// URL when it is certain: the whole URL is known, or its known
 * beginning already ends the host (with `:port`, `/`, `?`, `#` or `]`). `https://app.${Domain}` and
 * `https://example.com${Suffix}` give undefined: the unknown part could still lengthen the host.
 */
export function certainHttpHost(text: string, complete: boolean): { scheme: string; host: string } | undefined {
  const match = /^(https?):\/\/([^/?#]*)/i.exec(text);
  if (!match) return undefined;
  const terminated = complete || match[0].length < text.length;
  const authority = match[2]!.slice(match[2]!.lastIndexOf('@') + 1);
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close !== -1) return { scheme: match[1]!.toLowerCase(), host: authority.slice(0, close + 1) };
    return terminated ? { scheme: match[1]!.toLowerCase(), host: authority } : undefined;
  }
  const colon = authority.indexOf(':');
  if (colon === -1 && !terminated) return undefined;
  const host = colon === -1 ? authority : authority.slice(0, colon);
  return host === '' ? undefined : { scheme: match[1]!.toLowerCase(), host };
}
