import { defineRule } from '../src/rule';
import { memberName, phrase } from '../src/message';
import { LEGACY_AUTH_FLOWS, explicitAuthFlows, knownString, member, nested } from '../src/rule-helpers';
import { supporting } from '../src/rules-support/secrets';

export default defineRule({
  meta: {
    id: 'refresh-token-auth-missing',
    category: 'correctness',
    defaultSeverity: 'warning',
    title: 'ExplicitAuthFlows without ALLOW_REFRESH_TOKEN_AUTH',
    description: 'A written ExplicitAuthFlows list of ALLOW_* flows includes ALLOW_REFRESH_TOKEN_AUTH unless refresh token rotation is ENABLED.',
    rationale:
      'ALLOW_REFRESH_TOKEN_AUTH is the flow that refreshes tokens. A client that lists its flows without it, and has no refresh token rotation (which refreshes through GetTokensFromRefreshToken instead), cannot refresh tokens with REFRESH_TOKEN_AUTH: users sign in again whenever the access and ID tokens expire. Older API versions rejected such a list ("REFRESH_TOKEN_AUTH should always be allowed", aws-cdk#7625), and CDK adds the flow to every list it writes. Lists of legacy names imply it and are not reported.',
    precision: 'high',
    fix: 'remediation',
    runtimeChange: 'the client may refresh tokens with REFRESH_TOKEN_AUTH, a flow its list left out',
    messages: {
      missing:
        '{{member:ExplicitAuthFlows}} does not allow ALLOW_REFRESH_TOKEN_AUTH while {{rotation}}{{because}}, so tokens of this client cannot be refreshed with REFRESH_TOKEN_AUTH and users sign in again when they expire (older API versions reject such a list: "REFRESH_TOKEN_AUTH should always be allowed"). Add ALLOW_REFRESH_TOKEN_AUTH: {{fix}}.',
    },
  },
  checkClient({ client, report }) {
    const written = member(client, 'ExplicitAuthFlows');
    if (!written) return;
    const flows = explicitAuthFlows(client);
    // Only a fully known list can be said to lack the flow; an empty list turns SDK sign-in off.
    if (!flows || flows.defaulted || !flows.complete || flows.items.length === 0) return;
    // Legacy lists allow refresh implicitly; ALLOW_CLIENT_TOKEN_AUTH (GetClientToken) must be the only flow.
    if (flows.items.some((item) => item.value === 'ALLOW_REFRESH_TOKEN_AUTH' || item.value === 'ALLOW_CLIENT_TOKEN_AUTH' || item.value in LEGACY_AUTH_FLOWS)) return;
    // Rotation absent means DISABLED; an unknown Feature may be ENABLED.
    const feature = nested(client, 'RefreshTokenRotation', 'Feature');
    const value = feature ? knownString(feature.value) : 'DISABLED';
    if (value === undefined || value === 'ENABLED') return;
    const rotation = feature
      ? supporting(feature.value, memberName('RefreshTokenRotation.Feature'), phrase`${memberName('RefreshTokenRotation.Feature')} is ${value}`, `RefreshTokenRotation.Feature is ${value} here`)
      : { text: 'refresh token rotation is not enabled', because: [] };
    const fix = { add: ['ExplicitAuthFlows', 'ALLOW_REFRESH_TOKEN_AUTH'] as [string, string] };
    report({ messageId: 'missing', data: { rotation: rotation.text }, at: written.keySpan, path: 'ExplicitAuthFlows', because: rotation.because, fix });
  },
});
