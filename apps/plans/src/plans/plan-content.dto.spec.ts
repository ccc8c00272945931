import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { PlanContentDto } from './plan-content.dto';
import { DraftPlanDto } from './draft-plan/draft-plan.dto';

/** What the ValidationPipe does: transform, then validate with unknown fields refused. */
async function problems(body: unknown): Promise<string[]> {
  const dto = plainToInstance(DraftPlanDto, body);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  const flat: string[] = [];
  const walk = (es: typeof errors, path: string) => {
    for (const e of es) {
      const here = path ? `${path}.${e.property}` : e.property;
      if (e.constraints) flat.push(`${here}: ${Object.values(e.constraints).join('; ')}`);
      walk(e.children ?? [], here);
    }
  };
  walk(errors, '');
  return flat;
}

const content = { title: 'Kế hoạch nâng cao năng suất', issuingUnit: '51-NGOKBAY', horizonYears: [2030] };

describe('request shape of a plan draft', () => {
  it('accepts a minimal draft and reads the annual deadline as the API example writes it ("10/11")', async () => {
    expect(await problems({ content })).toEqual([]);
    const dto = plainToInstance(DraftPlanDto, { content: { ...content, reporting: { annualDeadline: '10/11' } } });
    expect(await validate(dto, { whitelist: true, forbidNonWhitelisted: true })).toEqual([]);
    expect(dto.content.reporting?.annualDeadline).toEqual({ day: 10, month: 11 });
    expect(await problems({ content: { ...content, reporting: { annualDeadline: { day: 10, month: 11 } } } })).toEqual([]);
  });

  it('refuses a draft without content, naming it', async () => {
    expect((await problems({})).join(' ')).toMatch(/^content: /);
  });

  it.each([
    ['an impossible issue date', { issueDate: '2025-13-01' }, /issueDate: issueDate must be a real calendar date/],
    // Whether a well-formed code is in the catalogue is the service's check (indicators/domain/target-check.spec.ts).
    ['an indicator that is no code', { targets: [{ id: 't1', indicator: 'Made Up!', label: { vi: 'x' }, unit: 'enterprises', milestoneYear: 2030, comparison: 'at-least', value: 1, source: 'counted' }] }, /indicator must be the code of an indicator of the catalogue/],
    ['a person-times target of 1e308', { targets: [{ id: 't1', indicator: 'trained-person-times', label: { vi: 'x' }, unit: 'person-times', milestoneYear: 2030, comparison: 'at-least', value: 1e308, source: 'counted' }] }, /value must not be greater than 1000000000/],
    ['target ids that are paths or operators', { targets: [{ id: '../../etc', indicator: 'trained-person-times', label: { vi: 'x' }, unit: 'person-times', milestoneYear: 2030, comparison: 'at-least', value: 1, source: 'counted' }] }, /id must be 1–64 letters/],
    ['a 100,000-character note', { notes: ['x'.repeat(100_000)] }, /notes: each value in notes must be shorter than or equal to 2000 characters/],
    ['a free-form task', { tasks: [{ section: '1', title: 'x', anything: { deep: 1 } }] }, /property anything should not exist/],
    ['an annual deadline that is no day', { reporting: { annualDeadline: '40/11' } }, /day must not be greater than 31/],
  ])('refuses %s with a message naming the field', async (_case, change, message) => {
    expect((await problems({ content: { ...content, ...change } })).join('\n')).toMatch(message);
  });

  it('keeps content typed as PlanContentDto after transformation', () => {
    expect(plainToInstance(DraftPlanDto, { content }).content).toBeInstanceOf(PlanContentDto);
  });
});
