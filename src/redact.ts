// Client secrets written in linted files are credentials: no output (message, related location,
// fingerprint, and so SARIF, baselines and annotations) may carry one whole. The evaluate stage passes
// every finding through here; only the first characters of a secret are ever shown.
import type { AppClient, LoadedFile, Member } from './model';

/** How many characters of a secret any output shows. */
export const SHOWN_SECRET_CHARACTERS = 4;
/** Shorter values are not searched for in text: they would match ordinary words. */
const MIN_REDACTED_LENGTH = 6;

/** `abcd…`: the first 4 characters (fewer for a short value, so most of it stays hidden). */
export function maskSecret(secret: string): string {
  const chars = [...secret];
  const shown = Math.min(SHOWN_SECRET_CHARACTERS, Math.floor(chars.length / 3));
  return `${chars.slice(0, shown).join('')}…`;
}

/**
 * The client secret written for a client: the ClientSecret member (API requests, Describe output), or
 * the secret a Terraform plan shows (`client_secret`, not a setting, so kept outside the properties).
 */
export function writtenSecret(client: AppClient): Member | undefined {
  return client.properties.members.get('ClientSecret') ?? client.secret;
}

/** Every secret text written in the file's clients. */
export function secretsIn(loaded: LoadedFile): string[] {
  const secrets = new Set<string>();
  for (const client of loaded.clients) {
    const value = writtenSecret(client)?.value;
    if (value?.kind === 'scalar' && typeof value.value === 'string' && value.value.length >= MIN_REDACTED_LENGTH) secrets.add(value.value);
  }
  // Longest first, so a secret that contains another is replaced whole.
  return [...secrets].sort((a, b) => b.length - a.length);
}

/** `text` with every secret (as written, and as JSON writes it inside a string) replaced by its mask. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    const mask = maskSecret(secret);
    out = out.split(secret).join(mask);
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) out = out.split(escaped).join(mask);
  }
  return out;
}
