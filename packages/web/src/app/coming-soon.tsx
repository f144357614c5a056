// /org and /admin: the pages are not built yet; say so and point to what exists.
import { Card, Typography } from 'antd';
import { usePrefs } from './i18n.tsx';
import { PageShell } from './shell.tsx';

/** A plain page for portals that are not built yet. */
export default function ComingSoon() {
  const { t } = usePrefs();
  return (
    <PageShell title={t('建设中', 'Not yet available')}>
      <Card>
        <Typography.Title level={1}>{t('此页面正在建设', 'This page is being built')}</Typography.Title>
        <Typography.Paragraph>
          {t('请使用接口文档：', 'Use the API documentation: ')}
          <a href="/api/docs">/api/docs</a>
        </Typography.Paragraph>
        <Typography.Paragraph>
          <a href="/">{t('返回首页', 'Back to the home page')}</a>
        </Typography.Paragraph>
      </Card>
    </PageShell>
  );
}
