import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as yamlOf } from 'yaml';
import { CONFIG_SCHEMA_REF, configSchemaAjv } from '../../src/config/config-schema.js';
import { configValidator, configValidatorAt } from '../../src/config/config-validator.js';
import { buildConfig, ConfigError, loadConfigFile } from '../../src/config/load-config.js';
import { CONFIG_SCHEMA_SHA256, validateGatewayConfig } from '../../src/generated/config-validator.js';
import { sha256Of } from '../../src/kernel/yaml-document.js';

const valid = () => ({
  party: { id: 'provider', name: 'Provider' },
  storage: 'sqlite:./data/gw.db',
  signing: { keyFile: './keys/gw.jwk' },
  services: [{ id: 'workplace', name: 'Workplace' }],
  partners: [{ id: 'hospital', name: 'Hospital', roles: ['customer'], jwksFile: './hospital.jwks' }],
  agreements: [{ id: 'a1', customer: 'hospital', services: ['workplace'], serviceLevels: { supportHours: '24x7', targets: [] } }],
});

function errorOf(raw: unknown): ConfigError {
  try {
    buildConfig(raw, '/etc/usm-link');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the config file', () => {
  it('takes TLS only when it is whole: a key for each certificate, a client CA for requireClientCert and for a bound partner, https toward a TLS partner', () => {
    expect(buildConfig(valid(), '/etc/usm-link').listen.tls).toBeUndefined();
    const tls = { ...valid(), listen: { port: 8443, tls: { cert: 'tls/gw.crt', keyEnv: 'GW_TLS_KEY', ca: 'tls/partners-ca.pem', requireClientCert: true } } };
    expect(buildConfig(tls, '/etc/usm-link').listen.tls).toEqual({ cert: '/etc/usm-link/tls/gw.crt', keyEnv: 'GW_TLS_KEY', ca: '/etc/usm-link/tls/partners-ca.pem', requireClientCert: true });
    expect(errorOf({ ...valid(), listen: { tls: { cert: 'gw.crt' } } }).path).toBe('/listen/tls');
    expect(errorOf({ ...valid(), listen: { tls: { cert: 'gw.crt', key: 'gw.key', keyEnv: 'K' } } }).path).toBe('/listen/tls');
    expect(errorOf({ ...valid(), listen: { tls: { cert: 'gw.crt', key: 'gw.key', requireClientCert: true } } }).path).toBe('/listen/tls/requireClientCert');
    const partner = (extra: Record<string, unknown>, listen: unknown = tls.listen) => ({ ...valid(), listen, partners: [{ ...valid().partners[0], url: 'https://hospital.example.org', tls: extra }] });
    const pin = 'nEEY/KyJgNFHEudjrGN3rXI/509dylqpEkYpPU/lqPA=';
    const bound = buildConfig(partner({ clientCertSha256: [pin, 'AB:'.repeat(31) + 'AB'], clientCert: 'out.crt', clientKey: 'out.key', ca: 'their-ca.pem', pinSha256: [pin] }), '/etc/usm-link');
    expect(bound.partners[0]!.tls).toMatchObject({ clientCert: '/etc/usm-link/out.crt', clientKey: '/etc/usm-link/out.key', ca: '/etc/usm-link/their-ca.pem', pinSha256: [pin] });
    expect(errorOf(partner({ clientCertSubject: 'hospital' }, { port: 8443 })).path).toBe('/partners/0/tls');
    expect(errorOf(partner({ clientCert: 'out.crt' })).path).toBe('/partners/0/tls');
    expect(errorOf(partner({ clientKey: 'out.key' })).path).toBe('/partners/0/tls');
    expect(errorOf(partner({ pinSha256: ['not-a-pin'] })).path).toBe('/partners/0/tls/pinSha256/0');
    expect(errorOf(partner({ clientCertSha256: ['abc'] })).path).toBe('/partners/0/tls/clientCertSha256/0');
    expect(errorOf({ ...partner({ pinSha256: [pin] }), partners: [{ ...valid().partners[0], url: 'http://hospital.example.org', tls: { pinSha256: [pin] } }] }).message).toMatch(/is not https/);
  });

  it('following a network directory, lets partners come from it: keyless entries, agreements and routes naming members', () => {
    const following = {
      ...valid(),
      network: { url: 'https://operator.example.org/directory.jws', operatorKeys: './operator.jwks.json', refreshSeconds: 30 },
      partners: [{ id: 'hospital', name: 'Hospital', roles: ['customer'] }],
      underpinning: [{ id: 'u1', supplier: 'hosting', services: ['hosting'], serviceLevels: { supportHours: '24x7', targets: [] } }],
      routes: [{ service: 'workplace', supplier: 'hosting', supplierService: 'hosting', agreement: 'u1' }],
    };
    following.agreements = [...following.agreements, { id: 'a2', customer: 'clinic', services: ['workplace'], serviceLevels: { supportHours: '24x7', targets: [] } }];
    const config = buildConfig(following, '/etc/usm-link');
    expect(config.network).toMatchObject({ url: 'https://operator.example.org/directory.jws', operatorKeys: '/etc/usm-link/operator.jwks.json', refreshSeconds: 30 });
    // Without network.url, the same config is refused: the partner has no keys.
    expect(errorOf({ ...following, network: undefined }).path).toBe('/partners/0');
    expect(errorOf({ ...following, network: { url: 'https://operator.example.org/directory.jws' } }).path).toBe('/network/operatorKeys');
    expect(buildConfig({ ...following, network: { url: 'https://o.example.org/d.jws', operatorKeys: { keys: [{ kty: 'OKP' }] } } }, '/etc').network?.refreshSeconds).toBe(300);
  });

  it('refuses support hours it cannot read, naming the key', () => {
    for (const hours of ['weekdays', 'Mo-Fr 18:00-08:00 UTC', 'Mo-Fr 08:00-18:00 Mars/Olympus']) {
      const raw = valid();
      raw.agreements[0]!.serviceLevels.supportHours = hours;
      const error = errorOf(raw);
      expect(error.path).toBe('/agreements/0/serviceLevels/supportHours');
      expect(error.message).toContain(hours);
    }
  });

  it('applies defaults and resolves paths against the file', () => {
    const config = buildConfig(valid(), '/etc/usm-link');
    expect(config.listen).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(config.security.algorithms).toEqual(['EdDSA', 'ES256']);
    expect(config.storage).toBe('sqlite:/etc/usm-link/data/gw.db');
    expect(config.sqlite).toEqual({ cacheMb: 4 });
    expect(buildConfig({ ...valid(), sqlite: { cacheMb: 64 } }, '/x').sqlite.cacheMb).toBe(64);
    expect(errorOf({ ...valid(), sqlite: { cacheMb: 0 } }).path).toBe('/sqlite/cacheMb');
    expect(config.signing.keyFile).toBe('/etc/usm-link/keys/gw.jwk');
    expect(config.partners[0]!.jwksFile).toBe('/etc/usm-link/hospital.jwks');
  });

  it('takes a TMF621 desk connector with its key from a file or the environment, and a partner\'s callback hosts', () => {
    const connector = { baseUrl: 'https://desk.example.net/tmf-api/troubleTicket/v5', issuer: 'provider', audience: 'desk' };
    const config = buildConfig({ ...valid(), deskConnector: { ...connector, keyFile: './desk.jwk' } }, '/etc/usm-link');
    expect(config.deskConnector).toMatchObject({ keyFile: '/etc/usm-link/desk.jwk', pollMs: 5000, timeoutMs: 5000 });
    expect(buildConfig({ ...valid(), deskConnector: { ...connector, keyEnv: 'DESK_JWK' } }, '/x').deskConnector?.keyEnv).toBe('DESK_JWK');
    expect(errorOf({ ...valid(), deskConnector: connector }).path).toBe('/deskConnector');
    expect(errorOf({ ...valid(), deskConnector: { ...connector, keyFile: './k', baseUrl: 'desk.example.net' } }).path).toBe('/deskConnector/baseUrl');
    const raw = valid();
    const withHosts = buildConfig({ ...raw, partners: [{ ...raw.partners[0]!, tmf: { callbackHosts: ['*.hospital.example', 'listener.example.org'] } }] }, '/x');
    expect(withHosts.partners[0]!.tmf).toEqual({ callbackHosts: ['*.hospital.example', 'listener.example.org'], allowPrivateAddresses: false });
    expect(errorOf({ ...raw, partners: [{ ...raw.partners[0]!, tmf: { callbackHosts: ['https://x/'] } }] }).path).toBe('/partners/0/tmf/callbackHosts/0');
  });

  it('takes overrides from the environment layer', () => {
    const config = buildConfig(valid(), '/x', { port: 9000, storage: 'sqlite:/var/lib/usm.db' });
    expect(config.listen.port).toBe(9000);
    expect(config.storage).toBe('sqlite:/var/lib/usm.db');
  });

  it.each([
    ['an unknown key', (c: any) => (c.party.colour = 'blue'), '/party', 'colour'],
    ['a bad party id', (c: any) => (c.party.id = 'Not Valid'), '/party/id', 'pattern'],
    ['a bad algorithm', (c: any) => (c.security = { algorithms: ['HS256'] }), '/security/algorithms/0', 'EdDSA'],
    ['an agreement for an unknown partner', (c: any) => (c.agreements[0].customer = 'nobody'), '/agreements/0/customer', 'unknown partner'],
    ['an agreement for an unknown service', (c: any) => (c.agreements[0].services = ['nope']), '/agreements/0/services/0', 'unknown service'],
    ['a partner with two key sources', (c: any) => (c.partners[0].devKeyFile = './x.jwk'), '/partners/0', 'exactly one'],
    ['a duplicate service', (c: any) => c.services.push({ id: 'workplace', name: 'again' }), '/services/1/id', 'duplicate'],
    ['no signing key source', (c: any) => (c.signing = {}), '/signing', 'keyFile or keyEnv'],
    ['a validity period that ends before it starts', (c: any) => Object.assign(c.agreements[0], { validFrom: '2027-01-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' }), '/agreements/0/validUntil', 'after validFrom'],
    ['levels for a service the agreement does not cover', (c: any) => (c.agreements[0].serviceLevelsByService = { printing: { availability: 99 } }), '/agreements/0/serviceLevelsByService/printing', 'not one of'],
    ['per-service support hours it cannot read', (c: any) => (c.agreements[0].serviceLevelsByService = { workplace: { supportHours: 'weekdays' } }), '/agreements/0/serviceLevelsByService/workplace/supportHours', 'weekdays'],
    ['a team with a partner\'s id', (c: any) => (c.teams = [{ id: 'hospital', name: 'x', services: [{ id: 'db', name: 'DB' }] }]), '/teams/0/id', 'duplicate'],
    ['an operational agreement for a service the team does not provide', (c: any) => Object.assign(c, { teams: [{ id: 'dba', name: 'DBA', services: [{ id: 'db', name: 'DB' }] }], underpinning: [{ id: 'ola', supplier: 'dba', services: ['mail'], serviceLevels: { supportHours: '24x7', targets: [] } }] }), '/underpinning/0/services/0', 'does not provide'],
    ['a validity start that is not a date-time', (c: any) => (c.agreements[0].validFrom = '2027-01-01'), '/agreements/0/validFrom', 'date-time'],
  ])('refuses %s, naming the key', (_name, mutate, path, words) => {
    const raw = valid();
    mutate(raw);
    const error = errorOf(raw);
    expect(error.path).toBe(path);
    expect(error.message).toContain(words);
  });

  describe('routes', () => {
    /** The valid config with a supplier, an underpinning agreement and one route. */
    const withRoute = (route: Record<string, unknown>) => ({
      ...valid(),
      partners: [
        ...valid().partners,
        { id: 'hosting', name: 'Hosting', roles: ['supplier'], url: 'https://hosting.example.org', jwksFile: './hosting.jwks', services: [{ id: 'servers', name: 'Servers' }] },
      ],
      underpinning: [{ id: 'u1', supplier: 'hosting', services: ['servers'], serviceLevels: { supportHours: '24x7', targets: [] } }],
      routes: [{ service: 'workplace', supplier: 'hosting', supplierService: 'servers', agreement: 'u1', ...route }],
    });

    it('accepts service requests handed to a supplier at Operate 4, automatically or by the desk', () => {
      for (const route of [
        { callTypes: ['service_request'], mode: 'auto' },
        { callTypes: ['service_request'], mode: 'auto', at: { process: 'operate', step: 4 }, subCallType: 'service_request', onSupplierResolved: 'resolve' },
        { callTypes: ['service_request'], mode: 'manual' },
        { callTypes: ['service_request'], mode: 'manual', subCallType: 'service_request' },
      ]) {
        expect(buildConfig(withRoute(route), '/etc/usm-link').routes[0]).toMatchObject(route);
      }
    });

    it.each([
      ['a fork at Operate 3 (planning stays with the provider)', { callTypes: ['service_request'], mode: 'auto', at: { process: 'operate', step: 3 } }, '/routes/0/at', 'operate 3 is not a step where USM hands work to a supplier'],
      ['an rfc raised at Operate 4', { callTypes: ['service_request'], mode: 'auto', subCallType: 'rfc' }, '/routes/0/subCallType', 'a rfc cannot be raised at operate 4'],
      ['a service request forked automatically at Recover 3', { callTypes: ['service_request'], mode: 'auto', at: { process: 'recover', step: 3 } }, '/routes/0/at', 'service_request'],
      ['an incident forked automatically at Operate 4', { callTypes: ['incident'], mode: 'auto', at: { process: 'operate', step: 4 } }, '/routes/0/at', 'incident'],
    ])('refuses %s, naming the key', (_name, route, path, words) => {
      const error = errorOf(withRoute(route));
      expect(error.path).toBe(path);
      expect(error.message).toContain(words);
    });
  });

  describe('trigger rules (triggers)', () => {
    const withRule = (rule: Record<string, unknown>) => ({
      ...valid(),
      services: [...valid().services, { id: 'hosting', name: 'Hosting' }],
      agreements: [...valid().agreements, { id: 'own', customer: 'provider', services: ['workplace'], serviceLevels: { supportHours: '24x7', targets: [] } }],
      triggers: [{ service: 'workplace', ...rule }],
    });

    it('takes a rule whose call types trigger what it raises, with none by default', () => {
      expect(buildConfig(valid(), '/etc/usm-link').triggers).toEqual([]);
      const rule = { callTypes: ['incident', 'risk'], raise: 'rfc', agreement: 'own' };
      expect(buildConfig(withRule(rule), '/etc/usm-link').triggers[0]).toMatchObject(rule);
    });

    it.each([
      ['an incident raising a wish (Recover raises an RFC or a service request)', { callTypes: ['incident'], raise: 'wish' }, '/triggers/0/callTypes/0', 'never raises a wish'],
      ['an unknown service', { service: 'nothing', callTypes: ['incident'], raise: 'rfc' }, '/triggers/0/service', 'nothing'],
      ["a customer's agreement", { callTypes: ['incident'], raise: 'rfc', agreement: 'a1' }, '/triggers/0/agreement', "provider's own"],
      ['a service no agreement of the provider covers', { service: 'hosting', callTypes: ['incident'], raise: 'rfc' }, '/triggers/0/agreement', 'no active agreement of provider'],
    ])('refuses %s, naming the key', (_name, rule, path, words) => {
      const error = errorOf(withRule(rule));
      expect(error.path).toBe(path);
      expect(error.message).toContain(words);
    });
  });

  it('names the file when it cannot be read or parsed', async () => {
    await expect(loadConfigFile('/nonexistent/usm-link.yaml')).rejects.toThrow(/cannot read the file \(ENOENT\)/);
    const dir = await mkdtemp(join(tmpdir(), 'usm-config-'));
    await writeFile(join(dir, 'broken.yaml'), '{ "party": { "id": "provider", ');
    await expect(loadConfigFile(join(dir, 'broken.yaml'))).rejects.toThrow(/broken\.yaml: not valid YAML/);
  });

  it('reads a file that is JSON as JSON, and YAML flow style as YAML, to the same config', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usm-config-'));
    const many = { ...valid(), partners: [...valid().partners, ...Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, name: `P ${i}`, roles: ['customer'], jwksFile: `./p${i}.jwks` }))] };
    await writeFile(join(dir, 'config.json'), JSON.stringify(many, null, 2));
    await writeFile(join(dir, 'config.yaml'), yamlOf(many));
    await writeFile(join(dir, 'flow.yaml'), yamlOf(many, { collectionStyle: 'flow' }).replaceAll('"', ''));
    const fromYaml = await loadConfigFile(join(dir, 'config.yaml'));
    expect(fromYaml.partners).toHaveLength(51);
    expect(await loadConfigFile(join(dir, 'config.json'))).toEqual(fromYaml);
    expect(await loadConfigFile(join(dir, 'flow.yaml'))).toEqual(fromYaml);
  });
});

