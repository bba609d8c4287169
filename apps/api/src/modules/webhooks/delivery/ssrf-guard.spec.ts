import { parseAllowEntry } from '../../../config/namespaces/webhooks.config';
import type { WebhookAllowEntry } from '../../../config/config-namespaces';
import { checkTarget, isPublicAddress, TargetRefusedError } from './ssrf-guard';

const allow = (...entries: string[]): WebhookAllowEntry[] =>
  entries.map((e) => parseAllowEntry(e) as WebhookAllowEntry);
const resolver =
  (answers: Record<string, string[]>) =>
  async (host: string): Promise<{ address: string; family: number }[]> =>
    (answers[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('SSRF guard', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    'ff02::1',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '93.184.215.14', '2606:4700::1111'])('lets %s through', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('checks every address a name resolves to, and connects to the checked one', async () => {
    const dns = resolver({
      'mixed.example': ['93.184.215.14', '10.0.0.7'],
      'public.example': ['93.184.215.14', '2606:4700::1111'],
    });
    await expect(checkTarget(new URL('https://mixed.example/'), [], dns)).rejects.toThrow(
      /mixed\.example resolves to 10\.0\.0\.7 \(private\)/,
    );
    const target = await checkTarget(new URL('https://public.example/x'), [], dns);
    expect(target).toMatchObject({ address: '93.184.215.14', family: 4, port: 443 });
  });

  it('refuses plain http, credentials and other schemes unless allowed', async () => {
    const dns = resolver({ 'public.example': ['93.184.215.14'] });
    for (const url of [
      'http://public.example/',
      'ftp://public.example/',
      'https://u:p@public.example/',
    ]) {
      await expect(checkTarget(new URL(url), [], dns)).rejects.toBeInstanceOf(TargetRefusedError);
    }
    await expect(
      checkTarget(new URL('http://public.example:8080/'), allow('public.example:8080'), dns),
    ).resolves.toMatchObject({ port: 8080 });
  });

  it('lets the allow-list open a private target by address, range or name, port included', async () => {
    const dns = resolver({ 'intranet.local': ['10.1.2.3'] });
    const list = allow('127.0.0.1:9000', '10.0.0.0/8', '[::1]:9001');
    await expect(checkTarget(new URL('http://127.0.0.1:9000/'), list, dns)).resolves.toBeTruthy();
    await expect(checkTarget(new URL('http://127.0.0.1:9002/'), list, dns)).rejects.toThrow();
    await expect(checkTarget(new URL('https://intranet.local/'), list, dns)).resolves.toMatchObject(
      { address: '10.1.2.3' },
    );
    await expect(checkTarget(new URL('http://[::1]:9001/'), list, dns)).resolves.toBeTruthy();
    await expect(checkTarget(new URL('https://192.168.0.1/'), list, dns)).rejects.toThrow(
      /192\.168\.0\.1 \(private\)/,
    );
  });

  it('parses allow-list entries and refuses nonsense', () => {
    expect(parseAllowEntry('localhost:8080')).toEqual({
      kind: 'host',
      host: 'localhost',
      port: 8080,
    });
    expect(parseAllowEntry('10.0.0.0/8')).toEqual({ kind: 'cidr', cidr: '10.0.0.0/8', port: null });
    expect(parseAllowEntry('[::1]:80')).toEqual({ kind: 'cidr', cidr: '::1/128', port: 80 });
    for (const bad of ['http://x', 'a b', '10.0.0.0/99', 'host:0', 'host:70000']) {
      expect(parseAllowEntry(bad)).toBeNull();
    }
  });
});
