import { findOperatorKey } from './operator-keys';

describe('operator key detection', () => {
  it.each([
    [{ name: { $gt: '' } }, 'name.$gt'],
    [{ targets: [{ value: 1 }, { $where: 'x' }] }, 'targets[1].$where'],
    [{ 'a.b': 1 }, 'a.b'],
    [JSON.parse('{"__proto__": {"admin": true}}'), '__proto__'],
  ])('finds %j', (body, path) => {
    expect(findOperatorKey(body)).toBe(path);
  });

  it('lets ordinary Vietnamese payloads through', () => {
    expect(findOperatorKey({ title: 'Kế hoạch số 4009/KH-UBND', price: '1.234,5', tags: ['5S', 'Kaizen'] })).toBeUndefined();
  });
});
