import { Attachments } from '../../components/Attachments';
import { useState } from 'react';
import { Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../components/ExportButtons';
import { useAuth } from '../../auth/AuthProvider';
import { hasRole } from '../../auth/claims';
import { api, type Page } from '../../lib/api';
import { formatDate, formatNumber, todayInVietnam } from '../../lib/format';
import { ColourTag, ErrorAlert, Loading, StatusTag } from '../../components/common';
import { ActionForm } from '../../components/ActionForm';
import { serverPagination } from '../../lib/listPaging';

interface Certification {
  certificationId: string;
  fullName: string;
  organisationName?: string;
  unitCode: string;
  levelCode: string;
  levelName: string;
  status: string;
  appliedOn: string;
  evidence: { type: string; title: string; reference: string }[];
  requirements: { criteria: { code: string; maxScore: number; passScore: number }[]; minTotalScore: number; validityYears: number; renewalEvidenceTypes: string[] };
  assessment?: { assessorId: string; totalScore: number; result: string; scores: { criterionCode: string; score: number }[] };
  certificateNumber?: string;
  validFrom?: string;
  validTo?: string;
  revocation?: { reason: string };
}

interface Standard {
  code: string;
  version: string;
  titleVi: string;
  title: string;
  evidenceTypes: { code: string; name: string; nameVi: string }[];
  levels: { code: string; name: string; nameVi: string; requiredEvidenceTypes: string[] }[];
}

/** An officer records an application for productivity-expert certification, with the evidence its level requires. */
function ApplyCertification({ onDone }: { onDone: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { principal } = useAuth();
  const standards = useQuery({ queryKey: ['certification-standards'], queryFn: () => api.get<{ items: Standard[] }>('training', '/certification-standards') });
  const standard = standards.data?.items[0];
  const level = standard?.levels[0];
  const name = (e: { name: string; nameVi: string }) => (i18n.language === 'en' ? e.name : e.nameVi);
  if (!standard || !level) return null;
  return (
    <ActionForm<Record<string, string>>
      primary
      label={t('cert.apply')}
      doneMessage={t('cert.applied')}
      send={(body) => api.post('training', '/certifications', body)}
      onDone={onDone}
      toBody={(v) => ({
        fullName: v.fullName.trim(),
        ...(v.organisationName ? { organisationName: v.organisationName.trim() } : {}),
        ...(v.citizenId ? { citizenId: v.citizenId.trim() } : { personId: `p-${crypto.randomUUID()}` }),
        unitCode: principal!.unit,
        levelCode: level.code,
        evidence: level.requiredEvidenceTypes.map((type) => ({ type, title: v[`title_${type}`].trim(), reference: v[`ref_${type}`].trim() })),
      })}
    >
      <Typography.Paragraph type="secondary">{`${standard.code} — ${name(level)}`}</Typography.Paragraph>
      <Form.Item name="fullName" label={t('course.fullName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="organisationName" label={t('course.organisationName')}>
        <Input />
      </Form.Item>
      <Form.Item name="citizenId" label={t('course.citizenId')} rules={[{ pattern: /^\d{12}$/, message: t('paste.errCitizenId') }]}>
        <Input inputMode="numeric" />
      </Form.Item>
      {level.requiredEvidenceTypes.map((type) => {
        const kind = standard.evidenceTypes.find((e) => e.code === type);
        return (
          <Space key={type} align="start" wrap>
            <Form.Item name={`title_${type}`} label={kind ? name(kind) : type} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name={`ref_${type}`} label={t('registration.evidenceReference')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input style={{ width: 180 }} />
            </Form.Item>
          </Space>
        );
      })}
    </ActionForm>
  );
}

const STATUSES = ['applied', 'assessed', 'not-passed', 'certified', 'active', 'expired', 'revoked'];

/** Days that count as "expires soon": a quarter, time to gather renewal evidence. */
export const EXPIRY_WARNING_DAYS = 90;

/** Where a certificate stands on a day (ISO): valid, expiring within the warning window, or past its validTo but not yet recorded as expired. */
export function certificateValidity(c: Pick<Certification, 'status' | 'validTo'>, today: string): { state: 'none' | 'valid' | 'expiring' | 'past-validity'; daysLeft?: number } {
  if (c.status !== 'certified' || !c.validTo) return { state: 'none' };
  const daysLeft = Math.round((Date.parse(`${c.validTo}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (daysLeft < 0) return { state: 'past-validity', daysLeft };
  return { state: daysLeft <= EXPIRY_WARNING_DAYS ? 'expiring' : 'valid', daysLeft };
}

/** The validity of a certificate in words and colour. */
function ValidityTag({ c }: { c: Pick<Certification, 'status' | 'validTo'> }) {
  const { t } = useTranslation();
  const v = certificateValidity(c, todayInVietnam());
  if (v.state === 'none') return <>{c.validTo ? formatDate(c.validTo) : '—'}</>;
  const colour = v.state === 'valid' ? 'green' : v.state === 'expiring' ? 'orange' : 'red';
  return (
    <Space size={4} wrap>
      <span>{formatDate(c.validTo)}</span>
      <ColourTag colour={colour}>{t(`cert.validity_${v.state}`, { days: v.daysLeft })}</ColourTag>
    </Space>
  );
}

function CertificationDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { principal } = useAuth();
  const queryClient = useQueryClient();
  const cert = useQuery({ queryKey: ['certification', id], queryFn: () => api.get<Certification>('training', `/certifications/${encodeURIComponent(id)}`) });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['certification', id] });
    await queryClient.invalidateQueries({ queryKey: ['certifications'] });
  };
  const post = (path: string) => (body: unknown) => api.post('training', `/certifications/${encodeURIComponent(id)}/${path}`, body);
  const assessor = hasRole(principal, 'expert-assessor');
  const c = cert.data;
  return (
    <Drawer open width={640} onClose={onClose} title={c ? `${c.fullName} — ${c.levelName}` : t('common.loading')}>
      {cert.isLoading && <Loading />}
      <ErrorAlert error={cert.error} />
      {c && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('common.status')}>
              <span data-testid="certification-status"><StatusTag status={c.status} /></span>
            </Descriptions.Item>
            <Descriptions.Item label={t('common.unit')}>{c.unitCode}</Descriptions.Item>
            <Descriptions.Item label={t('cert.appliedOn')}>{formatDate(c.appliedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('cert.evidence')}>{c.evidence.map((e) => `${e.title} (${e.reference})`).join('; ')}</Descriptions.Item>
            {c.assessment && (
              <Descriptions.Item label={t('cert.assessment')}>
                {c.assessment.scores.map((s) => `${s.criterionCode}: ${formatNumber(s.score, i18n.language)}`).join(', ')} — {t('cert.total')} {formatNumber(c.assessment.totalScore, i18n.language)} ({t(`status.${c.assessment.result}`)})
              </Descriptions.Item>
            )}
            {c.certificateNumber && <Descriptions.Item label={t('cert.number')}>{`${c.certificateNumber} · ${formatDate(c.validFrom)} – ${formatDate(c.validTo)}`}</Descriptions.Item>}
            {c.validTo && (
              <Descriptions.Item label={t('cert.validTo')}>
                <span data-testid="certification-validity">
                  <ValidityTag c={c} />
                </span>
              </Descriptions.Item>
            )}
          </Descriptions>
          {hasRole(principal, 'expert-assessor', 'province-admin') && certificateValidity(c, todayInVietnam()).state === 'past-validity' && (
            <ActionForm<object> primary label={t('cert.expire')} doneMessage={t('cert.expiredDone')} send={post('expire')} onDone={refresh} toBody={() => ({})}>
              <Typography.Paragraph>{t('cert.expireConfirm', { validTo: formatDate(c.validTo), number: c.certificateNumber ?? '' })}</Typography.Paragraph>
            </ActionForm>
          )}
          {assessor && (
            <Space wrap>
              {c.status === 'applied' && (
                <ActionForm<Record<string, number>>
                  primary
                  label={t('cert.assess')}
                  doneMessage={t('cert.assessed')}
                  send={post('assessment')}
                  onDone={refresh}
                  toBody={(v) => ({ scores: c.requirements.criteria.map((k) => ({ criterionCode: k.code, score: v[k.code] })) })}
                >
                  <Typography.Paragraph type="secondary">{t('cert.passRule', { min: c.requirements.minTotalScore })}</Typography.Paragraph>
                  {c.requirements.criteria.map((k) => (
                    <Form.Item key={k.code} name={k.code} label={`${t(`criterion.${k.code}`, { defaultValue: k.code })} (${t('cert.passAt', { pass: k.passScore, max: k.maxScore })})`} rules={[{ required: true, message: t('common.required') }]}>
                      <InputNumber min={0} max={k.maxScore} />
                    </Form.Item>
                  ))}
                </ActionForm>
              )}
              {c.status === 'assessed' && (
                <ActionForm<{ certificateNumber: string }> primary label={t('cert.grant')} doneMessage={t('cert.granted')} send={post('grant')} onDone={refresh} toBody={(v) => v}>
                  <Form.Item name="certificateNumber" label={t('cert.number')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                    <Input placeholder="CGNS-QN-2026-002" />
                  </Form.Item>
                </ActionForm>
              )}
              {c.status === 'certified' && (
                <ActionForm<{ title: string; reference: string }>
                  label={t('cert.renew')}
                  doneMessage={t('cert.renewed')}
                  send={post('renew')}
                  onDone={refresh}
                  toBody={(v) => ({ evidence: [{ type: c.requirements.renewalEvidenceTypes[0] ?? 'cpd-record', title: v.title, reference: v.reference }] })}
                >
                  <Form.Item name="title" label={t('cert.renewalEvidence')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                    <Input />
                  </Form.Item>
                  <Form.Item name="reference" label={t('registration.evidenceReference')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                    <Input />
                  </Form.Item>
                </ActionForm>
              )}
              {c.status === 'certified' && (
                <ActionForm<{ reason: string }> danger label={t('cert.revoke')} doneMessage={t('cert.revoked')} send={post('revoke')} onDone={refresh} toBody={(v) => v}>
                  <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                    <Input.TextArea rows={3} />
                  </Form.Item>
                </ActionForm>
              )}
            </Space>
          )}
        </Space>
      )}
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
        {t('attachments.heading')}
      </Typography.Title>
      <Attachments
        service="training"
        recordPath={`/certifications/${encodeURIComponent(id)}`}
        streamId={`expert-certification-${id}`}
        purposes={['application', 'evidence', 'certificate']}
        canAttach={hasRole(principal, 'province-admin', 'department-officer', 'commune-officer', 'expert-assessor')}
      />
    </Drawer>
  );
}

/** Productivity-expert certifications: applications to assess, certificates to grant, renew or revoke. */
export function CertificationsPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const [status, setStatus] = useState<string>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string>();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['certifications', principal?.unit, status, q, page],
    queryFn: () => api.get<Page<Certification>>('training', '/certifications', { unit: principal?.unit, status, q, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('nav.certifications')}
      </Typography.Title>
      <Space wrap>
        <Input.Search aria-label={t('common.search')} placeholder={t('cert.searchPlaceholder')} allowClear onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 300 }} />
        <Select aria-label={t('common.status')} allowClear placeholder={t('common.status')} style={{ width: 200 }} value={status} onChange={(v) => { setStatus(v); setPage(1); }} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <ExportButtons service="training" path="/certifications/export" query={{ unit: principal?.unit, status, q }} name="chung-nhan-chuyen-gia" />
        {hasRole(principal, 'province-admin', 'department-officer', 'commune-officer') && <ApplyCertification onDone={() => queryClient.invalidateQueries({ queryKey: ['certifications'] })} />}
      </Space>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<Certification>
        rowKey="certificationId"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={serverPagination(t, list.data, { current: page, pageSize: 20, onChange: setPage })}
        columns={[
          { title: t('course.fullName'), render: (_, c) => <a onClick={() => setOpen(c.certificationId)} role="button" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && setOpen(c.certificationId)}>{c.fullName}</a> },
          { title: t('cert.level'), dataIndex: 'levelName' },
          { title: t('common.unit'), dataIndex: 'unitCode', width: 120 },
          { title: t('cert.appliedOn'), render: (_, c) => formatDate(c.appliedOn), width: 130 },
          { title: t('cert.number'), render: (_, c) => c.certificateNumber ?? '—' },
          { title: t('cert.validTo'), render: (_, c) => <ValidityTag c={c} />, width: 220 },
          { title: t('common.status'), render: (_, c) => <StatusTag status={c.status} />, width: 140 },
        ]}
      />
      {open && <CertificationDetail id={open} onClose={() => setOpen(undefined)} />}
    </Space>
  );
}
