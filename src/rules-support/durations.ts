// Token lifetimes as the token rules compute and describe them.
import type { Value } from '../model';
import type { Span } from '../source';
import type { Because } from '../rule';
import { phrase, type MessageValue } from '../message';
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
 * The unit of a written validity, for Report.because: a related location at a written unit (it is half
 * of the computed duration); the evaluate stage says so when the unit is known only from a default.
 */
export function unitProvenance(duration: TokenDuration, unitName: MessageValue = phrase`the unit "${duration.unit}"`): Because[] {
  const unitNode: Value | undefined = duration.unitNode;
  if (!unitNode) return [];
  return [{ value: unitNode, what: unitName, label: `TokenValidityUnits.${duration.kind.unitKey} is "${duration.unit}" here` }];
}
