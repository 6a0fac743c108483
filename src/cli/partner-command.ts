import { parseArgs } from 'node:util';
import { createPartnerClient } from '../client/partner-client.js';
import { readEnvironment } from '../config/environment.js';
import { loadConfigFile } from '../config/load-config.js';
import { signingKeyOf } from '../keys/jwk.js';
import { readOrCreatePrivateJwk } from '../keys/key-files.js';
import { baseUrlOf, defaultConfigFile, printAnswer } from './gateway-access.js';
import { UsageError } from './usage-error.js';

/** `usm-link send|get|token`: acts as a partner of a gateway, signing with the partner's private key. */
export async function partnerCommand(command: 'send' | 'get' | 'token', args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      url: { type: 'string' },
      to: { type: 'string' },
      as: { type: 'string' },
      key: { type: 'string' },
      call: { type: 'string' },
      type: { type: 'string', default: 'incident' },
      summary: { type: 'string' },
      description: { type: 'string' },
      service: { type: 'string' },
      agreement: { type: 'string' },
      impact: { type: 'string', default: 'medium' },
      urgency: { type: 'string', default: 'medium' },
      requester: { type: 'string' },
      'external-ref': { type: 'string' },
      text: { type: 'string' },
      information: { type: 'boolean', default: false },
      feedback: { type: 'string' },
      reason: { type: 'string' },
    },
  });
  const config = values.url !== undefined && values.to !== undefined ? undefined : await loadConfigFile(values.config ?? defaultConfigFile(), readEnvironment().overrides);
  const as = values.as ?? config?.partners.find((p) => p.roles.includes('customer') && p.devKeyFile !== undefined)?.id;
  if (as === undefined) throw new UsageError('name the partner with --as');
  const keyFile = values.key ?? config?.partners.find((p) => p.id === as)?.devKeyFile;
  if (keyFile === undefined) throw new UsageError(`give the private key of ${as} with --key FILE`);
  const { jwk } = await readOrCreatePrivateJwk(keyFile, false);
  const client = createPartnerClient({
    baseUrl: values.url ?? baseUrlOf(config!),
    from: as,
    to: values.to ?? config!.party.id,
    key: signingKeyOf(jwk),
  });

  if (command === 'token') {
    process.stdout.write(`${await client.readToken()}\n`);
    return 0;
  }
  if (command === 'get') {
    const path = positionals[0];
    if (path === undefined) throw new UsageError('usage: usm-link get PATH (e.g. /v1/calls)');
    return printAnswer(await client.get(path));
  }
  const what = positionals[0];
  const callPath = (suffix: string): string => {
    if (values.call === undefined) throw new UsageError(`send ${what} needs --call ID`);
    return `/v1/calls/${encodeURIComponent(values.call)}/${suffix}`;
  };
  /** A follow-up carries its call's chain id, read from the gateway first. */
  const followUp = async (suffix: string, type: 'call.note' | 'call.confirm' | 'call.reopen' | 'call.cancel', data: object): Promise<number> => {
    const path = callPath(suffix);
    const call = await client.get(path.slice(0, path.lastIndexOf('/')));
    if (call.status !== 200) return printAnswer(call);
    return printAnswer(await client.send(path, client.envelope(type, data, { chainId: (call.body as { chainId: string }).chainId })));
  };
  switch (what) {
    case 'call': {
      const agreement = values.agreement ?? config?.agreements.find((a) => a.customer === as && (a.status ?? 'active') === 'active');
      const agreementId = typeof agreement === 'string' ? agreement : agreement?.id;
      const service = values.service ?? (typeof agreement === 'object' ? agreement.services[0] : undefined);
      if (agreementId === undefined || service === undefined) throw new UsageError('give --agreement and --service');
      return printAnswer(
        await client.send(
          '/v1/calls',
          client.envelope('call.submit', {
            type: values.type,
            service,
            agreement: agreementId,
            summary: values.summary ?? 'Test call from the usm-link CLI',
            ...(values.description !== undefined ? { description: values.description } : {}),
            impact: values.impact,
            urgency: values.urgency,
            requester: { name: values.requester ?? process.env.USER ?? 'usm-link CLI' },
            ...(values['external-ref'] !== undefined ? { externalRef: values['external-ref'] } : {}),
          }),
        ),
      );
    }
    case 'note':
      if (values.text === undefined) throw new UsageError('send note needs --text');
      return followUp('notes', 'call.note', { text: values.text, kind: values.information ? 'information' : 'comment' });
    case 'confirm':
      return followUp('confirm', 'call.confirm', values.feedback !== undefined ? { feedback: values.feedback } : {});
    case 'reopen':
      if (values.reason === undefined) throw new UsageError('send reopen needs --reason');
      return followUp('reopen', 'call.reopen', { reason: values.reason });
    case 'cancel':
      return followUp('cancel', 'call.cancel', values.reason !== undefined ? { reason: values.reason } : {});
    default:
      throw new UsageError('usage: usm-link send call|note|confirm|reopen|cancel ...');
  }
}
