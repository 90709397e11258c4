// Token lifetimes as the token rules compute and describe them.
import type { AppClient, ClientKind, Value } from '../model';
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

/**
 * The kinds whose RefreshTokenValidity reaches the API as written, where 0 means "use the default".
 * CloudFormation's resource schema (minimum 1) and the Terraform provider's duration validator
 * (60 minutes to 10 years) reject a 0 before Cognito sees it.
 */
const ZERO_MEANS_DEFAULT: ReadonlySet<ClientKind> = new Set(['create-request', 'update-request', 'client-description']);

/** A refresh token validity written as 0: `default` where the API replaces it with 30 days, `rejected` where the format's own tool refuses it. */
export function refreshZero(client: AppClient, duration: TokenDuration): 'default' | 'rejected' | undefined {
  if (duration.kind.member !== 'RefreshTokenValidity' || duration.node === undefined || duration.amount !== 0) return undefined;
  return ZERO_MEANS_DEFAULT.has(client.kind) ? 'default' : 'rejected';
}

/** True when the refresh token validity is written as 0 in an API request, where Cognito replaces it with 30 days. */
export function isRefreshZero(client: AppClient, duration: TokenDuration): boolean {
  return refreshZero(client, duration) === 'default';
}

/** The lifetime Cognito will actually use, in seconds (0 on the refresh token in an API request means 30 days). */
export function effectiveSeconds(client: AppClient, duration: TokenDuration): number {
  return isRefreshZero(client, duration) ? REFRESH_ZERO_REPLACEMENT_SECONDS : duration.seconds;
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
