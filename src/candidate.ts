// A file the walk found or the user named, before it is read: shared by discover (which makes it) and
// read (which reads it), so neither imports the other.

/** A file to lint, by the names every output uses for it. */
export interface Candidate {
  absolutePath: string;
  /** Relative to the working directory, forward slashes: what every output shows. */
  displayPath: string;
  /** Relative to the repository root (or the working directory outside one), forward slashes. */
  repositoryPath: string;
  /** Named on the command line: read even when ignored or of an unusual extension. */
  explicit: boolean;
  /** The content when it does not come from disk (standard input). */
  text?: string;
}
