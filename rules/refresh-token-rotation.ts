import { defineRule } from '../src/rule';
import { knownString, member } from '../src/rule-helpers';
import { isMachineClient } from '../src/rules-support/oauth';

export default defineRule({
  meta: {
    id: 'refresh-token-rotation',
    category: 'security',
    defaultSeverity: 'off',
    title: 'Refresh token rotation not enabled',
    description: 'RefreshTokenRotation.Feature is ENABLED, so every refresh issues a new refresh token and invalidates the old one.',
    rationale:
      'Without rotation a refresh token stays valid for its whole lifetime (30 days by default, up to 10 years), so a stolen one keeps minting access tokens until it expires or is revoked. With rotation each refresh returns a new refresh token and the old one stops working after RetryGracePeriodSeconds. Off by default because rotation requires refreshing through GetTokensFromRefreshToken or the token endpoint; the strict preset turns it on. Not reported on a machine client (client_credentials only), which gets no refresh tokens.',
    precision: 'very-high',
    securitySeverity: '3.7',
    messages: {
      missing:
        '{{member:RefreshTokenRotation}} is not set, so refresh tokens are not rotated and a stolen one stays valid until it expires or is revoked; expected {{set:RefreshTokenRotation.Feature=ENABLED}}. Add it (and drop ALLOW_REFRESH_TOKEN_AUTH from {{member:ExplicitAuthFlows}}).',
      noFeature:
        '{{member:RefreshTokenRotation}} has no {{member:RefreshTokenRotation.Feature}}, so refresh tokens are not rotated; expected {{set:RefreshTokenRotation.Feature=ENABLED}}. Add it (and drop ALLOW_REFRESH_TOKEN_AUTH from {{member:ExplicitAuthFlows}}).',
      disabled:
        '{{member:RefreshTokenRotation.Feature}} is "{{value}}", so refresh tokens are not rotated and a stolen one stays valid until it expires or is revoked; expected ENABLED. Set {{set:RefreshTokenRotation.Feature=ENABLED}} (and drop ALLOW_REFRESH_TOKEN_AUTH from {{member:ExplicitAuthFlows}}).',
    },
  },
  checkClient({ client, report }) {
    // A machine client (client_credentials only) gets no refresh tokens: nothing to rotate.
    if (isMachineClient(client)) return;
    // An update request resets an omitted member to its default (rotation off), so a missing member counts there too.
    const rotation = member(client, 'RefreshTokenRotation');
    if (!rotation) {
      report({ messageId: 'missing', at: client.nameSpan, path: '' });
      return;
    }
    if (rotation.value.kind !== 'object') return; // not known
    const feature = rotation.value.members.get('Feature');
    if (!feature) {
      report({ messageId: 'noFeature', at: rotation.keySpan, path: 'RefreshTokenRotation' });
      return;
    }
    const value = knownString(feature.value);
    if (value !== undefined && value !== 'ENABLED') report({ messageId: 'disabled', data: { value }, at: feature.value, path: 'RefreshTokenRotation.Feature' });
  },
});
