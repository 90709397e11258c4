// Token lifetimes as the token rules compute and describe them.
import type { Value } from '../model';
import type { Span } from '../source';
import { formatAmount, formatSeconds, type TokenDuration } from '../rule-helpers';

/** What Cognito uses when RefreshTokenValidity is 0 (RefreshTokenValidity documentation). */
export const REFRESH_ZERO_REPLACEMENT_SECONDS = 30 * 86400;

export type Related = Array<{ span: Span; message: string }>;

/** "48 hours (2 days)": the written amount in its unit, plus the largest whole unit when that reads differently. */
export function durationText(duration: TokenDuration): string {
  const written = formatAmount(duration.amount, duration.unit);
  if (duration.seconds <= 0) return written;
  const compact = formatSeconds(duration.seconds);
  return compact === written ? written : `${written} (${compact})`;
}

/** True when the validity value is written and 0 on the refresh token, which Cognito replaces with 30 days. */
export function isRefreshZero(duration: TokenDuration): boolean {
  return duration.kind.member === 'RefreshTokenValidity' && duration.node !== undefined && duration.amount === 0;
}

/** The lifetime Cognito will actually use, in seconds (0 on the refresh token means 30 days). */
export function effectiveSeconds(duration: TokenDuration): number {
  return isRefreshZero(duration) ? REFRESH_ZERO_REPLACEMENT_SECONDS : duration.seconds;
}

/**
 * Where the unit of a written validity comes from: a related location at a written unit (it is half of
 * the computed duration), and a note plus a related location when the unit is known only from a default.
 */
export function unitProvenance(duration: TokenDuration): { note: string; related: Related } {
  const unitNode: Value | undefined = duration.unitNode;
  if (!unitNode) return { note: '', related: [] };
  const related: Related = [{ span: unitNode.span, message: `TokenValidityUnits.${duration.kind.unitKey} is "${duration.unit}" here` }];
  if (!unitNode.origin) return { note: '', related };
  related.push({ span: unitNode.origin.span, message: `default of ${unitNode.origin.owner}` });
  return { note: ` (the unit "${duration.unit}" comes from the default of ${unitNode.origin.owner})`, related };
}
