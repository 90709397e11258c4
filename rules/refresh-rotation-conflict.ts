import { defineRule } from '../src/rule';
import { memberName } from '../src/message';
import { DEFAULT_EXPLICIT_AUTH_FLOWS, explicitAuthFlows, knownString, nested } from '../src/rule-helpers';
import { supporting } from '../src/rules-support/secrets';

export default defineRule({
  meta: {
    id: 'refresh-rotation-conflict',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'Refresh token rotation combined with ALLOW_REFRESH_TOKEN_AUTH',
    description: 'RefreshTokenRotation.Feature ENABLED is not combined with ALLOW_REFRESH_TOKEN_AUTH in ExplicitAuthFlows (which the default flow list includes).',
    rationale:
      'With refresh token rotation enabled, tokens are refreshed only through GetTokensFromRefreshToken or the token endpoint; REFRESH_TOKEN_AUTH cannot be used on such a client, so Cognito does not accept ALLOW_REFRESH_TOKEN_AUTH next to it. An omitted ExplicitAuthFlows means ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH and ALLOW_CUSTOM_AUTH, so rotation needs an explicit list. CDK drops ALLOW_REFRESH_TOKEN_AUTH for the same reason.',
    precision: 'high',
    messages: {
      listed:
        '{{member:ExplicitAuthFlows}} has ALLOW_REFRESH_TOKEN_AUTH while {{member:RefreshTokenRotation.Feature}} is {{feature}}{{because}}; REFRESH_TOKEN_AUTH cannot be used with rotation, which refreshes through GetTokensFromRefreshToken. Remove ALLOW_REFRESH_TOKEN_AUTH from {{member:ExplicitAuthFlows}}.',
      defaulted:
        '{{member:RefreshTokenRotation.Feature}} is ENABLED but {{member:ExplicitAuthFlows}} is not set, and its default ({{defaults}}) includes ALLOW_REFRESH_TOKEN_AUTH, which cannot be used with rotation. Set {{member:ExplicitAuthFlows}} to the flows the app uses without ALLOW_REFRESH_TOKEN_AUTH, for example [ALLOW_USER_SRP_AUTH].',
    },
  },
  checkClient({ client, report }) {
    const feature = nested(client, 'RefreshTokenRotation', 'Feature');
    if (!feature || knownString(feature.value) !== 'ENABLED') return;
    const flows = explicitAuthFlows(client);
    if (!flows) return;
    if (flows.defaulted) {
      report({ messageId: 'defaulted', data: { defaults: DEFAULT_EXPLICIT_AUTH_FLOWS.join(', ') }, at: feature.value, path: 'RefreshTokenRotation.Feature' });
      return;
    }
    const enabled = supporting(feature.value, memberName('RefreshTokenRotation.Feature'), 'ENABLED', 'RefreshTokenRotation.Feature is ENABLED here');
    for (const item of flows.items) {
      if (item.value !== 'ALLOW_REFRESH_TOKEN_AUTH') continue;
      report({ messageId: 'listed', data: { feature: enabled.text }, at: item.node, path: item.path, because: enabled.because });
    }
  },
});
