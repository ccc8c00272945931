import { useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Form, Input, InputNumber, Space, Table, Typography, Upload } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthProvider';
import { hasRole } from '../auth/claims';
import { api, postForm, type Service } from '../lib/api';
import { ColourTag, ErrorAlert } from './common';
import { FormSelect } from './FormSelect';

/** A document attached to a record, as the services show it (libs/attachments' AttachmentView). */
export interface Attachment {
  readonly attachmentId: string;
  readonly purpose: string;
  readonly planVersion?: number;
  readonly title?: string;
  readonly name: string;
  readonly mediaType: string;
  readonly kind: string;
  readonly sizeBytes: number;
  readonly sizeDisplay: string;
  readonly sha256: string;
  readonly addedAt: string;
  readonly addedAtDisplay: string;
  readonly addedBy?: string;
}

interface VerifiedAttachment {
  readonly attachmentId: string;
  readonly object: { readonly status: 'matches' | 'changed' | 'missing' | 'unreachable' };
}

interface AttachmentsAudit {
  readonly chain: { readonly ok: boolean };
  readonly attachments: readonly VerifiedAttachment[];
  readonly ok: boolean;
}

/** The SHA-256 of a file, in hex, computed in the browser (the file never leaves the machine). */
export async function sha256Hex(file: Blob): Promise<string> {
  const bytes: ArrayBuffer =
    typeof file.arrayBuffer === 'function'
      ? await file.arrayBuffer()
      : await new Promise((resolve, reject) => {
          // Older engines (and the test DOM) read a file only through FileReader.
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as ArrayBuffer);
          reader.onerror = () => reject(reader.error);
          reader.readAsArrayBuffer(file);
        });
  // A copy in this realm's typed array (a test DOM hands out its own ArrayBuffer, which WebCrypto refuses).
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(new Uint8Array(bytes));
  const digest = await crypto.subtle.digest('SHA-256', copy);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const OBJECT_COLOURS = { matches: 'green', changed: 'red', missing: 'red', unreachable: 'orange' } as const;

interface UploadValues {
  purpose: string;
  title?: string;
  planVersion?: number;
}

/**
 * The documents of a record (a plan, a registration, a certification, a nomination): the list with
 * each file's fingerprint, a time-limited download, an upload for those who may write the record,
 * a check of a file one holds against the recorded fingerprints, and — for auditors — the audit
 * service's verification that the stored files still match what the events recorded.
 */
