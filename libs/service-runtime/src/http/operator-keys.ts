/**
 * Finds a key that looks like a MongoDB operator or path (`$gt`, `a.b`) or reaches an object's
 * prototype (`__proto__`, `constructor`), anywhere in a parsed body or query. DTO validation already
 * rejects wrong types; this is the second wall against operator injection (`{"$gt": ""}`).
 * Iterative, so no nesting depth can exhaust the stack.
 */
export function findOperatorKey(value: unknown): string | undefined {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: here, path } = stack.pop()!;
    if (Array.isArray(here)) {
      for (let i = here.length - 1; i >= 0; i--) stack.push({ value: here[i], path: `${path}[${i}]` });
    } else if (here !== null && typeof here === 'object') {
      const entries = Object.entries(here);
      for (const [key] of entries) {
        if (key.startsWith('$') || key.includes('.') || key === '__proto__' || key === 'constructor') return path ? `${path}.${key}` : key;
      }
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        stack.push({ value: child, path: path ? `${path}.${key}` : key });
      }
    }
  }
  return undefined;
}
