import { Attachments } from '../../components/Attachments';
import { Card, Descriptions, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { hasRole } from '../../auth/claims';
import { api } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { Programme, Registration } from '../../lib/types';
import { ErrorAlert, Loading, StatusTag } from '../../components/common';
import { HistoryTable } from '../../components/HistoryTable';
import { toHistoryEntries } from '../../lib/history';
import { RegistrationActions } from '../registrations/RegistrationActions';

/** One pilot-model registration: where it stands, what can be done next, and its history. */
export function RegistrationDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { principal } = useAuth();
  const reg = useQuery({ queryKey: ['registration', id], queryFn: () => api.get<Registration>('support-programs', `/registrations/${encodeURIComponent(id)}`) });
  const history = useQuery({ queryKey: ['registration', id, 'history'], queryFn: () => api.get<unknown>('support-programs', `/registrations/${encodeURIComponent(id)}/history`) });
  const programme = useQuery({
    queryKey: ['programme', reg.data?.programmeId],
    enabled: !!reg.data,
    queryFn: () => api.get<Programme>('support-programs', `/programmes/${encodeURIComponent(reg.data!.programmeId)}`),
  });
  if (reg.isLoading) return <Loading />;
  if (reg.error) return <ErrorAlert error={reg.error} onRetry={() => void reg.refetch()} />;
  const r = reg.data!;
  const entries = toHistoryEntries(history.data);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('registration.title')} — {r.enterpriseName} <span data-testid="registration-status"><StatusTag status={r.status} /></span>
      </Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('registration.programme')}>{programme.data?.name ?? r.programmeId}</Descriptions.Item>
        <Descriptions.Item label={t('common.unit')}>{r.unitCode}</Descriptions.Item>
        <Descriptions.Item label={t('registration.tools')}>{r.tools.map((x) => t(`tool.${x}`, { defaultValue: x })).join(', ')}</Descriptions.Item>
        <Descriptions.Item label={t('registration.submittedAt')}>{formatDateTime(r.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('registration.description')} span={2}>{r.description ?? '—'}</Descriptions.Item>
        {r.outcome && (
          <Descriptions.Item label={t('registration.gain')} span={2}>
            {formatNumber(r.outcome.productivityGainPercent, i18n.language)} % · {r.outcome.certificatesObtained?.join(', ')} · {r.outcome.evidence.map((e) => `${e.title} (${e.reference})`).join('; ')}
          </Descriptions.Item>
        )}
      </Descriptions>
      <RegistrationActions registration={r} />
      <Card size="small" title={t('attachments.heading')}>
        <Attachments
          service="support-programs"
          recordPath={`/registrations/${encodeURIComponent(r.id)}`}
          streamId={`pilot-model-registration-${r.id}`}
          purposes={['application', 'evidence']}
          canAttach={hasRole(principal, 'enterprise', 'province-admin', 'department-officer', 'commune-officer')}
        />
      </Card>
      <Card size="small" title={t('plans.history')}>
        <ErrorAlert error={history.error} />
        <HistoryTable entries={entries} loading={history.isLoading} />
      </Card>
    </Space>
  );
}
