import { defineRule } from '../src/rule';
import { memberName } from '../src/message';
import { DEFAULT_EXPLICIT_AUTH_FLOWS, explicitAuthFlows, knownString, nested } from '../src/rule-helpers';
import { supporting } from '../src/rules-support/secrets';

export default defineRule({
  meta: {
    id: 'refresh-rotation-conflict',
    category: 'correctness',
    defaultSeverity: 'warning',
    title: 'Refresh token rotation combined with ALLOW_REFRESH_TOKEN_AUTH',
    description: 'RefreshTokenRotation.Feature ENABLED is not combined with ALLOW_REFRESH_TOKEN_AUTH written in ExplicitAuthFlows; with ExplicitAuthFlows omitted (its default list includes ALLOW_REFRESH_TOKEN_AUTH) a warning asks for an explicit list.',
    rationale:
      'The developer guide says you cannot authenticate with REFRESH_TOKEN_AUTH in an app client with refresh token rotation enabled: tokens are refreshed through GetTokensFromRefreshToken or the token endpoint, so ALLOW_REFRESH_TOKEN_AUTH next to rotation allows a flow that cannot be used. No public source says the service rejects the client, so this is a warning. An omitted ExplicitAuthFlows means ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH and ALLOW_CUSTOM_AUTH; what Cognito does with that default next to rotation is not documented (CDK synthesizes exactly that for refreshTokenRotationGracePeriod without authFlows), so that case asks for an explicit list.',
    precision: 'high',
    messages: {
      listed:
        '{{member:ExplicitAuthFlows}} has ALLOW_REFRESH_TOKEN_AUTH while {{member:RefreshTokenRotation.Feature}} is {{feature}}{{because}}; the developer guide says a client with rotation cannot sign in with REFRESH_TOKEN_AUTH (it refreshes through GetTokensFromRefreshToken), so the flow is allowed but unusable. Remove ALLOW_REFRESH_TOKEN_AUTH from {{member:ExplicitAuthFlows}}.',
      defaulted:
        `{{member:RefreshTokenRotation.Feature}} is ENABLED but {{unset:ExplicitAuthFlows=the default list (${DEFAULT_EXPLICIT_AUTH_FLOWS.join(', ')})}}; that list includes ALLOW_REFRESH_TOKEN_AUTH, which the developer guide says cannot be used with rotation; how Cognito treats the default list here is not documented. Make it explicit: set {{member:ExplicitAuthFlows}} to the flows the app uses without ALLOW_REFRESH_TOKEN_AUTH, for example {{set:ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH"]}}.`,
    },
  },
  checkClient({ client, report }) {
    const feature = nested(client, 'RefreshTokenRotation', 'Feature');
    if (!feature || knownString(feature.value) !== 'ENABLED') return;
    const flows = explicitAuthFlows(client);
    if (!flows) return;
    if (flows.defaulted) {
      // Only the implied default list holds the flow, and the service behaviour there is undocumented: a warning.
      report({ messageId: 'defaulted', at: feature.value, path: 'RefreshTokenRotation.Feature', severity: 'warning' });
      return;
    }
    const enabled = supporting(feature.value, memberName('RefreshTokenRotation.Feature'), 'ENABLED', 'RefreshTokenRotation.Feature is ENABLED here');
    for (const item of flows.items) {
      if (item.value !== 'ALLOW_REFRESH_TOKEN_AUTH') continue;
      report({ messageId: 'listed', data: { feature: enabled.text }, at: item.node, path: item.path, because: enabled.because });
    }
  },
});
