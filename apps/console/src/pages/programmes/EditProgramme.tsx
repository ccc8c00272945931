import { DatePicker, Form, Input, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../lib/api';
import { DATE_INPUT_FORMATS, parseNumber } from '../../lib/format';
import type { Programme } from '../../lib/types';
import { ActionForm } from '../../components/ActionForm';
import { FormSelect } from '../../components/FormSelect';

export const TOOLS = ['5s', 'kaizen', 'lean', 'iso-9001', 'iso-56000', 'green-productivity', 'gap-organic', 'traceability', 'digital-transformation'];
export const GROUPS = ['sme', 'cooperative', 'startup', 'st-enterprise', 'ocop-producer'];

export interface ProgrammeEditForm {
  name: string;
  legalBasis: string;
  planDocumentNumber?: string;
  toolsOffered: string[];
  eligibleGroups: string[];
  dates: [Dayjs, Dayjs];
  capacity: number;
  amountVnd?: number | null;
  reason?: string;
}

type EditableProgramme = Programme & { funding?: { sources: string[]; amountVnd?: number; note?: string } };

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The terms of a programme as a form asks for them (creating one, or changing an open one). */
export function ProgrammeTermsFields({ minCapacity = 1, capacityExtra }: { minCapacity?: number; capacityExtra?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="legalBasis" label={t('programme.legalBasis')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea rows={2} placeholder="Kế hoạch 138/KH-UBND ngày 19/6/2025 của UBND tỉnh Quảng Ngãi" />
      </Form.Item>
      <Form.Item name="planDocumentNumber" label={t('course.plan')}>
        <Input placeholder="138/KH-UBND" />
      </Form.Item>
      <Form.Item name="toolsOffered" label={t('registration.tools')} rules={[{ required: true, message: t('common.required') }]}>
        <FormSelect mode="multiple" options={TOOLS.map((x) => ({ value: x, label: t(`tool.${x}`) }))} />
      </Form.Item>
      <Form.Item name="eligibleGroups" label={t('programme.groups')} rules={[{ required: true, message: t('common.required') }]}>
        <FormSelect mode="multiple" options={GROUPS.map((g) => ({ value: g, label: t(`enterprise.group_${g}`) }))} />
      </Form.Item>
      <Form.Item name="dates" label={t('programme.window')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker.RangePicker format={DATE_INPUT_FORMATS} />
      </Form.Item>
      <Space>
        <Form.Item name="capacity" label={t('programme.capacity')} extra={capacityExtra} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={minCapacity} max={100000} />
        </Form.Item>
        <Form.Item name="amountVnd" label={t('programme.amount')}>
          <InputNumber<number> min={0} step={1_000_000} style={{ width: 200 }} formatter={(v) => (v ? new Intl.NumberFormat('vi-VN').format(Number(v)) : '')} parser={(v) => parseNumber(v ?? '') ?? 0} />
        </Form.Item>
      </Space>
    </>
  );
}

/** Only what the officer changed (the API keeps the rest), with the reason kept in the programme's history. */
export function programmeChanges(before: EditableProgramme, v: ProgrammeEditForm): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const legalBasis = v.legalBasis.split('\n').map((l) => l.trim()).filter(Boolean);
  if (v.name.trim() !== before.name) out.name = v.name.trim();
  if (!sameList(legalBasis, before.legalBasis)) out.legalBasis = legalBasis;
  const plan = v.planDocumentNumber?.trim() || undefined;
  if (plan && plan !== before.planDocumentNumber) out.planDocumentNumber = plan;
  if (!sameList([...v.toolsOffered].sort(), [...before.toolsOffered].sort())) out.toolsOffered = v.toolsOffered;
  if (!sameList([...v.eligibleGroups].sort(), [...before.eligibleGroups].sort())) out.eligibleGroups = v.eligibleGroups;
  const opening = v.dates[0].format('YYYY-MM-DD');
  const closing = v.dates[1].format('YYYY-MM-DD');
  if (opening !== before.openingDate) out.openingDate = opening;
  if (closing !== before.closingDate) out.closingDate = closing;
  if (v.capacity !== before.capacity) out.capacity = v.capacity;
  const amount = v.amountVnd ?? undefined;
  if (amount !== before.funding?.amountVnd && !(amount === undefined && before.funding?.amountVnd === undefined)) {
    out.funding = { sources: before.funding?.sources?.length ? before.funding.sources : ['state-budget'], ...(amount !== undefined ? { amountVnd: amount } : {}), ...(before.funding?.note ? { note: before.funding.note } : {}) };
  }
  if (Object.keys(out).length && v.reason?.trim()) out.reason = v.reason.trim();
  return out;
}

/** The province or a department changes the terms of an open programme; capacity may not drop below the seats taken. */
export function EditProgramme({ programme, onDone }: { programme: EditableProgramme; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <ActionForm<ProgrammeEditForm>
      label={t('programme.edit')}
      title={`${t('programme.edit')} — ${programme.name}`}
      doneMessage={t('programme.edited')}
      initialValues={{
        name: programme.name,
        legalBasis: programme.legalBasis.join('\n'),
        planDocumentNumber: programme.planDocumentNumber,
        toolsOffered: programme.toolsOffered,
        eligibleGroups: programme.eligibleGroups,
        dates: [dayjs(programme.openingDate), dayjs(programme.closingDate)],
        capacity: programme.capacity,
        amountVnd: programme.funding?.amountVnd,
      }}
      toBody={(v) => programmeChanges(programme, v)}
      send={async (body) => {
        if (Object.keys(body as object).length === 0) throw new ApiError(422, t('programme.noChange'));
        return api.patch('support-programs', `/programmes/${encodeURIComponent(programme.id)}`, body);
      }}
      onDone={onDone}
    >
      <Form.Item name="name" label={t('programme.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input />
      </Form.Item>
      <ProgrammeTermsFields minCapacity={Math.max(1, programme.seatsTaken)} capacityExtra={t('programme.seatsTakenNow', { seats: programme.seatsTaken })} />
      <Form.Item name="reason" label={t('programme.editReason')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('programme.editHelp')}</Typography.Paragraph>
    </ActionForm>
  );
}
