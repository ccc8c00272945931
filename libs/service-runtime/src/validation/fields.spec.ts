import 'reflect-metadata';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsOptional, validate } from 'class-validator';
import { BoundedNumber, CalendarDate, Id, Nested, TextList } from './fields';
import { documentValidationRules } from './document-rules';

class Period {
  @ApiProperty() @CalendarDate() from!: string;
}

class Request {
  @ApiProperty() @Id() id!: string;
  @ApiProperty() @Nested(() => Period) period!: Period;
  @ApiPropertyOptional() @IsOptional() @BoundedNumber(0, 100, { integer: true }) score?: number;
  @ApiPropertyOptional() @IsOptional() @TextList(5, 20) notes?: string[];
}

const problems = async (body: unknown) =>
  (await validate(plainToInstance(Request, body) as object, { whitelist: true, forbidNonWhitelisted: true })).flatMap((e) => [
    ...Object.values(e.constraints ?? {}),
    ...(e.children ?? []).flatMap((c) => Object.values(c.constraints ?? {})),
  ]);

describe('the request-field vocabulary', () => {
  it('reads dates as people write them into yyyy-mm-dd and refuses impossible ones', async () => {
    const dto = plainToInstance(Request, { id: 'a-1', period: { from: '26/9/2023' } });
    expect(dto.period.from).toBe('2023-09-26');
    expect(await problems({ id: 'a-1', period: { from: '26/9/2023' } })).toEqual([]);
    for (const bad of ['2025-13-01', '31/02/2025', 'hôm qua', 20250101]) {
      expect((await problems({ id: 'a-1', period: { from: bad } })).join(' ')).toMatch(/from must be (a real calendar date|a calendar date written as text)/);
    }
  });

  it('requires nested objects and bounds numbers, texts and ids', async () => {
    expect((await problems({ id: 'a-1' })).join(' ')).toMatch(/period should not be null or undefined/);
    expect((await problems({ id: 'a-1', period: 'x' })).join(' ')).toMatch(/period must be an object/);
    expect((await problems({ id: '../../etc', period: { from: '1/1/2025' } })).join(' ')).toMatch(/id must be 1–64 letters/);
    expect((await problems({ id: 'a', period: { from: '1/1/2025' }, score: 1e308 })).join(' ')).toMatch(/score must not be greater than 100/);
    expect((await problems({ id: 'a', period: { from: '1/1/2025' }, notes: ['x'.repeat(21)] })).join(' ')).toMatch(/shorter than or equal to 20/);
  });

  it('writes the rules into the OpenAPI metadata, where @ApiProperty says nothing', () => {
    documentValidationRules();
    const read = (target: object, key: string) => Reflect.getMetadata('swagger/apiModelProperties', target, key);
    expect(read(Request.prototype, 'id')).toMatchObject({ type: String, pattern: '^[A-Za-z0-9_-]{1,64}$' });
    expect(read(Request.prototype, 'score')).toMatchObject({ type: 'integer', minimum: 0, maximum: 100, required: false });
    expect(read(Request.prototype, 'notes')).toMatchObject({ isArray: true, maxItems: 5, maxLength: 20 });
    expect(read(Period.prototype, 'from')).toMatchObject({ format: 'calendar-date', maxLength: 40 });
  });
});
