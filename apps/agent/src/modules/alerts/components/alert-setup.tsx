import { Code, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Where monitoring posts, and a working example for each kind of sender. */
export function AlertSetup() {
  const { t } = useTranslation('alertRules');
  // What the browser reached us at; the address the monitoring system must use may differ
  // behind a proxy, so it is shown as an example to adapt, not a fact.
  const endpoint = `${window.location.origin}/api/v1/integrations/alerts`;
  const token = t('setup.tokenPlaceholder');
  const alertmanager = [
    'receivers:',
    '  - name: relaydesk',
    '    webhook_configs:',
    `      - url: ${endpoint}`,
    '        send_resolved: true',
    '        max_alerts: 100',
    '        http_config:',
    '          authorization:',
    '            type: Bearer',
    '            credentials_file: /etc/alertmanager/relaydesk-token',
  ].join('\n');
  const alertmanagerCurl = [
    `curl -sS ${endpoint} \\`,
    `  -H 'Authorization: Bearer ${token}' -H 'Content-Type: application/json' \\`,
    `  -d '{"version":"4","receiver":"relaydesk","status":"firing","alerts":[{"status":"firing",`,
    `       "labels":{"alertname":"HighCpuLoad","instance":"web-1:9100","severity":"critical"},`,
    `       "annotations":{"description":"CPU above 90% for 10 minutes"},"fingerprint":"a1b2c3"}]}'`,
  ].join('\n');
  const zabbix = [
    `curl -sS ${endpoint} \\`,
    `  -H 'Authorization: Bearer ${token}' -H 'Content-Type: application/json' \\`,
    `  -d '{"event_id":"12345","status":"PROBLEM","trigger_name":"High CPU load",`,
    `       "severity":"High","host":"web-1","tags":[{"tag":"service","value":"api"}]}'`,
  ].join('\n');
  const generic = [
    `curl -sS ${endpoint} \\`,
    `  -H 'Authorization: Bearer ${token}' -H 'Content-Type: application/json' \\`,
    `  -d '{"fingerprint":"backup-nightly","status":"firing","title":"Nightly backup failed",`,
    `       "severity":"warning","instance":"nas-1","labels":{"team":"storage"}}'`,
  ].join('\n');
  const example = (title: string, code: string, testId: string) => (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      <Code block data-testid={testId}>
        {code}
      </Code>
    </Stack>
  );
  return (
    <Stack gap="sm" maw={820} data-testid="alert-setup">
      <Title order={4}>{t('setup.title')}</Title>
      <Text size="sm" c="gray.7">
        {t('setup.hint')}
      </Text>
      <Text size="sm">
        {t('setup.endpoint')}: <Code data-testid="alert-endpoint">POST {endpoint}</Code>
      </Text>
      {example(t('setup.alertmanager'), alertmanager, 'alert-setup-alertmanager')}
      {example(t('setup.alertmanagerCurl'), alertmanagerCurl, 'alert-setup-alertmanager-curl')}
      {example(t('setup.zabbix'), zabbix, 'alert-setup-zabbix')}
      {example(t('setup.generic'), generic, 'alert-setup-generic')}
    </Stack>
  );
}
