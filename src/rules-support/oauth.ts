// OAuth facts that several rules share: the scopes Cognito defines itself, and what a machine client is.
import type { AppClient } from '../model';
import { listFullyKnown, stringItems } from '../rule-helpers';

/** The scopes Cognito defines itself (AllowedOAuthScopes documentation); every other scope is `identifier/name`. */
export const STANDARD_SCOPES: readonly string[] = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'];

/**
 * A machine (machine-to-machine) client: AllowedOAuthFlows is known, not empty, and holds only
 * client_credentials. No user signs in through it, so there are no refresh tokens and no user errors.
 */
export function isMachineClient(client: AppClient): boolean {
  const flows = stringItems(client, 'AllowedOAuthFlows');
  return flows.length > 0 && listFullyKnown(client, 'AllowedOAuthFlows') && flows.every((item) => item.value === 'client_credentials');
}
