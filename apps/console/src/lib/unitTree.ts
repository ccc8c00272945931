/** Builds the sub-unit roll-up as a tree from the flat per-unit counts the API returns. */
export interface UnitCount {
  unit: string;
  unitName?: string;
  level?: string;
  actual: number;
}
export interface UnitNode extends UnitCount {
  key: string;
  children?: UnitNode[];
}

/** A unit's parent is the longest other code in the list that prefixes it at a '-' boundary. */
export function buildUnitTree(rows: readonly UnitCount[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>(rows.map((r) => [r.unit, { ...r, key: r.unit }]));
  const roots: UnitNode[] = [];
  const codes = [...nodes.keys()];
  for (const node of nodes.values()) {
    const parent = codes
      .filter((c) => c !== node.unit && node.unit.startsWith(`${c}-`))
      .sort((a, b) => b.length - a.length)[0];
    if (parent) (nodes.get(parent)!.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => a.unit.localeCompare(b.unit));
    list.forEach((n) => n.children && sort(n.children));
  };
  sort(roots);
  return roots;
}
