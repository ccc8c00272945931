import { jsonDiff } from './diff';

describe('jsonDiff', () => {
  it('is empty for equal values whatever the key order', () => {
    expect(jsonDiff({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it('names added, removed and changed members by path', () => {
    const before = { status: 'open', capacity: 5, tools: ['5s', 'kaizen'], funding: { source: 'state-budget' }, note: 'x' };
    const after = { status: 'closed', capacity: 5, tools: ['5s', 'lean', 'iso-9001'], funding: { source: 'state-budget', amount: 100 } };
    expect(jsonDiff(before, after)).toEqual([
      { op: 'added', path: 'funding.amount', after: 100 },
      { op: 'removed', path: 'note', before: 'x' },
      { op: 'changed', path: 'status', before: 'open', after: 'closed' },
      { op: 'changed', path: 'tools[1]', before: 'kaizen', after: 'lean' },
      { op: 'added', path: 'tools[2]', after: 'iso-9001' },
    ]);
  });

  it('reports a type change as a change of the whole value', () => {
    expect(jsonDiff({ a: { b: 1 } }, { a: [1] })).toEqual([{ op: 'changed', path: 'a', before: { b: 1 }, after: [1] }]);
    expect(jsonDiff({ a: null }, { a: 0 })).toEqual([{ op: 'changed', path: 'a', before: null, after: 0 }]);
  });

  it('quotes keys that are not identifiers (record keys such as registration ids)', () => {
    expect(jsonDiff({ seats: {} }, { seats: { 'p1:mst-0100107518': 3 } })).toEqual([{ op: 'added', path: 'seats["p1:mst-0100107518"]', after: 3 }]);
  });

  it('diffs a whole value against nothing', () => {
    expect(jsonDiff(undefined, { a: 1 })).toEqual([{ op: 'added', path: '', after: { a: 1 } }]);
  });
});
