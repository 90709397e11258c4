// OAuth facts that several rules share: the scopes Cognito defines itself, and what a machine client is.
import type { AppClient } from '../model';
import { knownBoolean, listFullyKnown, member, stringItems } from '../rule-helpers';

/** The scopes Cognito defines itself (AllowedOAuthScopes documentation); every other scope is `identifier/name`. */
export const STANDARD_SCOPES: readonly string[] = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'];

/**
 * A machine (machine-to-machine) client: an OAuth client (AllowedOAuthFlowsUserPoolClient true) whose
 * AllowedOAuthFlows is known, not empty, and holds only client_credentials. Its tokens come from the
 * client credentials grant: no user signs in, and no refresh token is issued. With the flag off the
 * OAuth flows are dead settings, and the client is whatever its SDK flows make it.
 */
export function isMachineClient(client: AppClient): boolean {
  const flag = member(client, 'AllowedOAuthFlowsUserPoolClient');
  if (!flag || knownBoolean(flag.value) !== true) return false;
  const flows = stringItems(client, 'AllowedOAuthFlows');
  return flows.length > 0 && listFullyKnown(client, 'AllowedOAuthFlows') && flows.every((item) => item.value === 'client_credentials');
}
