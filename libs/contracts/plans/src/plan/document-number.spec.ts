import { Conflict, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { deciderSpec } from '@nangsuat/event-sourcing/testing';
import { documentNumberKey, documentNumberRegistryDecider, documentTypeName, normalizeDocumentNumber, parseDocumentNumber } from './document-number';

describe('document numbers', () => {
  it.each([
    ['4009/KH-UBND', { number: 4009, type: 'KH', issuer: 'UBND', canonical: '4009/KH-UBND' }],
    ['138/KH-UBND', { number: 138, type: 'KH', issuer: 'UBND', canonical: '138/KH-UBND' }],
    ['336/SKHCN-TĐC', { number: 336, type: 'CV', issuer: 'SKHCN', unitSuffix: 'TĐC', canonical: '336/SKHCN-TĐC' }],
    ['74/PC-VHXH', { number: 74, type: 'PC', issuer: 'VHXH', canonical: '74/PC-VHXH' }],
    ['12/QD-UBND', { number: 12, type: 'QĐ', issuer: 'UBND', canonical: '12/QĐ-UBND' }],
    ['12/qđ-UBND', { number: 12, type: 'QĐ', canonical: '12/QĐ-UBND' }],
    ['Số: 4009 / KH – UBND', { number: 4009, type: 'KH', issuer: 'UBND', canonical: '4009/KH-UBND' }],
    ['01/KH-UBND', { number: 1, numberText: '01', canonical: '01/KH-UBND' }],
    ['36/QĐ-TTg', { type: 'QĐ', issuer: 'TTg', canonical: '36/QĐ-TTg' }],
    ['30/2020/NĐ-CP', { number: 30, year: 2020, type: 'NĐ', issuer: 'CP', canonical: '30/2020/NĐ-CP' }],
    ['202/2025/QH15', { number: 202, year: 2025, type: undefined, issuer: 'QH15', canonical: '202/2025/QH15' }],
    ['5/TTr-SKHCN', { type: 'TTr', canonical: '5/TTr-SKHCN' }],
  ])('parses %s', (input, expected) => {
    expect(parseDocumentNumber(input)).toMatchObject(expected);
  });

  it('normalises to NFC', () => {
    const decomposed = '336/SKHCN-TĐC'.normalize('NFD');
    expect(normalizeDocumentNumber(decomposed)).toBe('336/SKHCN-TĐC'.normalize('NFC'));
    expect(normalizeDocumentNumber('12/QĐ-UBND'.normalize('NFD'))).toBe('12/QĐ-UBND');
  });

  it('names the type', () => {
    expect(documentTypeName(parseDocumentNumber('4009/KH-UBND'))).toBe('Kế hoạch');
    expect(documentTypeName(parseDocumentNumber('336/SKHCN-TĐC'))).toBe('Công văn');
  });

  it.each([
    ['', /empty/],
    ['4009', /"\/" between the number/],
    ['KH-UBND', /"\/" between the number/],
    ['40a9/KH-UBND', /digits only/],
    ['0/KH-UBND', /1 or more/],
    ['4009/KH-', /nothing on one side/],
    ['4009/KH', /needs a type and an issuer/],
    ['4009/KH-UB ND', /spaces/],
    ['4009/KH-UBND!', /only letters and digits/],
    ['30/20/NĐ-CP', /year \(4 digits\)/],
    ['1/2/3/KH-UBND', /too many/],
  ])('refuses %p with a reason', (input, reason) => {
    expect(() => parseDocumentNumber(input)).toThrow(DomainRuleViolation);
    expect(() => parseDocumentNumber(input)).toThrow(reason);
    expect(() => parseDocumentNumber(input)).toThrow(/e\.g\. 4009\/KH-UBND/);
  });

  it('keys uniqueness by issuing unit, issuer, year and type', () => {
    expect(documentNumberKey('4009/KH-UBND', '58', 2023)).toBe('58|UBND|2023|KH|4009');
    expect(documentNumberKey('12/QD-UBND', '51', 2025)).toBe(documentNumberKey('12/QĐ-UBND', '51', 2025));
    expect(documentNumberKey('01/KH-UBND', '51', 2025)).toBe(documentNumberKey('1/KH-UBND', '51', 2025));
    expect(documentNumberKey('138/KH-UBND', '51', 2025)).not.toBe(documentNumberKey('138/KH-UBND', '58', 2025));
    expect(documentNumberKey('138/KH-UBND', '51', 2025)).not.toBe(documentNumberKey('138/KH-UBND', '51', 2024));
    expect(documentNumberKey('138/KH-UBND', '51', 2025)).not.toBe(documentNumberKey('138/QĐ-UBND', '51', 2025));
    expect(documentNumberKey('30/2020/NĐ-CP', 'VN')).toBe('VN|CP|2020|ND|30');
    expect(() => documentNumberKey('4009/KH-UBND', '58')).toThrow(/issue date/);
  });

  describe('registry', () => {
    const spec = deciderSpec(documentNumberRegistryDecider);
    const reserve = (planId: string) => ({ type: 'ReserveDocumentNumber' as const, key: '58|UBND|2023|KH|4009', documentNumber: '4009/KH-UBND', planId });
    const reserved = { type: 'DocumentNumberReserved' as const, schemaVersion: 1, data: { key: '58|UBND|2023|KH|4009', documentNumber: '4009/KH-UBND', planId: 'p1' } };

    it('reserves a free number', () => spec.given([]).when(reserve('p1')).then([reserved]));
    it('is idempotent for the same plan', () => spec.given([reserved]).when(reserve('p1')).then([]));
    it('refuses a number taken by another plan', () => spec.given([reserved]).when(reserve('p2')).thenThrows(Conflict, /already used by plan p1/));
  });
});
