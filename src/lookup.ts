// Tables looked up with names from the input: a plain object literal would answer "toString" or
// "constructor" with Object.prototype's members, so these tables have no prototype.

/** A frozen name -> value table whose lookups see only its own entries. */
export function lookupTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