describe('the config check', () => {
  const root = new URL('../../', import.meta.url);

  it('is the one `npm run generate` compiled from config/schema.yaml as the file is now', async () => {
    const text = await readFile(new URL('config/schema.yaml', root), 'utf8');
    // Stale: run `npm run generate` and commit src/generated/config-validator.ts.
    expect(CONFIG_SCHEMA_SHA256).toBe(sha256Of(text));
    expect(configValidator()).toBe(validateGatewayConfig);
  });

  it('judges as the schema compiled at run time does: the same verdicts, errors and defaults', async () => {
    const compiled = configSchemaAjv(parseYaml(await readFile(new URL('config/schema.yaml', root), 'utf8'))).compile({ $ref: CONFIG_SCHEMA_REF });
    const filled = { ...valid(), listen: {}, security: {}, limits: {}, delivery: {}, desk: {}, agreements: [], routes: [] };
    const cases: unknown[] = [
      filled,
      { ...filled, party: { id: 'Provider!', name: 'Provider' } },
      { ...filled, listen: { port: 70000 } },
      { ...filled, surplus: true },
      { ...filled, partners: [{ ...valid().partners[0], roles: ['nobody'] }] },
      { ...filled, party: { id: 'provider', name: '' } },
    ];
    expect(cases.map((input) => validateGatewayConfig(structuredClone(input)))).toEqual([true, false, false, false, false, false]);
    for (const input of cases) {
      const [ours, theirs] = [structuredClone(input), structuredClone(input)];
      expect(validateGatewayConfig(ours)).toBe(compiled(theirs));
      expect(validateGatewayConfig.errors ?? null).toEqual(compiled.errors ?? null);
      expect(ours).toEqual(theirs);
    }
  });

  it('compiles config/schema.yaml at start once the file has changed since it was generated', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usm-schema-'));
    await mkdir(join(dir, 'config'));
    const text = await readFile(new URL('config/schema.yaml', root), 'utf8');
    const changed = text.replace("            name: { type: string, minLength: 1 }\n", "            name: { type: string, minLength: 1 }\n            motto: { type: string }\n");
    expect(changed).not.toBe(text);
    await writeFile(join(dir, 'config', 'schema.yaml'), changed);
    const validate = configValidatorAt(pathToFileURL(`${dir}/`));
    expect(validate).not.toBe(validateGatewayConfig);
    const withMotto = { ...valid(), party: { id: 'provider', name: 'Provider', motto: 'Always on' } };
    expect(validate(structuredClone(withMotto))).toBe(true);
    expect(validateGatewayConfig(structuredClone(withMotto))).toBe(false);
  });
});
