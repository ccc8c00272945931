import { indexColumns, orderBy, pathExpression, project, SqlParameters, UnsupportedQuery, whereClause } from './document-sql';

const where = (filter: Record<string, unknown>, arrays: string[] = []) => {
  const params = new SqlParameters();
  return { sql: whereClause(filter, { params, arrays: new Set(arrays) }), values: params.values };
};

describe('MongoDB filters as PostgreSQL', () => {
  it('puts every value in a parameter and every path in one expression shape', () => {
    expect(where({ status: 'scheduled', 'counts.completed': { $gt: 0 } })).toEqual({
      sql: `(doc #> '{status}') = $1::jsonb AND (jsonb_typeof((doc #> '{counts,completed}')) = 'number' AND (doc #> '{counts,completed}') > $2::jsonb)`,
      values: ['"scheduled"', '0'],
    });
    expect(where({ _id: { $in: ['a', 'b'] } })).toEqual({ sql: 'id = ANY($1::text[])', values: [['a', 'b']] });
    expect(where({ horizonYears: 2030 }, ['horizonYears'])).toEqual({ sql: `(doc #> '{horizonYears}') @> $1::jsonb`, values: ['[2030]'] });
  });

  it('keeps a value that looks like SQL or an operator a value', () => {
    const { sql, values } = where({ status: "x'; DROP TABLE t; --", unitCode: { $in: ['{"$gt": ""}'] } });
    expect(sql).not.toContain('DROP');
    expect(values).toEqual([JSON.stringify("x'; DROP TABLE t; --"), [JSON.stringify('{"$gt": ""}')]]);
  });

  it('refuses paths that are not plain names, unknown operators and empty $and/$or, as MongoDB refuses them', () => {
    expect(() => pathExpression("a'}; DROP")).toThrow(UnsupportedQuery);
    expect(() => where({ status: { $where: 'x' } })).toThrow(UnsupportedQuery);
    expect(() => where({ $nor: [] })).toThrow(UnsupportedQuery);
    expect(() => where({ $and: [] })).toThrow(UnsupportedQuery);
  });

  it('reads a declared field from its own column, in filters, text search and sorts alike', () => {
    const columns = (path: string) => (path === 'status' || path === 'searchKey' ? `f_${path}` : undefined);
    const params = new SqlParameters();
    expect(whereClause({ status: 'scheduled', searchKey: { $regex: 'kaizen' }, unitCode: '51' }, { params, arrays: new Set(), columns })).toBe(
      `"f_status" = $1::jsonb AND ("f_searchKey" #>> '{}') ~ $2 AND (doc #> '{unitCode}') = $3::jsonb`,
    );
    expect(orderBy({ status: 1 }, columns)).toBe('ORDER BY "f_status" ASC NULLS FIRST, id ASC');
    expect(indexColumns({ status: 1 }, columns)).toBe('"f_status" ASC NULLS FIRST');
  });

  it('gathers the plain words a list searches for into one containment of word fragments, leaving other conditions as they were', () => {
    const columns = (path: string) => (path === 'searchKey' ? 'f_searchKey' : undefined);
    const fragments = (path: string) => (path === 'searchKey' ? 'w8_searchKey' : undefined);
    const params = new SqlParameters();
    const filter = { unitCode: '51', $and: [{ searchKey: { $regex: 'kaizen' } }, { searchKey: { $regex: 'hop' } }, { $and: [{ searchKey: { $regex: 'tac' } }] }, { status: 'scheduled' }] };
    expect(whereClause(filter, { params, arrays: new Set(), columns, fragments })).toBe(
      `"w8_searchKey" @> $1::jsonb AND (doc #> '{unitCode}') = $2::jsonb AND ((doc #> '{status}') = $3::jsonb)`,
    );
    expect(params.values).toEqual(['["hop","kaizen","tac"]', '"51"', '"scheduled"']);
    // A word longer than a stored fragment: its first letters find candidates, its expression decides.
    const long = new SqlParameters();
    expect(whereClause({ searchKey: { $regex: 'ubnd4009kh' } }, { params: long, arrays: new Set(), columns, fragments })).toBe(`"w8_searchKey" @> $1::jsonb AND ("f_searchKey" #>> '{}') ~ $2`);
    expect(long.values).toEqual(['["ubnd4009"]', 'ubnd4009kh']);
    // Not plain words, or under $or: the regular expression as before.
    const other = new SqlParameters();
    expect(whereClause({ $or: [{ searchKey: { $regex: 'kaizen' } }, { searchKey: { $regex: 'a.c' } }] }, { params: other, arrays: new Set(), columns, fragments })).toBe(
      `(("f_searchKey" #>> '{}') ~ $1 OR ("f_searchKey" #>> '{}') ~ $2)`,
    );
    // Without a fragment column nothing changes.
    expect(whereClause({ searchKey: { $regex: 'kaizen' } }, { params: new SqlParameters(), arrays: new Set(), columns })).toBe(`("f_searchKey" #>> '{}') ~ $1`);
  });

  it('sorts and indexes with the same expressions, missing values first ascending', () => {
    expect(orderBy({ startDate: -1, courseId: 1 })).toBe(`ORDER BY (doc #> '{startDate}') DESC NULLS LAST, (doc #> '{courseId}') ASC NULLS FIRST, id ASC`);
    expect(indexColumns({ startDate: -1, courseId: 1 })).toBe(`(doc #> '{startDate}') DESC NULLS LAST, (doc #> '{courseId}') ASC NULLS FIRST`);
  });

  it('projects as MongoDB does: inclusion keeps _id unless told, exclusion removes dotted paths', () => {
    const doc = { _id: 'x', a: 1, b: { c: 2, d: 3 }, searchKey: 's' };
    expect(project(doc, { a: 1, 'b.c': 1 })).toEqual({ _id: 'x', a: 1, b: { c: 2 } });
    expect(project(doc, { _id: 0, a: 1 })).toEqual({ a: 1 });
    expect(project(doc, { searchKey: 0, 'b.d': 0 })).toEqual({ _id: 'x', a: 1, b: { c: 2 } });
  });
});
