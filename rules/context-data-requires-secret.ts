import { defineRule } from '../src/rule';
import { knownBoolean, member } from '../src/rule-helpers';
import { missingSecret } from '../src/rules-support/secrets';

export default defineRule({
  meta: {
    id: 'context-data-requires-secret',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'User context data propagated without a client secret',
    description: 'EnablePropagateAdditionalUserContextData is true only on an app client that has a client secret.',
    rationale:
      'With the setting on, Cognito trusts the IpAddress an app sends in UserContextData on unauthenticated calls such as InitiateAuth and uses it in threat protection risk analysis. The API reference states that it can be activated only in an app client that has a client secret; GenerateSecret defaults to false.',
    precision: 'very-high',
    messages: {
      noSecret:
        '{{member:EnablePropagateAdditionalUserContextData}} is true on a client without a secret ({{secret}}){{because}}; Cognito activates it only for clients with a secret. Set {{set:GenerateSecret=true}}, or {{set:EnablePropagateAdditionalUserContextData=false}}.',
    },
  },
  checkClient({ client, report }) {
    const setting = member(client, 'EnablePropagateAdditionalUserContextData');
    if (!setting || knownBoolean(setting.value) !== true) return;
    const secret = missingSecret(client);
    if (!secret) return;
    report({ messageId: 'noSecret', data: { secret: secret.text }, at: setting.value, path: 'EnablePropagateAdditionalUserContextData', because: secret.because });
  },
});
