import { defineRule } from '../src/rule';
import { knownBoolean, member } from '../src/rule-helpers';

export default defineRule({
  meta: {
    id: 'token-revocation-enabled',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Token revocation disabled',
    description: 'EnableTokenRevocation is not false, so refresh tokens (and the tokens issued from them) can be revoked.',
    rationale:
      'With EnableTokenRevocation false, RevokeToken and the /oauth2/revoke endpoint do not work for the client, so a stolen refresh token keeps minting access and ID tokens until it expires (30 days by default, up to 10 years). The member defaults to true when it is omitted, so only an explicit false is reported.',
    precision: 'very-high',
    fix: 'remediation',
    runtimeChange: 'refresh tokens become revocable, and new tokens carry the origin_jti and jti claims',
    securitySeverity: '4.3',
    messages: {
      disabled:
        '{{member:EnableTokenRevocation}} is false, so refresh tokens from this client cannot be revoked with RevokeToken, and a stolen one cannot be cut off on its own; expected true. Set {{set:EnableTokenRevocation=true}}{{orRemove:EnableTokenRevocation=true}}.',
    },
  },
  checkClient({ client, report }) {
    // Absent means the API default (true); an unknown value is never judged.
    const setting = member(client, 'EnableTokenRevocation');
    if (setting && knownBoolean(setting.value) === false) report({ messageId: 'disabled', at: setting.value, path: 'EnableTokenRevocation', fix: { set: ['EnableTokenRevocation', 'true'] } });
  },
});
