import { parseAlertPayload } from './alert-payload.parser';
import { ALERT_LIMITS } from './normalized-alert';

const amAlert = (extra: Record<string, unknown> = {}) => ({
  status: 'firing',
  labels: { alertname: 'HighCpu', instance: 'web-1:9100', severity: 'Critical' },
  annotations: { summary: 'CPU above 90%', description: 'Load is 12' },
  startsAt: '2026-12-06T08:00:00.123456789Z',
  endsAt: '0001-01-01T00:00:00Z',
  generatorURL: 'http://prometheus/graph',
  fingerprint: 'a1b2c3d4e5f60718',
  ...extra,
});
const am = (alerts: unknown[], extra: Record<string, unknown> = {}) => ({
  version: '4',
  groupKey: '{}:{alertname="HighCpu"}',
  status: 'firing',
  receiver: 'relaydesk',
  alerts,
  ...extra,
});

describe('parseAlertPayload', () => {
  it('reads an Alertmanager webhook: each alert with its status, labels and times', () => {
    const r = parseAlertPayload(
      am([amAlert(), amAlert({ status: 'resolved', fingerprint: 'ff' })]),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.alerts).toHaveLength(2);
    expect(r.alerts[0]).toMatchObject({
      source: 'alertmanager',
      fingerprint: 'a1b2c3d4e5f60718',
      status: 'firing',
      title: 'HighCpu',
      instance: 'web-1:9100',
      severity: 'critical',
      description: 'Load is 12',
      endsAt: null,
      url: 'http://prometheus/graph',
    });
    expect(r.alerts[0].startsAt?.toISOString()).toBe('2026-12-06T08:00:00.123Z');
    expect(r.alerts[1]).toMatchObject({ status: 'resolved', fingerprint: 'ff' });
  });

  it('derives a stable fingerprint from the labels when Alertmanager sends none', () => {
    const a = parseAlertPayload(am([amAlert({ fingerprint: undefined })]));
    const b = parseAlertPayload(
      am([
        amAlert({
          fingerprint: undefined,
          labels: { severity: 'Critical', instance: 'web-1:9100', alertname: 'HighCpu' },
        }),
      ]),
    );
    if (!a.ok || !b.ok) throw new Error('not parsed');
    expect(a.alerts[0].fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(b.alerts[0].fingerprint).toBe(a.alerts[0].fingerprint);
  });

  it('refuses more alerts, labels or longer values than the limits, naming the field', () => {
    const many = Array.from({ length: ALERT_LIMITS.alertsPerRequest + 1 }, () => amAlert());
    expect(parseAlertPayload(am(many))).toMatchObject({
      ok: false,
      status: 400,
      errors: [{ field: 'alerts' }],
    });
    const labels = Object.fromEntries(
      Array.from({ length: ALERT_LIMITS.labels + 1 }, (_, i) => [`l${i}`, 'v']),
    );
    expect(parseAlertPayload(am([amAlert(), amAlert({ labels })]))).toMatchObject({
      ok: false,
      status: 400,
      errors: [{ field: 'alerts.1.labels' }],
    });
    const long = 'x'.repeat(ALERT_LIMITS.labelValue + 1);
    expect(parseAlertPayload(am([amAlert({ labels: { alertname: long } })]))).toMatchObject({
      ok: false,
      errors: [{ field: 'alerts.0.labels.alertname' }],
    });
  });

  it('names every wrong type at once instead of throwing', () => {
    const r = parseAlertPayload(
      am([
        amAlert({ status: 'burning', labels: { a: 1 }, annotations: [], startsAt: 'yesterday' }),
        'not an alert',
      ]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual([
      'alerts.0.status',
      'alerts.0.labels.a',
      'alerts.0.annotations',
      'alerts.0.startsAt',
      'alerts.1',
    ]);
  });

  it('answers 422 for another Alertmanager payload version', () => {
    expect(parseAlertPayload(am([amAlert()], { version: '5' }))).toMatchObject({
      ok: false,
      status: 422,
    });
  });

  it('reads a Zabbix problem, and a recovery by the problem event id', () => {
    const problem = parseAlertPayload({
      event_id: '12345',
      status: 'PROBLEM',
      recovery_event_id: '{EVENT.RECOVERY.ID}',
      trigger_id: 23001,
      trigger_name: 'High CPU load',
      trigger_description: 'Load above 5 for 5 minutes',
      severity: '4',
      host: 'web-1',
      tags: [{ tag: 'service', value: 'api' }],
    });
    if (!problem.ok) throw new Error(JSON.stringify(problem.errors));
    expect(problem.alerts[0]).toMatchObject({
      source: 'zabbix',
      fingerprint: '12345',
      status: 'firing',
      title: 'High CPU load',
      instance: 'web-1',
      severity: 'high',
      labels: { service: 'api', host: 'web-1', severity: 'high', trigger_id: '23001' },
    });
    for (const recovery of [
      { event_id: '12345', status: 'RESOLVED', trigger_name: 'High CPU load' },
      { event_id: '12345', status: 'OK', trigger_name: 'High CPU load' },
      { event_id: '12345', recovery_event_id: '12399', trigger_name: 'High CPU load' },
    ]) {
      expect(parseAlertPayload(recovery)).toMatchObject({
        ok: true,
        alerts: [{ fingerprint: '12345', status: 'resolved' }],
      });
    }
  });

  it('refuses a Zabbix message whose required macros were not expanded (422)', () => {
    expect(
      parseAlertPayload({ event_id: '{EVENT.ID}', status: 'PROBLEM', trigger_name: 'x' }),
    ).toMatchObject({ ok: false, status: 422, errors: [{ field: 'event_id' }] });
  });

  it('reads the generic form and refuses unknown fields in it', () => {
    const r = parseAlertPayload({
      fingerprint: 'backup-nightly',
      status: 'firing',
      title: 'Backup failed',
      severity: 'Warning',
      labels: { team: 'ops' },
    });
    expect(r).toMatchObject({
      ok: true,
      alerts: [
        {
          source: 'generic',
          fingerprint: 'backup-nightly',
          severity: 'warning',
          labels: { team: 'ops', severity: 'warning' },
        },
      ],
    });
    expect(
      parseAlertPayload({ fingerprint: 'f', status: 'firing', title: 't', colour: 'red' }),
    ).toMatchObject({ ok: false, status: 400, errors: [{ field: 'colour' }] });
  });

  it('says when a body is none of the formats, and honours ?format=', () => {
    expect(parseAlertPayload({ hello: 'world' })).toMatchObject({ ok: false, status: 400 });
    expect(parseAlertPayload([1, 2])).toMatchObject({ ok: false, status: 400 });
    expect(parseAlertPayload({ hello: 'world' }, 'generic')).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([{ field: 'fingerprint', message: 'is required' }]),
    });
  });
});
