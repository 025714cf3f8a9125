// The one way this program remembers a derived value: a pure function's
// results kept by its arguments, compared by identity. The engine keeps
// compiled rules and text scans with it; the editor keeps each report
// version's findings and marks. Reports are never mutated (every edit makes
// a new object), so identity is what "the same input" means.

/**
 * Remembers `fn`'s results. With one object argument (a rule, a set), one
 * result per object for as long as the object lives. Otherwise the last
 * `size` calls' arguments and results: `size` 1 (the default) is "the last
 * one", for values derived from the report being edited; a larger size for
 * texts, which change far less often than cells, so a long editing session
 * does not grow it without bound.
 */
export function memo<A extends readonly unknown[], R>(fn: (...args: A) => R, size = 1): (...args: A) => R {
  const one = memoOne((key: unknown) => fn(...([key] as unknown as A)), size);
  let recent: { args: A; value: R }[] = [];
  return (...args: A): R => {
    if (args.length === 1) return one(args[0]);
    const hit = recent.find((entry) => entry.args.length === args.length && entry.args.every((a, i) => Object.is(a, args[i])));
    if (hit) return hit.value;
    const value = fn(...args);
    recent = [{ args, value }, ...recent].slice(0, size);
    return value;
  };
}

function memoOne<R>(fn: (key: unknown) => R, size: number): (key: unknown) => R {
  const byObject = new WeakMap<object, R>();
  const byPrimitive = new Map<unknown, R>();
  return (key) => {
    const objectKey = typeof key === 'object' && key !== null;
    if (objectKey ? byObject.has(key) : byPrimitive.has(key)) return (objectKey ? byObject.get(key) : byPrimitive.get(key))!;
    const value = fn(key);
    if (objectKey) byObject.set(key, value);
    else {
      if (byPrimitive.size >= size) byPrimitive.clear();
      byPrimitive.set(key, value);
    }
    return value;
  };
}
