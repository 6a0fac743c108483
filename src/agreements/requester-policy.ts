import type { AgreementConfig } from '../config/load-config.js';
import type { CallType } from '../usm/usm-model.js';

/** Who the customer authorises under one agreement, and what happens to a call from anyone else. */
export interface RequesterPolicy {
  readonly ids: readonly string[];
  readonly emailDomains: readonly string[];
  /** Requester ids or e-mail addresses (lower case) of those who may submit a wish; anyone known when absent. */
  readonly contractHolders?: readonly string[];
  readonly onUnknown: 'accept' | 'refuse' | 'flag';
}

export interface RequesterIdentity {
  readonly id?: string | undefined;
  readonly email?: string | undefined;
}

/** The policy an agreement of the config file sets; undefined when it declares no requesters. */
export function requesterPolicyOf(agreement: AgreementConfig): RequesterPolicy | undefined {
  const { requesters } = agreement;
  if (requesters === undefined) return undefined;
  return {
    ids: [...(requesters.ids ?? [])],
    emailDomains: (requesters.emailDomains ?? []).map((d) => d.toLowerCase()),
    ...(requesters.contractHolders !== undefined ? { contractHolders: requesters.contractHolders.map((h) => h.toLowerCase()) } : {}),
    onUnknown: agreement.onUnknownRequester ?? 'accept',
  };
}

/**
 * Why a requester is not one the policy knows for a call of this type (a wish needs a contract
 * holder), or undefined when it is.
 */
export function unknownRequester(policy: RequesterPolicy, requester: RequesterIdentity, type: CallType, agreement: string): string | undefined {
  const email = requester.email?.toLowerCase();
  const who = [requester.id, requester.email].filter((v) => v !== undefined).join(', ') || 'a requester without id or e-mail address';
  const domain = email?.slice(email.lastIndexOf('@') + 1);
  const known = (requester.id !== undefined && policy.ids.includes(requester.id)) || (domain !== undefined && email!.includes('@') && policy.emailDomains.includes(domain));
  const holder = (requester.id !== undefined && policy.contractHolders?.includes(requester.id.toLowerCase()) === true) || (email !== undefined && policy.contractHolders?.includes(email) === true);
  if (type === 'wish' && policy.contractHolders !== undefined) return holder ? undefined : `${who} is not a contract holder of agreement ${agreement}, who alone may submit a wish`;
  return known || holder ? undefined : `${who} is not a user the customer authorised under agreement ${agreement}`;
}
