import type { JWTPayload } from 'jose';
import { jose } from '../kernel/jose.js';
import { isErrorCode } from '../kernel/error-codes.js';
import { codeOf, GatewayError } from '../kernel/gateway-error.js';
import type { Partner, PartnerDirectory } from './partner-directory.js';

export interface ReadTokenVerifier {
  /** The partner a read token was signed by; throws a 401 GatewayError otherwise. */
  verify(authorization: string | undefined): Promise<Partner>;
}

export function createReadTokenVerifier(options: {
  readonly audience: string;
  readonly partners: PartnerDirectory;
  readonly algorithms: readonly string[];
  readonly maxLifetimeSeconds: number;
  readonly clockToleranceSeconds?: number;
  readonly now?: () => number;
}): ReadTokenVerifier {
  const { audience, partners, algorithms, maxLifetimeSeconds } = options;
  const now = options.now ?? Date.now;
  return {
    async verify(authorization) {
      const token = bearerOf(authorization);
      if (token === undefined) throw new GatewayError('USM_ERR_TOKEN_MISSING', 'send Authorization: Bearer <JWT signed with your key>');
      let owner: Partner | undefined;
      let payload: JWTPayload;
      const { jwtVerify } = await jose();
      try {
        ({ payload } = await jwtVerify(
          token,
          (header) => {
            const found = header.kid === undefined ? undefined : partners.keyOwner(header.kid);
            if (found === undefined) throw new GatewayError('USM_ERR_TOKEN_INVALID', 'the token kid is not a known partner key');
            if (found.key.alg !== header.alg) throw new GatewayError('USM_ERR_TOKEN_INVALID', 'the token alg does not fit its key');
            owner = found.partner;
            return found.key.key;
          },
          {
            audience,
            algorithms: [...algorithms],
            requiredClaims: ['iss', 'iat', 'exp'],
            clockTolerance: options.clockToleranceSeconds ?? 30,
            currentDate: new Date(now()),
          },
        ));
      } catch (error) {
        throw translate(error);
      }
      if (owner === undefined || payload.iss !== owner.id) {
        throw new GatewayError('USM_ERR_TOKEN_INVALID', 'the token issuer is not the owner of its key');
      }
      if (payload.iat! > now() / 1000 + (options.clockToleranceSeconds ?? 30)) {
        throw new GatewayError('USM_ERR_TOKEN_INVALID', 'the token was issued in the future');
      }
      if (payload.exp! - payload.iat! > maxLifetimeSeconds) {
        throw new GatewayError('USM_ERR_TOKEN_INVALID', `the token may live at most ${maxLifetimeSeconds} seconds`);
      }
      return owner;
    },
  };
}

function bearerOf(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization);
  return match?.[1];
}

function translate(error: unknown): GatewayError {
  const code = codeOf(error);
  if (isErrorCode(code)) return error as GatewayError;
  // jose's errors, by their documented codes.
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return new GatewayError('USM_ERR_TOKEN_EXPIRED', 'the token has expired');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return new GatewayError('USM_ERR_TOKEN_INVALID', 'the token algorithm is not allowed');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return new GatewayError('USM_ERR_TOKEN_INVALID', `the token claim ${(error as { claim?: string }).claim} is not valid`);
    default:
      return new GatewayError('USM_ERR_TOKEN_INVALID', 'the token does not verify');
  }
}
