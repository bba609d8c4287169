import { mailboxKey, networkKey } from './web-form-keys';

describe('web form keys', () => {
  it('one mailbox however it is spelled: case and +tag', () => {
    expect(mailboxKey('Victim+1@Example.COM')).toBe('victim@example.com');
    expect(mailboxKey('victim+a+b@example.com')).toBe('victim@example.com');
    expect(mailboxKey('victim@example.com')).toBe('victim@example.com');
  });

  it('an IPv6 client counts by its /64, IPv4 (also mapped) by its address', () => {
    expect(networkKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(networkKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(networkKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(networkKey('2001:db8:1:2::')).toBe('2001:db8:1:2::/64');
    expect(networkKey('::1')).toBe('0:0:0:0::/64');
    expect(networkKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(networkKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(networkKey('203.0.113.7')).toBe('203.0.113.7');
    expect(networkKey('unknown')).toBe('unknown');
  });
});
