import type React from 'react';
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
  confirmed: 'green',
  refused: 'red',
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
  certified: 'green',
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
  'backfill-running': 'blue',
  'backfill-done': 'green',
  'backfill-failed': 'red',
};

// Ant Design's preset tag colours (gold, orange on light backgrounds) fail WCAG AA contrast; these pass.
const TAG_STYLES: Record<string, { color: string; background: string; borderColor: string }> = {
  green: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  orange: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  red: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
  blue: { color: '#003a8c', background: '#e6f4ff', borderColor: '#91caff' },
  gold: { color: '#614700', background: '#fffbe6', borderColor: '#ffe58f' },
  cyan: { color: '#00474f', background: '#e6fffb', borderColor: '#87e8de' },
  purple: { color: '#22075e', background: '#f9f0ff', borderColor: '#d3adf7' },
  default: { color: '#262626', background: '#fafafa', borderColor: '#d9d9d9' },
};

/** A tag in one of the accessible colours. */
export function ColourTag({ colour, children }: { colour: keyof typeof TAG_STYLES; children: React.ReactNode }) {
  return <Tag style={TAG_STYLES[colour]}>{children}</Tag>;
}

/** A status word in the reader's language with its colour (green on track, orange at risk, red missed…). */
export function StatusTag({ status }: { status?: string | null }) {
  const { t } = useTranslation();
  if (!status) return <Tag>—</Tag>;
  const colour = STATUS_COLOURS[status] ?? 'default';
  return (
    <Tag style={TAG_STYLES[colour]} data-colour={colour}>
      {t(`status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
