// The fingerprint a report shows: a hash of the finding's identity (src/fingerprint.ts), which is never
// shown itself because it holds the offending value. SARIF (partialFingerprints) and GitLab Code
// Quality (which keeps one issue per fingerprint) both need it unique within a report.
import { createHash } from 'node:crypto';

/**
 * A numberer for one report: the fingerprint's hash, and for the second finding with the same
 * fingerprint (a value listed twice) the hash with `:2`, as GitHub numbers its own line hashes.
 */
export function reportFingerprints(): (fingerprint: string) => string {
  const occurrences = new Map<string, number>();
  return (fingerprint) => {
    const occurrence = (occurrences.get(fingerprint) ?? 0) + 1;
    occurrences.set(fingerprint, occurrence);
    const hash = createHash('sha256').update(fingerprint).digest('hex').slice(0, 32);
    return occurrence === 1 ? hash : `${hash}:${occurrence}`;
  };
}