export function Attachments({
  service,
  recordPath,
  streamId,
  purposes,
  canAttach,
  amendments,
}: {
  service: Service;
  /** e.g. /plans/<id>: the record's attachments are at <recordPath>/attachments. */
  recordPath: string;
  /** The record's stream id, which the audit service verifies by. */
  streamId: string;
  purposes: readonly string[];
  canAttach: boolean;
  /** For a plan: the versions its amendments made, offered when the document is an amendment's (newest first). */
  amendments?: readonly { version: number; label: string }[];
}) {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UploadValues>();
  const [file, setFile] = useState<File>();
  const [purpose, setPurpose] = useState<string>();
  const key = ['attachments', service, recordPath];
  const list = useQuery({ queryKey: key, queryFn: () => api.get<Attachment[]>(service, `${recordPath}/attachments`) });
  const upload = useMutation({
    mutationFn: (v: UploadValues) => {
      if (!file) throw new Error(t('attachments.chooseFileFirst'));
      const body = new FormData();
      body.append('purpose', v.purpose);
      if (v.title?.trim()) body.append('title', v.title.trim());
      if (v.planVersion !== undefined && v.planVersion !== null) body.append('planVersion', String(v.planVersion));
      body.append('file', file, file.name);
      return postForm<Attachment>(service, `${recordPath}/attachments`, body);
    },
    onSuccess: async (added) => {
      form.resetFields();
      setFile(undefined);
      setPurpose(undefined);
      void message.success(t('attachments.added', { name: added.name }));
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const download = useMutation({
    mutationFn: async (a: Attachment) => {
      const link = await api.get<{ url: string }>(service, `${recordPath}/attachments/${encodeURIComponent(a.attachmentId)}/link`);
      const anchor = document.createElement('a');
      anchor.href = link.url;
      anchor.target = '_blank';
      anchor.rel = 'noopener';
      document.body.appendChild(anchor);
      anchor.click();
      anchor.remove();
    },
  });
  const [checked, setChecked] = useState<{ name: string; sha256: string }>();
  const check = useMutation({ mutationFn: async (f: File) => setChecked({ name: f.name, sha256: await sha256Hex(f) }) });
  const auditor = hasRole(principal, 'auditor');
  const verify = useMutation({ mutationFn: () => api.get<AttachmentsAudit>('audit', `/audit/streams/${encodeURIComponent(streamId)}/attachments`) });
  const verified = new Map((verify.data?.attachments ?? []).map((a) => [a.attachmentId, a.object.status]));
  // A list, whatever else an answer holds (a proxy error page, a test fake answering every GET alike).
  const attachments = Array.isArray(list.data) ? list.data : [];
  const match = checked && attachments.find((a) => a.sha256 === checked.sha256);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<Attachment>
        rowKey="attachmentId"
        size="small"
        loading={list.isLoading}
        dataSource={attachments}
        pagination={false}
        locale={{ emptyText: t('attachments.none') }}
        columns={[
          {
            title: t('attachments.document'),
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{a.title ?? a.name}</Typography.Text>
                <Typography.Text type="secondary">
                  {a.name} · {a.kind} · {a.sizeDisplay}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('attachments.purpose'), render: (_, a) => `${t(`attachments.purpose_${a.purpose}`, { defaultValue: a.purpose })}${a.planVersion ? ` (v${a.planVersion})` : ''}`, width: 170 },
          {
            title: t('attachments.addedBy'),
            width: 190,
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                <span>{a.addedBy ?? ''}</span>
                <Typography.Text type="secondary">{a.addedAtDisplay}</Typography.Text>
              </Space>
            ),
          },
          { title: t('attachments.fingerprint'), render: (_, a) => <Typography.Text code copyable={{ text: a.sha256 }}>{a.sha256.slice(0, 12)}…</Typography.Text>, width: 170 },
          ...(verify.data
            ? [
                {
                  title: t('attachments.inStore'),
                  width: 150,
                  render: (_: unknown, a: Attachment) => {
                    const status = verified.get(a.attachmentId);
                    return status ? <ColourTag colour={OBJECT_COLOURS[status]}>{t(`attachments.object_${status}`)}</ColourTag> : '—';
                  },
                },
              ]
            : []),
          {
            title: '',
            width: 120,
            render: (_, a) => (
              <Button size="small" onClick={() => download.mutate(a)} loading={download.isPending && download.variables?.attachmentId === a.attachmentId} aria-label={`${t('attachments.download')}: ${a.name}`}>
                {t('attachments.download')}
              </Button>
            ),
          },
        ]}
      />
      {download.error && <ErrorAlert error={download.error} />}

      <Space wrap align="start">
        <Upload
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            check.mutate(f);
            return false;
          }}
        >
          <Button>{t('attachments.checkFile')}</Button>
        </Upload>
        {auditor && (
          <Button onClick={() => verify.mutate()} loading={verify.isPending}>
            {t('attachments.verify')}
          </Button>
        )}
      </Space>
      {checked &&
        (match ? (
          <Alert type="success" showIcon message={t('attachments.fileMatches', { file: checked.name, name: match.title ?? match.name, date: match.addedAtDisplay })} />
        ) : (
          <Alert type="warning" showIcon message={t('attachments.fileDiffers', { file: checked.name })} description={`SHA-256 ${checked.sha256}`} />
        ))}
      {verify.error && <ErrorAlert error={verify.error} />}
      {verify.data && (
        <Alert
          type={verify.data.ok ? 'success' : 'error'}
          showIcon
          message={verify.data.ok ? t('attachments.verifiedOk') : verify.data.chain.ok ? t('attachments.verifiedObjectsDiffer') : t('attachments.verifiedChainBroken')}
        />
      )}

      {canAttach && (
        <Form<UploadValues> form={form} layout="inline" onFinish={(v) => upload.mutate(v)} style={{ rowGap: 8 }}>
          <Form.Item name="purpose" label={t('attachments.purpose')} rules={[{ required: true, message: t('common.required') }]}>
            <FormSelect style={{ width: 200 }} onChange={(v) => {
                setPurpose(v as string);
                if (v === 'amendment' && amendments?.length) form.setFieldValue('planVersion', amendments[0]!.version);
              }} options={purposes.map((p) => ({ value: p, label: t(`attachments.purpose_${p}`, { defaultValue: p }) }))} />
          </Form.Item>
          {purpose === 'amendment' && (
            <Form.Item name="planVersion" label={t('attachments.planVersion')} rules={[{ required: true, message: t('common.required') }]}>
              {amendments ? <FormSelect style={{ width: 320 }} notFoundContent={t('attachments.noAmendments')} options={amendments.map((a) => ({ value: a.version, label: a.label }))} /> : <InputNumber min={2} max={100000} />}
            </Form.Item>
          )}
          <Form.Item name="title" label={t('attachments.title')}>
            <Input maxLength={300} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item label={t('attachments.file')} required>
            <Upload
              maxCount={1}
              accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(undefined)}
              fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
            >
              <Button icon={<UploadOutlined />}>{t('attachments.chooseFile')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={upload.isPending} disabled={!file}>
              {t('attachments.attach')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {upload.error && <ErrorAlert error={upload.error} />}
    </Space>
  );
}
