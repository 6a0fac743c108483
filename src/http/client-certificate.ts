import type { TLSSocket } from 'node:tls';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GatewayError } from '../kernel/gateway-error.js';
import { claimedKid } from '../messages/jws.js';
import type { PartnerDirectory } from '../partners/partner-directory.js';
import { clientCertificateProblem, type PresentedCertificate } from '../partners/partner-tls.js';

/**
 * With a client CA (`listen.tls.ca`): a request carrying a partner's credential (a signed message's
 * `Usm-Signature`, or a read token in `Authorization`) whose key belongs to a partner bound to a
 * client certificate (`partners[].tls.clientCertSha256` / `clientCertSubject`) must have come over a
 * TLS connection with that certificate. Checked in `onRequest`, on the headers and the socket's peer
 * certificate, so a refusal comes before any body is read: 403 USM_ERR_CLIENT_CERTIFICATE. The
 * credential itself is checked later as always; this only ties it to the connection.
 */
export function installClientCertificateCheck(app: FastifyInstance, partners: PartnerDirectory): void {
  app.addHook('onRequest', async (request) => {
    const partner = claimedPartner(request, partners);
    if (partner === undefined) return;
    const problem = clientCertificateProblem(partner, presentedBy(request));
    if (problem !== undefined) throw new GatewayError('USM_ERR_CLIENT_CERTIFICATE', problem);
  });
}

/** The partner whose key a request's signature or read token names, if any. */
function claimedPartner(request: FastifyRequest, partners: PartnerDirectory) {
  const signature = request.headers['usm-signature'];
  const authorization = request.headers.authorization;
  const credential = typeof signature === 'string' ? signature : typeof authorization === 'string' && /^Bearer /i.test(authorization) ? authorization.slice(7).trim() : undefined;
  const kid = credential === undefined ? undefined : claimedKid(credential);
  return kid === undefined ? undefined : partners.keyOwner(kid)?.partner;
}

function presentedBy(request: FastifyRequest): PresentedCertificate {
  const socket = request.raw.socket as Partial<TLSSocket>;
  if (typeof socket.getPeerCertificate !== 'function') return { authorized: false };
  const certificate = socket.getPeerCertificate();
  if (certificate === null || certificate.raw === undefined) return { authorized: false };
  const cn = certificate.subject?.CN;
  return { authorized: socket.authorized === true, der: certificate.raw, ...(typeof cn === 'string' ? { subjectCN: cn } : {}) };
}
