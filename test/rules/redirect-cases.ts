// Shared rows for the redirect URI rules: each URL as the only CallbackURLs entry of an OAuth client.
import type { ApiClient, InvalidCase, ValidCase } from '../rule-tester';

/** The flag that lets a client hold redirect URLs. */
export const OAUTH: ApiClient = { AllowedOAuthFlowsUserPoolClient: true };

/** `[name, url, reported]` rows: a reported URL is found at `CallbackURLs[0]`. */
export function callbackCases(rows: Array<[string, string, boolean]>): { valid: ValidCase[]; invalid: InvalidCase[] } {
  const cases = rows.map(([name, url, reported]) => ({ name, client: { ...OAUTH, CallbackURLs: [url] }, reported }));
  return {
    valid: cases.filter((c) => !c.reported).map(({ name, client }) => ({ name, client })),
    invalid: cases.filter((c) => c.reported).map(({ name, client }) => ({ name, client, errors: [{ at: 'CallbackURLs[0]' }] })),
  };
}
