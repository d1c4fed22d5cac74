import { isPublicAddress, refuseTarget, refuseUrl } from './webhook-target';

describe('webhook targets', () => {
  it.each(['8.8.8.8', '1.1.1.1', '203.162.4.191', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('%s is public', (ip) => expect(isPublicAddress(ip)).toBe(true));

  it.each([
    '127.0.0.1', '127.255.0.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
    '224.0.0.1', '255.255.255.255', '198.18.0.1', '::1', '::', 'fe80::1', 'fd00::1', 'fc00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1',
    '64:ff9b::a00:1', 'ff02::1', 'not-an-ip',
  ])('%s is not public', (ip) => expect(isPublicAddress(ip)).toBe(false));

  it.each([
    ['http://hooks.example.vn/x', 'only https://'],
    ['ftp://hooks.example.vn/x', 'only https://'],
    ['https://user:pw@hooks.example.vn/x', 'credentials'],
    ['https://hooks.example.vn/x#frag', 'fragment'],
    ['https://127.0.0.1/x', 'not a public address'],
    ['https://[::1]:8443/x', 'not a public address'],
    ['https://169.254.169.254/latest/meta-data', 'not a public address'],
    ['https://localhost/x', 'not a public host name'],
    ['https://intranet/x', 'not a public host name'],
    ['not a url', 'not an absolute URL'],
  ])('production refuses %s', (url, reason) => expect(refuseUrl(url, false)?.reason).toContain(reason));

  it('development (private targets allowed) accepts http and loopback, still no credentials', () => {
    expect(refuseUrl('http://127.0.0.1:4010/hooks', true)).toBeNull();
    expect(refuseUrl('http://localhost:4010/hooks', true)).toBeNull();
    expect(refuseUrl('http://u:p@127.0.0.1/hooks', true)?.reason).toContain('credentials');
  });

  it('judges every resolved address: a public name resolving to a private address is refused', async () => {
    const resolveTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    expect(await refuseTarget('https://hooks.example.vn/x', false, resolveTo('203.162.4.191'))).toBeNull();
    expect((await refuseTarget('https://hooks.example.vn/x', false, resolveTo('203.162.4.191', '10.0.0.5')))?.reason).toContain('resolves to 10.0.0.5');
    expect((await refuseTarget('https://rebind.example.vn/x', false, resolveTo('127.0.0.1')))?.reason).toContain('not a public address');
    const failing = async () => {
      throw Object.assign(new Error('nx'), { code: 'ENOTFOUND' });
    };
    expect((await refuseTarget('https://nowhere.example.vn/x', false, failing))?.reason).toContain('does not resolve (ENOTFOUND)');
    expect(await refuseTarget('http://127.0.0.1:9/x', true, failing)).toBeNull();
  });
});
