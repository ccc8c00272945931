import { describe, expect, it } from 'vitest';
import { buildUnitTree } from './unitTree';

describe('roll-up by sub-unit as a tree', () => {
  it('hangs villages under their commune and communes under their province', () => {
    const tree = buildUnitTree([
      { unit: '51-NGOKBAY-KONRLONG', actual: 1 },
      { unit: '51', actual: 3 },
      { unit: '51-NGOKBAY', actual: 2 },
      { unit: '51-DAKCAM', actual: 1 },
    ]);
    expect(tree.map((n) => n.unit)).toEqual(['51']);
    expect(tree[0].children!.map((n) => n.unit)).toEqual(['51-DAKCAM', '51-NGOKBAY']);
    expect(tree[0].children![1].children!.map((n) => n.unit)).toEqual(['51-NGOKBAY-KONRLONG']);
  });
  it('keeps units without a listed parent at the top', () => {
    expect(buildUnitTree([{ unit: '51-NGOKBAY', actual: 1 }, { unit: '56-PHANRANG', actual: 0 }]).map((n) => n.unit)).toEqual(['51-NGOKBAY', '56-PHANRANG']);
  });
});
