import { Alert, Empty, Result, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';

/** The API's own message where the user acted (403/409/422…), or what went wrong on the way. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const e = error as Error;
  const status = error instanceof ApiError ? error.status : undefined;
  const title =
    status === 0 || e.message === 'network'
      ? t('error.network')
      : status === 401
        ? t('error.unauthorized')
        : status === 403
          ? t('error.forbidden')
          : status === 404
            ? t('error.notFound')
            : status === 409
              ? t('error.conflict')
              : status && status < 500
                ? t('error.refused')
                : t('error.server');
  const message = status === 0 || e.message === 'network' ? undefined : e.message;
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      message={title}
      description={message}
      action={onRetry ? <a onClick={onRetry}>{t('common.retry')}</a> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
      <div style={{ marginTop: 8 }}>{label ?? t('common.loading')}</div>
    </div>
  );
}

export function EmptyState({ description }: { description?: string }) {
  const { t } = useTranslation();
  return <Empty description={description ?? t('common.empty')} />;
}

export function NotAllowed() {
  const { t } = useTranslation();
  return <Result status="403" title={t('error.forbidden')} subTitle={t('error.pageNotForRole')} />;
}

const STATUS_COLOURS: Record<string, string> = {
  'on-track': 'green',
  achieved: 'green',
  met: 'green',
  exceeded: 'green',
  'at-risk': 'orange',
  behind: 'orange',
  missed: 'red',
  draft: 'default',
  issued: 'blue',
  amended: 'blue',
  closed: 'default',
  open: 'green',
  submitted: 'gold',
  'under-review': 'blue',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
  'in-implementation': 'cyan',
  implementing: 'cyan',
  completed: 'purple',
  scheduled: 'blue',
  cancelled: 'default',
  applied: 'gold',
  assessed: 'blue',
  passed: 'cyan',
  'not-passed': 'red',
  granted: 'green',
  active: 'green',
  revoked: 'red',
  expired: 'default',
  nominated: 'gold',
  'under-evaluation': 'blue',
  evaluating: 'blue',
  decided: 'green',
  awarded: 'green',
  'not-awarded': 'default',
  returned: 'orange',
  due: 'gold',
  late: 'red',
};

/** A status word in the reader's language with its colour (green on track, orange at risk, red missed…). */
export function StatusTag({ status }: { status?: string | null }) {
  const { t } = useTranslation();
  if (!status) return <Tag>—</Tag>;
  return <Tag color={STATUS_COLOURS[status] ?? 'default'}>{t(`status.${status}`, { defaultValue: status })}</Tag>;
}
