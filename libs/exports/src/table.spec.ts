import ExcelJS from 'exceljs';
import { downloadName, toCsv, toXlsx } from './table';

const columns = [
  { header: 'Tên', value: (r: { name: string; n?: number }) => r.name },
  { header: 'Số', value: (r: { name: string; n?: number }) => r.n },
];

describe('list exports', () => {
  it('CSV: BOM, CRLF, quotes doubled, separators quoted, formulas neutralised, numbers kept', () => {
    const csv = toCsv([{ name: 'Hợp tác xã "Sâm", Ngọk Bay', n: 12.5 }, { name: '=SUM(A1)', n: -3 }, { name: '-10' }], columns).toString('utf8');
    expect(csv).toBe('\uFEFFTên,Số\r\n"Hợp tác xã ""Sâm"", Ngọk Bay",12.5\r\n\'=SUM(A1),-3\r\n-10,\r\n');
  });

  it('Excel: a worksheet with the headers and the same cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx([{ name: '@cmd', n: 7 }], columns, 'Danh sách')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Danh sách')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Tên', 'Số']);
    expect(sheet.getRow(2).values).toEqual([undefined, "'@cmd", 7]);
  });

  it('names the download in ASCII and in UTF-8', () => {
    expect(downloadName('đăng-ký', 'csv')).toBe(`attachment; filename="dang-ky.csv"; filename*=UTF-8''${encodeURIComponent('đăng-ký.csv')}`);
  });
});
