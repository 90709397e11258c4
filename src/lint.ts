// The whole pipeline for one run: discover -> read/load -> evaluate -> filter. Formatting is the caller's.
import type { LoadedFile } from './model';
import type { Finding } from './finding';
import { compareFindings, SEVERITY_RANK } from './finding';
import { discover, type Candidate } from './discover';
import { loadFile, mayHoldClient } from './load';
import { readCandidate } from './read';
import { evaluate, type SettingsSource } from './evaluate';
import type { Rule, Severity } from './rule';
import type { SourceFile } from './source';

export interface LintOptions {
  cwd: string;
  rules: readonly Rule[];
  settings: SettingsSource;
  maxFileSize: number;
}

export interface LintResult {
  findings: Finding[];
  /** Every file that was loaded (for the filter stage: suppressions live in them). */
  files: LoadedFile[];
  /** Files read (after discovery). */
  filesScanned: number;
  /** Files that held at least one client. */
  filesWithClients: number;
  clients: number;
  /** False when some file could not be parsed or read: SARIF `executionSuccessful`. */
  allFilesProcessed: boolean;
}

export function lintPaths(inputs: readonly string[], options: LintOptions): LintResult {
  return lintCandidates(discover(inputs, options.cwd), options);
}

export function lintCandidates(candidates: readonly Candidate[], options: LintOptions): LintResult {
  const loadedFiles: LoadedFile[] = [];
  let clients = 0;
  let filesWithClients = 0;
  let allFilesProcessed = true;
  for (const candidate of candidates) {
    const read = readCandidate(candidate, options.maxFileSize);
    if (read.kind === 'binary') continue;
    if (read.kind === 'unreadable') {
      allFilesProcessed = false;
      loadedFiles.push({ file: read.file, clients: [], duplicateKeys: [], parseError: { message: read.reason, span: { file: read.file, start: 0, end: 0 }, notRead: true } });
      continue;
    }
    // The cheap word test spares parsing the many files in a repository that cannot hold a client.
    if (!mayHoldClient(read.file.text)) continue;
    let loaded: LoadedFile;
    try {
      loaded = loadFile(read.file);
    } catch (error) {
      loaded = failedFile(read.file, error);
    }
    if (loaded.parseError) allFilesProcessed = false;
    if (loaded.clients.length > 0) filesWithClients++;
    clients += loaded.clients.length;
    loadedFiles.push(loaded);
  }
  // Rules run per file, so that one failing on a file fails that file only.
  const perFile = loadedFiles.map((loaded, index) => {
    try {
      return evaluate([loaded], options.rules, options.settings);
    } catch (error) {
      loadedFiles[index] = failedFile(loaded.file, error);
      allFilesProcessed = false;
      return evaluate([loadedFiles[index]!], options.rules, options.settings);
    }
  });
  const findings = perFile.flat();
  return { findings: findings.sort(compareFindings), files: loadedFiles, filesScanned: candidates.length, filesWithClients, clients, allFilesProcessed };
}

/**
 * A file that cognito-lint failed on (a bug, a stack overflow): one `parse-error` result for it, and the
 * run goes on with the other files. Exit 2 stays for usage and configuration errors.
 */
function failedFile(file: SourceFile, error: unknown): LoadedFile {
  const message = error instanceof Error ? error.message : String(error);
  return { file, clients: [], duplicateKeys: [], parseError: { message, span: { file, start: 0, end: 0 }, internal: true } };
}

export type FailOn = Exclude<Severity, 'off'> | 'none';

export function exitCodeFor(findings: readonly Finding[], failOn: FailOn): 0 | 1 {
  if (failOn === 'none') return 0;
  return findings.some((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn]) ? 1 : 0;
}
