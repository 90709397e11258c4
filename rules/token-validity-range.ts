import { defineRule } from '../src/rule';
import { memberName, orRemoveMember, phrase } from '../src/message';
import { TOKEN_KINDS, formatAmount, knownNumber, member, nested, tokenDuration, type TokenKind } from '../src/rule-helpers';
import { durationText, refreshZero, unitProvenance } from '../src/rules-support/durations';
import type { ClientKind } from '../src/model';

/** Kinds validated against the AWS::Cognito::UserPoolClient resource schema, whose RefreshTokenValidity minimum is 1 (awscc is generated from it). */
const SCHEMA_MINIMUM_ONE: ReadonlySet<ClientKind> = new Set(['cloudformation', 'terraform-awscc']);

/** Documented duration bounds per token kind (TokenValidityUnitsType documentation), in seconds, with their wording. */
const LIMITS: Record<TokenKind['member'], { min: number; max: number; minText: string; maxText: string }> = {
  AccessTokenValidity: { min: 300, max: 86400, minText: '5 minutes', maxText: '1 day' },
  IdTokenValidity: { min: 300, max: 86400, minText: '5 minutes', maxText: '1 day' },
  RefreshTokenValidity: { min: 3600, max: 315360000, minText: '60 minutes', maxText: '10 years (3650 days)' },
};

export default defineRule({
  meta: {
    id: 'token-validity-range',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'Token validity outside the range Cognito accepts',
    description:
      'Token lifetimes, computed as value × TokenValidityUnits, are in the ranges Cognito accepts: access and ID tokens 5 minutes to 1 day, refresh tokens 60 minutes to 10 years, AuthSessionValidity 3 to 15 minutes, RetryGracePeriodSeconds 0 to 60.',
    rationale:
      'The API schema bounds AccessTokenValidity, IdTokenValidity (1..86400) and RefreshTokenValidity (0..315360000) in seconds, but Cognito reads the integer in the unit from TokenValidityUnits (default hours, hours, days), so a value can pass the schema and still be rejected: AccessTokenValidity 48 with the default unit is 48 hours. RefreshTokenValidity 0 in an API request means "use the default" (30 days), a note; CloudFormation\'s resource schema (minimum 1) and the Terraform provider (60 minutes to 10 years) reject it.',
    precision: 'very-high',
    messages: {
      tooLong: '{{member}} {{amount}} ({{unit}}) is {{duration}}, which exceeds the {{max}} maximum for {{label}}s; expected {{min}} to {{max}}. {{fix}}{{because}}',
      tooShort: '{{member}} {{amount}} ({{unit}}) is {{duration}}, which is below the {{min}} minimum for {{label}}s; expected {{min}} to {{max}}. {{fix}}{{because}}',
      refreshZero:
        '{{member:RefreshTokenValidity}} is 0, which the API reads as "use the default" (30 days); expected a refresh token lifetime of 60 minutes to 10 years (3650 days). Write the lifetime you want (for example 30 with the default unit days), or remove {{member:RefreshTokenValidity}}.',
      refreshZeroTemplate:
        '{{member:RefreshTokenValidity}} is 0, below the minimum of 1 in the {{what}} resource schema, so the deployment fails; expected a refresh token lifetime of 60 minutes to 10 years (3650 days). Write the lifetime you want (for example 30 with the default unit days){{orRemove:RefreshTokenValidity=30 days}}.',
      authSession: '{{member:AuthSessionValidity}} {{value}} is {{duration}}, outside the 3 to 15 minutes Cognito allows for an authentication session; expected 3 to 15 (minutes). Set {{member:AuthSessionValidity}} to a value from 3 to 15.',
      retryGrace:
        '{{member:RefreshTokenRotation.RetryGracePeriodSeconds}} {{value}} is outside the 0 to 60 seconds Cognito allows; expected 0 to 60. Set {{member:RefreshTokenRotation.RetryGracePeriodSeconds}} to a value from 0 to 60.',
    },
  },
  checkClient({ client, report }) {
    for (const kind of TOKEN_KINDS) {
      const duration = tokenDuration(client, kind);
      // Absent (the API default applies, which is in range) or not known: nothing to judge.
      if (!duration?.node) continue;
      const zero = refreshZero(client, duration);
      if (zero === 'default') {
        // A request the API accepts, with a meaning the writer may not intend: a note.
        report({ messageId: 'refreshZero', at: duration.node, path: kind.member, severity: 'note' });
        continue;
      }
      if (zero === 'rejected' && SCHEMA_MINIMUM_ONE.has(client.kind)) {
        report({ messageId: 'refreshZeroTemplate', data: { what: 'AWS::Cognito::UserPoolClient' }, at: duration.node, path: kind.member });
        continue;
      }
      // Terraform's aws provider validates the duration itself (60 minutes to 10 years): 0 is too short there.
      const limits = LIMITS[kind.member];
      const tooLong = duration.seconds > limits.max;
      if (!tooLong && duration.seconds >= limits.min) continue;
      const unitKey = memberName(`TokenValidityUnits.${kind.unitKey}`);
      const validity = memberName(kind.member);
      const unitWritten = duration.unitNode !== undefined;
      const direction = tooLong ? 'Lower' : 'Raise';
      const otherUnit = tooLong ? 'smaller' : 'larger';
      // No unit makes 0 long enough: write a lifetime, or leave the member out for the default.
      const fix =
        duration.amount === 0
          ? phrase`Write the lifetime you want${orRemoveMember(kind.member, formatAmount(kind.defaultValue, kind.defaultUnit))}.`
          : unitWritten
            ? phrase`${direction} ${validity} or use a ${otherUnit} unit in ${unitKey}.`
            : phrase`${direction} ${validity}, or set ${unitKey} to a ${otherUnit} unit (it defaults to ${kind.defaultUnit}).`;
      report({
        messageId: tooLong ? 'tooLong' : 'tooShort',
        data: {
          member: validity,
          amount: duration.amount,
          unit: duration.unit,
          duration: durationText(duration),
          label: kind.label,
          min: limits.minText,
          max: limits.maxText,
          fix,
        },
        at: duration.node,
        path: kind.member,
        because: unitProvenance(duration),
      });
    }

    const session = member(client, 'AuthSessionValidity');
    const minutes = knownNumber(session?.value);
    if (session && minutes !== undefined && (minutes < 3 || minutes > 15)) {
      report({ messageId: 'authSession', data: { value: minutes, duration: formatAmount(minutes, 'minutes') }, at: session.value, path: 'AuthSessionValidity' });
    }

    const grace = nested(client, 'RefreshTokenRotation', 'RetryGracePeriodSeconds');
    const seconds = knownNumber(grace?.value);
    if (grace && seconds !== undefined && (seconds < 0 || seconds > 60)) {
      report({ messageId: 'retryGrace', data: { value: seconds }, at: grace.value, path: 'RefreshTokenRotation.RetryGracePeriodSeconds' });
    }
  },
});
