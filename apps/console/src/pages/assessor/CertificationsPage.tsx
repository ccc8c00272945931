import { useState } from 'react';
import { Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { hasRole } from '../../auth/claims';
import { api, type Page } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { ErrorAlert, Loading, StatusTag } from '../../components/common';
import { ActionForm } from '../../components/ActionForm';

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

const STATUSES = ['applied', 'assessed', 'not-passed', 'certified', 'expired', 'revoked'];

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
          </Descriptions>
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
      </Space>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<Certification>
        rowKey="certificationId"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('course.fullName'), render: (_, c) => <a onClick={() => setOpen(c.certificationId)} role="button" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && setOpen(c.certificationId)}>{c.fullName}</a> },
          { title: t('cert.level'), dataIndex: 'levelName' },
          { title: t('common.unit'), dataIndex: 'unitCode', width: 120 },
          { title: t('cert.appliedOn'), render: (_, c) => formatDate(c.appliedOn), width: 130 },
          { title: t('cert.number'), render: (_, c) => c.certificateNumber ?? '—' },
          { title: t('common.status'), render: (_, c) => <StatusTag status={c.status} />, width: 140 },
        ]}
      />
      {open && <CertificationDetail id={open} onClose={() => setOpen(undefined)} />}
    </Space>
  );
}
