import { defineRule } from '../src/rule';
import { memberName } from '../src/message';
import { TOKEN_KINDS, formatSeconds, parseDuration, tokenDuration, type TokenKind } from '../src/rule-helpers';
import { durationText, effectiveSeconds, isRefreshZero, unitProvenance } from '../src/rules-support/durations';

/** The same syntax parseDuration reads: a whole number and s, m, h or d. */
const DURATION_PATTERN = '^\\s*\\d+\\s*[smhd]\\s*$';

export interface TokenLifetimePolicyOptions {
  maxAccessToken?: unknown;
  maxIdToken?: unknown;
  maxRefreshToken?: unknown;
}

const DEFAULTS = { maxAccessToken: '1h', maxIdToken: '1h', maxRefreshToken: '30d' } as const;
const OPTION_OF: Record<TokenKind['member'], keyof typeof DEFAULTS> = {
  AccessTokenValidity: 'maxAccessToken',
  IdTokenValidity: 'maxIdToken',
  RefreshTokenValidity: 'maxRefreshToken',
};

/** The option as seconds; the default when it is missing or not a duration (the options schema reports that). */
function limitSeconds(options: TokenLifetimePolicyOptions, option: keyof typeof DEFAULTS): number {
  const written = options[option];
  const parsed = typeof written === 'string' ? parseDuration(written) : undefined;
  return parsed ?? parseDuration(DEFAULTS[option])!;
}

export default defineRule<TokenLifetimePolicyOptions>({
  meta: {
    id: 'token-lifetime-policy',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Token lifetime longer than the policy',
    description: 'Access and ID tokens last at most 1 hour and refresh tokens at most 30 days (configurable with maxAccessToken, maxIdToken and maxRefreshToken).',
    rationale:
      'A leaked token is usable until it expires: access and ID tokens are self-contained JWTs that APIs accept without asking Cognito, and a refresh token keeps minting new ones for its whole lifetime. Cognito allows access and ID tokens of up to 1 day and refresh tokens of up to 10 years; short lifetimes limit the damage of a stolen token. Only written values are judged: the API defaults (1 hour, 30 days) are the default policy.',
    precision: 'high',
    securitySeverity: '3.1',
    messages: {
      tooLong:
        '{{member}} {{amount}} ({{unit}}) is {{duration}}, longer than the {{max}} policy maximum for {{label}}s (option {{option}}); a leaked {{label}} stays usable that long. Lower {{member}} to {{max}} or less, or raise {{option}} if this lifetime is intended.{{because}}',
      refreshZero:
        '{{member:RefreshTokenValidity}} 0 is replaced by Cognito with the 30 day default, longer than the {{max}} policy maximum for refresh tokens (option maxRefreshToken); a leaked refresh token stays usable that long. Set {{member:RefreshTokenValidity}} to {{max}} or less, or raise maxRefreshToken if this lifetime is intended.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        maxAccessToken: { type: 'string', pattern: DURATION_PATTERN, description: 'Longest allowed access token lifetime, e.g. "1h", "30m".' },
        maxIdToken: { type: 'string', pattern: DURATION_PATTERN, description: 'Longest allowed ID token lifetime, e.g. "1h".' },
        maxRefreshToken: { type: 'string', pattern: DURATION_PATTERN, description: 'Longest allowed refresh token lifetime, e.g. "30d", "12h".' },
      },
      additionalProperties: false,
    },
    defaultOptions: { ...DEFAULTS },
  },
  checkClient({ client, options, report }) {
    for (const kind of TOKEN_KINDS) {
      const duration = tokenDuration(client, kind);
      // Only written, known values are judged.
      if (!duration?.node) continue;
      const option = OPTION_OF[kind.member];
      const max = limitSeconds(options, option);
      if (effectiveSeconds(client, duration) <= max) continue;
      if (isRefreshZero(client, duration)) {
        report({ messageId: 'refreshZero', data: { max: formatSeconds(max) }, at: duration.node, path: kind.member });
        continue;
      }
      report({
        messageId: 'tooLong',
        data: {
          member: memberName(kind.member),
          amount: duration.amount,
          unit: duration.unit,
          duration: durationText(duration),
          max: formatSeconds(max),
          label: kind.label,
          option,
        },
        at: duration.node,
        path: kind.member,
        because: unitProvenance(duration),
      });
    }
  },
});
