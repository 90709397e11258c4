import { defineRule } from '../src/rule';

// The filter stage (src/filter.ts) produces these results once every rule has run: only then is it
// known which suppressions matched something. This file carries the metadata and messages.
export default defineRule({
  meta: {
    id: 'unused-suppression',
    category: 'tool',
    defaultSeverity: 'warning',
    title: 'Unused, unknown or expired suppression',
    description: 'A suppression comment or Metadata entry matches no finding, names an unknown rule, or has expired.',
    rationale:
      'A suppression that no longer matches anything hides the next real problem on that line; one that names an unknown rule suppresses nothing; an expired one has stopped suppressing and its findings are reported again.',
    precision: 'very-high',
    messages: {
      unused: 'This suppression of {{rules}} matches no finding; remove it so it cannot hide a future problem.',
      unknownRule: 'This suppression names "{{rule}}", which is not a cognito-lint rule{{suggestion}}; it suppresses nothing. Fix or remove it (cognito-lint --list-rules shows every rule).',
      expired: 'This suppression of {{rules}} expired on {{expires}}; its findings are reported again. Fix them, or extend the date with a reason.',
      unknownDirective: 'This comment starts with "{{directive}}", which is not a cognito-lint directive{{suggestion}}; it suppresses nothing. The directives are cognito-lint-disable-line, cognito-lint-disable-next-line and cognito-lint-disable-file.',
      missingRule: 'This suppression names no rule, so it suppresses nothing; name the rule id(s) it is meant for.',
      badDate: 'This suppression has the expiry date "{{expires}}", which is not a YYYY-MM-DD date; write it as YYYY-MM-DD.',
    },
  },
});
