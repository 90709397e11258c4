import { defineRule } from '../src/rule';
import { stringItems } from '../src/rule-helpers';

/** Choice-based sign-in (passwordless, passkeys): the Essentials and Plus plans only. */
const CHOICE_BASED_FLOW = 'ALLOW_USER_AUTH';

export default defineRule({
  meta: {
    id: 'feature-plan-supported',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'Sign-in flow the user pool\'s feature plan does not include',
    description: 'A client of a user pool on the Lite feature plan (UserPoolTier LITE) does not allow ALLOW_USER_AUTH (choice-based sign-in) in ExplicitAuthFlows.',
    rationale:
      'Choice-based sign-in (ALLOW_USER_AUTH: passwordless email or SMS codes, passkeys) belongs to the Essentials and Plus feature plans. Cognito raises FeatureUnavailableInTierException for a feature the pool\'s plan does not include, so the client cannot be created as written on a Lite pool. Checked only when the client is tied to a user pool defined in the same template or module whose UserPoolTier is written; a pool created without it gets Essentials.',
    precision: 'high',
    messages: {
      liteTier:
        '{{member:ExplicitAuthFlows}} has ALLOW_USER_AUTH (choice-based sign-in), but user pool {{pool}} is on the Lite feature plan ({{tier}}); Cognito raises FeatureUnavailableInTierException for a feature outside the pool\'s plan. Set the pool\'s {{tierName}} to ESSENTIALS, or remove ALLOW_USER_AUTH.',
    },
  },
  checkClient(context) {
    const { client, report } = context;
    const item = stringItems(client, 'ExplicitAuthFlows').find((flow) => flow.value === CHOICE_BASED_FLOW);
    if (!item) return;
    const pool = context.pool?.userPool;
    if (pool?.tier?.value !== 'LITE') return;
    const tierName = client.kind.startsWith('terraform') ? 'user_pool_tier' : 'UserPoolTier';
    report({
      messageId: 'liteTier',
      data: { pool: pool.name, tier: `${tierName} ${pool.tier.value}`, tierName },
      at: item.node,
      path: item.path,
      because: [{ value: pool.tier, what: tierName, label: `${tierName} of ${pool.name}` }],
    });
  },
});
