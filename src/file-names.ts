// File-name tests shared by the dialects and the loaders (a leaf: it imports nothing of ours).

/** True when `path` ends in `.<extension>` for one of `extensions` (lower case, compared without case). */
export function hasAnyExtension(path: string, extensions: readonly string[]): boolean {
  const lower = path.toLowerCase();
  return extensions.some((extension) => lower.endsWith(`.${extension}`));
}
