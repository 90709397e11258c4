import { defineRule } from '../src/rule';
import { member } from '../src/rule-helpers';

export default defineRule({
  meta: {
    id: 'analytics-pinpoint-deprecated',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Analytics sent to Amazon Pinpoint, which has ended support',
    description: 'AnalyticsConfiguration is not set: its only target, Amazon Pinpoint, ended support on 2026-10-30.',
    rationale:
      'AnalyticsConfiguration sends user pool sign-in and sign-up events to an Amazon Pinpoint project. Pinpoint ended support on 2026-10-30 (CDK flags AWS::Pinpoint::App as belonging to a service that has shut down), so the setting no longer delivers analytics, and it keeps an IAM role that lets Cognito write to a retired service. Any value counts, including one the linter cannot resolve.',
    precision: 'very-high',
    securitySeverity: '1.0',
    messages: {
      configured:
        '{{member:AnalyticsConfiguration}} is set, but its only target, Amazon Pinpoint, ended support on 2026-10-30; expected no {{member:AnalyticsConfiguration}}. Remove {{member:AnalyticsConfiguration}} (and the Pinpoint project and role it points to) and export user pool events through user pool log export or CloudTrail instead.',
    },
  },
  checkClient({ client, report }) {
    const analytics = member(client, 'AnalyticsConfiguration');
    if (analytics) report({ messageId: 'configured', at: analytics.keySpan, path: 'AnalyticsConfiguration' });
  },
});
