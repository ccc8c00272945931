import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ColourTag } from '../../components/common';
import type { EnterpriseClaim } from './claims';

/** The enterprise a claim names, as both claim lists show it: its name (marked when new) and tax code. */
export function ClaimedEnterprise({ claim }: { claim: EnterpriseClaim }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text strong>
        {claim.enterpriseName} {!claim.existing && <ColourTag colour="blue">{t('claim.newEnterprise')}</ColourTag>}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('claim.taxCode')}: {claim.taxCode}
      </Typography.Text>
    </Space>
  );
}
