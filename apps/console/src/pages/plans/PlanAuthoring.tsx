import { useState } from 'react';
import { App as AntApp, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Radio, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { api } from '../../lib/api';
import { formatNumber, DATE_INPUT_FORMATS } from '../../lib/format';
import type { PlanDetail, PlanTarget } from '../../lib/types';
import { ActionForm } from '../../components/ActionForm';
import { ErrorAlert } from '../../components/common';
import { FormSelect } from '../../components/FormSelect';
import { COUNTED_INDICATORS, UNIT_OF_INDICATOR, UNITS_OF_MEASURE, mayEditPlan, PLAN_WRITERS, targetChanges, targetFromForm, type TargetForm } from './planEditing';
import { hasRole } from '../../auth/claims';

/** Units merged into the user's unit (2025 reform): their plans are the user's unit's now. */
export function useMergedUnits(): string[] {
  const { principal } = useAuth();
  const unit = useQuery({
    queryKey: ['unit', principal?.unit],
    enabled: !!principal,
    queryFn: () => api.get<{ lineage: { kind: string; from: string[]; into: string }[] }>('plans', `/units/${encodeURIComponent(principal!.unit)}`),
  });
  return (unit.data?.lineage ?? []).filter((l) => l.kind === 'merged' && l.into === principal?.unit).flatMap((l) => l.from);
}

export function useMayEditPlan(issuingUnit: string): boolean {
  const { principal } = useAuth();
  return mayEditPlan(principal, issuingUnit, useMergedUnits());
}

/** Drafting a plan for the user's unit: title, horizon, general objectives; targets and issue follow on its page. */
export function NewPlanButton() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const navigate = useNavigate();
  if (!hasRole(principal, ...PLAN_WRITERS)) return null;
  return (
    <ActionForm<{ title: string; horizonYears: number[]; implementsPlan?: string; objectives: string }>
      primary
      label={t('planEdit.new')}
      doneMessage={t('planEdit.drafted')}
      initialValues={{ horizonYears: [2030] }}
      send={async (body) => {
        const created = await api.post<{ planId: string }>('plans', '/plans', body);
        navigate(`/plans/${encodeURIComponent(created.planId)}`);
        return created;
      }}
      toBody={(v) => ({
        content: {
          issuingUnit: principal!.unit,
          title: v.title.trim(),
          horizonYears: v.horizonYears,
          generalObjectives: v.objectives.split('\n').map((s) => s.trim()).filter(Boolean),
          ...(v.implementsPlan ? { implementsPlan: v.implementsPlan.trim() } : {}),
        },
      })}
    >
      <Form.Item name="title" label={t('plans.planTitle')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="horizonYears" label={t('plans.horizon')} rules={[{ required: true, message: t('common.required') }]}>
        <FormSelect mode="multiple" options={[2025, 2030, 2035].map((y) => ({ value: y, label: String(y) }))} />
      </Form.Item>
      <Form.Item name="implementsPlan" label={t('planEdit.implementsPlan')}>
        <Input placeholder="138/KH-UBND" />
      </Form.Item>
      <Form.Item name="objectives" label={t('planEdit.objectivesOnePerLine')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('planEdit.forUnit', { unit: principal!.unit })}</Typography.Paragraph>
    </ActionForm>
  );
}

function TargetFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const comparison = Form.useWatch('comparison');
  return (
    <>
      <Form.Item name="labelVi" label={t('planEdit.labelVi')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="labelEn" label={t('planEdit.labelEn')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="indicator" label={t('planEdit.indicator')} rules={[{ required: true, message: t('common.required') }]}>
          <FormSelect style={{ width: 260 }} onChange={(i) => form.setFieldValue('unit', UNIT_OF_INDICATOR[i as string])} options={COUNTED_INDICATORS.map((i) => ({ value: i, label: t(`indicator.${i}`) }))} />
        </Form.Item>
        <Form.Item name="milestoneYear" label={t('plans.milestone')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={2020} max={2035} />
        </Form.Item>
        <Form.Item name="unit" label={t('planEdit.unitOfMeasure')} rules={[{ required: true, message: t('common.required') }]}>
          <FormSelect style={{ width: 160 }} options={UNITS_OF_MEASURE.map((u) => ({ value: u, label: t(`measure.${u}`, { defaultValue: u }) }))} />
        </Form.Item>
      </Space>
      <Form.Item name="comparison" label={t('planEdit.comparison')}>
        <Radio.Group options={(['at-least', 'more-than', 'range'] as const).map((c) => ({ value: c, label: t(`planEdit.cmp_${c}`) }))} />
      </Form.Item>
      {comparison === 'range' ? (
        <Space>
          <Form.Item name="min" label={t('planEdit.min')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={0} decimalSeparator="," />
          </Form.Item>
          <Form.Item name="max" label={t('planEdit.max')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={0} decimalSeparator="," />
          </Form.Item>
        </Space>
      ) : (
        <Form.Item name="value" label={t('plans.value')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={0} decimalSeparator="," />
        </Form.Item>
      )}
    </>
  );
}

/** A draft: add or remove targets, then issue it under its number, date and signer. */
export function DraftActions({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['plan', plan.planId] });
    await queryClient.invalidateQueries({ queryKey: ['plan-history', plan.planId] });
    await queryClient.invalidateQueries({ queryKey: ['plans'] });
  };
  const remove = useMutation({
    mutationFn: (targetId: string) => api.del('plans', `/plans/${encodeURIComponent(plan.planId)}/targets/${encodeURIComponent(targetId)}`),
    onSuccess: async () => {
      void message.success(t('planEdit.targetRemoved'));
      await refresh();
    },
  });
  const base = `/plans/${encodeURIComponent(plan.planId)}`;
  return (
    <Card size="small" title={t('planEdit.draftWork')}>
      <ErrorAlert error={remove.error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <ActionForm<TargetForm>
          label={t('planEdit.addTarget')}
          doneMessage={t('planEdit.targetAdded')}
          initialValues={{ comparison: 'at-least', source: 'counted', milestoneYear: 2030 }}
          send={(body) => api.post('plans', `${base}/targets`, body)}
          onDone={refresh}
          toBody={(v) => targetFromForm({ ...v, source: 'counted' })}
        >
          <TargetFields />
        </ActionForm>
        <ActionForm<{ documentNumber: string; issueDate: Dayjs; signerName: string; signerPosition?: string }>
          primary
          label={t('planEdit.issue')}
          doneMessage={t('planEdit.issued')}
          send={(body) => api.post('plans', `${base}/issue`, body)}
          onDone={refresh}
          toBody={(v) => ({ documentNumber: v.documentNumber.trim(), issueDate: v.issueDate.format('YYYY-MM-DD'), signer: { name: v.signerName.trim(), ...(v.signerPosition ? { position: v.signerPosition.trim() } : {}) } })}
        >
          <Form.Item name="documentNumber" label={t('plans.documentNumber')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input placeholder="45/KH-UBND" />
          </Form.Item>
          <Form.Item name="issueDate" label={t('plans.issueDate')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker format={DATE_INPUT_FORMATS} />
          </Form.Item>
          <Form.Item name="signerName" label={t('plans.signer')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="signerPosition" label={t('planEdit.signerPosition')}>
            <Input placeholder="Chủ tịch UBND xã" />
          </Form.Item>
        </ActionForm>
      </Space>
      {plan.content.targets.length > 0 && (
        <Table<PlanTarget>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={plan.content.targets}
          columns={[
            { title: t('plans.target'), render: (_, r) => r.label.vi },
            { title: t('plans.milestone'), dataIndex: 'milestoneYear', width: 90 },
            {
              title: t('common.actions'),
              width: 120,
              render: (_, r) => (
                <Popconfirm title={t('planEdit.removeConfirm')} okText={t('planEdit.remove')} cancelText={t('common.cancel')} onConfirm={() => remove.mutate(r.id)}>
                  <Button size="small" danger>
                    {t('planEdit.remove')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** An issued plan changes only by amendment: new numbers for a target, with reason and legal basis; the change is shown before it is sent. */
export function AmendAction({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const targetId = Form.useWatch('targetId', form) as string | undefined;
  const values = Form.useWatch([], form) as Record<string, unknown> | undefined;
  const current = plan.content.targets.find((x) => x.id === targetId);
  const amended = current
    ? { ...current, ...(current.comparison === 'range' ? { min: values?.min as number, max: values?.max as number } : { value: values?.value as number }) }
    : undefined;
  const changes = current && amended ? targetChanges([current], [amended]) : [];
  const amend = useMutation({
    mutationFn: (body: unknown) => api.post('plans', `/plans/${encodeURIComponent(plan.planId)}/amendments`, body),
    onSuccess: async () => {
      setOpen(false);
      form.resetFields();
      void message.success(t('planEdit.amended'));
      await queryClient.invalidateQueries({ queryKey: ['plan', plan.planId] });
      await queryClient.invalidateQueries({ queryKey: ['plan-history', plan.planId] });
      await queryClient.invalidateQueries({ queryKey: ['plan-progress', plan.planId] });
    },
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('planEdit.amend')}</Button>
      <Modal
        open={open}
        width={680}
        title={t('planEdit.amend')}
        okText={t('planEdit.sendAmendment')}
        okButtonProps={{ disabled: changes.length === 0 }}
        cancelText={t('common.cancel')}
        confirmLoading={amend.isPending}
        onOk={() => form.submit()}
        onCancel={() => {
          setOpen(false);
          amend.reset();
        }}
        forceRender
      >
        {amend.error && <ErrorAlert error={amend.error} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: { reason: string; legalBasis: string; effectiveDate: Dayjs }) =>
            amend.mutate({
              reason: v.reason.trim(),
              legalBasis: v.legalBasis.trim(),
              effectiveDate: v.effectiveDate.format('YYYY-MM-DD'),
              changes: { targets: plan.content.targets.map((x) => (x.id === amended?.id ? amended : x)) },
              expectedVersion: plan.streamVersion,
            })
          }
        >
          <Form.Item name="targetId" label={t('plans.target')} rules={[{ required: true, message: t('common.required') }]}>
            <FormSelect
              onChange={(id) => {
                const x = plan.content.targets.find((y) => y.id === id);
                form.setFieldsValue({ min: x?.min, max: x?.max, value: x?.value });
              }}
              options={plan.content.targets.map((x) => ({ value: x.id, label: `${i18n.language === 'en' ? x.label.en : x.label.vi} (${x.milestoneYear})` }))}
            />
          </Form.Item>
          {current?.comparison === 'range' ? (
            <Space>
              <Form.Item name="min" label={t('planEdit.min')} rules={[{ required: true, message: t('common.required') }]}>
                <InputNumber min={0} decimalSeparator="," />
              </Form.Item>
              <Form.Item name="max" label={t('planEdit.max')} rules={[{ required: true, message: t('common.required') }]}>
                <InputNumber min={0} decimalSeparator="," />
              </Form.Item>
            </Space>
          ) : current ? (
            <Form.Item name="value" label={t('plans.value')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber min={0} decimalSeparator="," />
            </Form.Item>
          ) : null}
          <Form.Item name="reason" label={t('plans.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="legalBasis" label={t('plans.legalBasis')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input placeholder="Nghị quyết số …/NQ-HĐND" />
          </Form.Item>
          <Form.Item name="effectiveDate" label={t('planEdit.effectiveDate')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker format={DATE_INPUT_FORMATS} />
          </Form.Item>
        </Form>
        <Card size="small" title={t('planEdit.whatChanges')}>
          {changes.length === 0 ? (
            <Typography.Text type="secondary">{t('planEdit.noChangeYet')}</Typography.Text>
          ) : (
            <Table
              size="small"
              pagination={false}
              rowKey={(c) => `${c.targetId}:${c.field}`}
              dataSource={changes}
              data-testid="amendment-preview"
              columns={[
                { title: t('plans.target'), dataIndex: 'label' },
                { title: t('audit.path'), render: (_, c) => t(`planEdit.field_${c.field}`) },
                { title: t('audit.before'), render: (_, c) => formatNumber(c.before, i18n.language) },
                { title: t('audit.after'), render: (_, c) => formatNumber(c.after, i18n.language) },
              ]}
            />
          )}
        </Card>
      </Modal>
    </>
  );
}
