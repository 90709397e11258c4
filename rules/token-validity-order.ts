import { defineRule } from '../src/rule';
import type { Because } from '../src/rule';
import { memberName, phrase, unsetMember, type MessageValue } from '../src/message';
import { TOKEN_KINDS, formatSeconds, tokenDuration, type TokenDuration } from '../src/rule-helpers';
import { durationText, effectiveSeconds, isRefreshZero, refreshZero, unitProvenance } from '../src/rules-support/durations';
import type { AppClient } from '../src/model';

const REFRESH = TOKEN_KINDS[2];
const REFRESH_VALIDITY = memberName('RefreshTokenValidity');

/** How the refresh token lifetime reads in a message, and the values it rests on (Report.because). */
function describeRefresh(client: AppClient, refresh: TokenDuration): { text: MessageValue; because: Because[] } {
  const seconds = effectiveSeconds(client, refresh);
  if (!refresh.node) return { text: phrase`${formatSeconds(seconds)} (${unsetMember('RefreshTokenValidity', formatSeconds(seconds))})`, because: [] };
  const because: Because[] = [
    { value: refresh.node, what: REFRESH_VALIDITY, label: `RefreshTokenValidity is ${refresh.amount} (${refresh.unit}) here` },
    ...unitProvenance(refresh, phrase`the refresh token unit "${refresh.unit}"`),
  ];
  const text = isRefreshZero(client, refresh)
    ? phrase`${formatSeconds(seconds)} (${REFRESH_VALIDITY} 0 is replaced by the 30 day default)`
    : phrase`${durationText(refresh)} (${REFRESH_VALIDITY} ${refresh.amount} (${refresh.unit}))`;
  return { text, because };
}

export default defineRule({
  meta: {
    id: 'token-validity-order',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'Access or ID token outlives the refresh token',
    description: 'Access and ID token lifetimes do not exceed the refresh token lifetime (compared as durations, with the API defaults for omitted members).',
    rationale:
      'An access or ID token that outlives the refresh token that renews it is a configuration mistake: the session ends at the refresh token expiry anyway. Terraform documents that ID token validity cannot be greater than the refresh token expiration, and CDK rejects such a client at synth time. Omitted members use the API defaults: 1 hour for access and ID tokens, 30 days for refresh tokens.',
    precision: 'high',
    messages: {
      longer:
        '{{member}} {{amount}} ({{unit}}) is {{duration}}, longer than the refresh token lifetime of {{refresh}}; an {{label}} that outlives the refresh token that renews it is a configuration mistake (CDK refuses such a client). Lower {{member}} to {{limit}} or less, or raise {{member:RefreshTokenValidity}}.{{because}}',
      defaultLonger:
        '{{unset}}; 1 hour is longer than the refresh token lifetime of {{refresh}}; an {{label}} that outlives the refresh token that renews it is a configuration mistake (CDK refuses such a client). Raise {{member:RefreshTokenValidity}} to at least 1 hour, or set {{member}} to {{limit}} or less.{{because}}',
    },
  },
  checkClient({ client, report }) {
    const refresh = tokenDuration(client, REFRESH);
    // A 0 that the format's own tool rejects is token-validity-range's error; there is no lifetime to compare.
    if (!refresh || refreshZero(client, refresh) === 'rejected') return;
    const refreshSeconds = effectiveSeconds(client, refresh);
    const refreshInfo = describeRefresh(client, refresh);
    for (const kind of TOKEN_KINDS) {
      if (kind === REFRESH) continue;
      const token = tokenDuration(client, kind);
      if (!token || token.seconds <= refreshSeconds) continue;
      const data = { member: memberName(kind.member), label: kind.label, refresh: refreshInfo.text, limit: formatSeconds(refreshSeconds) };
      if (token.node) {
        report({
          messageId: 'longer',
          data: { ...data, amount: token.amount, unit: token.unit, duration: durationText(token), },
          at: token.node,
          path: kind.member,
          because: [...unitProvenance(token), ...refreshInfo.because],
        });
      } else if (refresh.node) {
        // The token uses its 1 hour default: the written refresh lifetime is what makes the pair wrong.
        // Its own default origin (if any) is added by the evaluator, so only the unit note is kept here.
        report({ messageId: 'defaultLonger', data: { ...data, unset: unsetMember(kind.member, '1 hour') }, at: refresh.node, path: kind.member, because: unitProvenance(refresh, phrase`the refresh token unit "${refresh.unit}"`) });
      }
    }
  },
});
