import { defineRule, type Because } from '../src/rule';
import { memberName } from '../src/message';
import { knownString, listItems, member } from '../src/rule-helpers';

/** A callback URL that differs from the default only in letter case or trailing slashes: a likely typo. */
function nearMiss(target: string, candidates: string[]): string | undefined {
  const norm = (text: string): string => text.toLowerCase().replace(/\/+$/, '');
  return candidates.find((candidate) => norm(candidate) === norm(target));
}

export default defineRule({
  meta: {
    id: 'default-redirect-uri-in-callbacks',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'Default redirect URI missing from the callback URLs',
    description: 'DefaultRedirectURI is one of the CallbackURLs (exact string match).',
    rationale:
      'The Cognito API reference says DefaultRedirectURI must be in the CallbackURLs list, and Cognito compares redirect URIs as exact strings, so a default that is not in the list breaks that rule.',
    precision: 'very-high',
    messages: {
      noCallbacks:
        '{{member:DefaultRedirectURI}} is "{{url}}" but {{member:CallbackURLs}} is not set; the default redirect URI must be one of the {{member:CallbackURLs}}. Add it to {{member:CallbackURLs}} or remove {{member:DefaultRedirectURI}}.',
      emptyCallbacks:
        '{{member:DefaultRedirectURI}} is "{{url}}" but {{member:CallbackURLs}} is empty{{because}}; the default redirect URI must be one of the {{member:CallbackURLs}}. Add it to {{member:CallbackURLs}} or remove {{member:DefaultRedirectURI}}.',
      notListed:
        '{{member:DefaultRedirectURI}} "{{url}}" is not in {{member:CallbackURLs}} ({{callbacks}}){{because}}; the default redirect URI must be one of them, compared exactly. Add it to {{member:CallbackURLs}} or change it to one of the listed URLs.',
      nearMiss:
        '{{member:DefaultRedirectURI}} "{{url}}" is not in {{member:CallbackURLs}}, which has "{{near}}"{{because}}; Cognito compares redirect URIs exactly, including case and trailing slashes. Spell both the same way.',
      prefixNotListed:
        '{{member:DefaultRedirectURI}} "{{url}}" cannot be any of the {{member:CallbackURLs}} ({{callbacks}}): none of them starts with "{{prefix}}"{{because}}; the default redirect URI must be one of them. Add it to {{member:CallbackURLs}} or change it to one of the listed URLs.',
    },
  },
  checkClient({ client, report }) {
    const fallback = member(client, 'DefaultRedirectURI');
    if (!fallback) return;
    const value = fallback.value;
    const complete = knownString(value);
    const prefix = value.kind === 'partial' ? value.prefix : undefined;
    if (complete === undefined && prefix === undefined) return; // unknown default: silent
    const url = complete ?? `${prefix}…`;
    const path = 'DefaultRedirectURI';

    const callbacksMember = member(client, 'CallbackURLs');
    if (!callbacksMember) {
      // Absent (or removed with AWS::NoValue): no list can hold the default, whatever it is.
      report({ messageId: 'noCallbacks', data: { url }, at: value, path });
      return;
    }
    const items = listItems(client, 'CallbackURLs');
    if (!items) return; // the list itself is unknown
    const texts: string[] = [];
    for (const item of items) {
      const text = knownString(item.node);
      if (text === undefined) return; // "not in the list" is certain only when every item is known
      texts.push(text);
    }

    // The finding also rests on the CallbackURLs items: the evaluate stage says which come from a default.
    const because: Because[] = items.map((item) => ({ value: item.node, what: memberName('CallbackURLs') }));
    const related = [{ span: callbacksMember.keySpan, message: 'CallbackURLs' }];
    const callbacks = texts.map((text) => `"${text}"`).join(', ');

    if (texts.length === 0) {
      report({ messageId: 'emptyCallbacks', data: { url }, at: value, path, related, because });
      return;
    }
    if (complete !== undefined) {
      if (texts.includes(complete)) return;
      const near = nearMiss(complete, texts);
      if (near !== undefined) report({ messageId: 'nearMiss', data: { url, near }, at: value, path, related, because });
      else report({ messageId: 'notListed', data: { url, callbacks }, at: value, path, related, because });
      return;
    }
    // Only a prefix of the default is known: it is certainly not listed when no callback starts with it.
    if (prefix !== undefined && !texts.some((text) => text.startsWith(prefix))) {
      report({ messageId: 'prefixNotListed', data: { url, prefix, callbacks }, at: value, path, related, because });
    }
  },
});
