import { describe, expect, it } from 'vitest';
import { organisationTypeOf, parseTraineeRows } from './traineeRows';

describe('trainees pasted from a spreadsheet', () => {
  it('reads tab-separated rows and skips the header', () => {
    const rows = parseTraineeRows('Họ và tên\tLoại\tĐơn vị\tCCCD\nY Blăng\tHợp tác xã\tHTX Sâm Ngọc Linh\t062201000123\nTrần Văn Đức\tDoanh nghiệp\tCông ty Cà phê Kon Rờ Lòng\t');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ line: 2, errors: [], trainee: { fullName: 'Y Blăng', organisationType: 'cooperative', citizenId: '062201000123' } });
    expect(rows[1].trainee).toEqual({ fullName: 'Trần Văn Đức', organisationType: 'enterprise', organisationName: 'Công ty Cà phê Kon Rờ Lòng' });
  });
  it('names each problem on its own row', () => {
    const rows = parseTraineeRows('A Thuận\tnông dân\tHTX\n\tDoanh nghiệp\tCông ty X\t123\nB\tdai hoc\t\t062201000123\nC\tcao đẳng\tTrường CĐ\t062201000123');
    expect(rows.map((r) => r.errors)).toEqual([['paste.errType'], ['paste.errNoName', 'paste.errCitizenId'], ['paste.errNoOrganisation'], ['paste.errDuplicate']]);
    expect(rows.every((r) => r.trainee === undefined)).toBe(true);
  });
  it('accepts semicolons and types typed without diacritics', () => {
    expect(parseTraineeRows('Nguyễn Thị Hoa;so nganh;Phòng Văn hóa – Xã hội')[0].trainee?.organisationType).toBe('department');
    expect(organisationTypeOf('Trường nghề')).toBe('vocational-school');
    expect(organisationTypeOf('university')).toBe('university');
  });
  it('keeps names in NFC', () => {
    const decomposed = 'Nguyễn'.normalize('NFD');
    expect(parseTraineeRows(`${decomposed}\tHTX\tHTX A`)[0].trainee?.fullName).toBe('Nguyễn'.normalize('NFC'));
  });
});
