import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * RFC 3161 timestamps of the log's checkpoints: the request, and the checks of a TSA's answer and
 * of a kept token. What is stamped is the checkpoint JWS itself: the token's messageImprint is
 * SHA-256 over the compact JWS's ASCII bytes (so a token binds origin, tree size, root hash, time
 * and the gateway's signature at once). No HTTP here: the stamper carries the bytes.
 */

const SHA256 = '2.16.840.1.101.3.4.2.1';
const TIME_STAMPING_EKU = '1.3.6.1.5.5.7.3.8';
/** How far a TSA's genTime may be from our clock when a token is obtained. */
const GEN_TIME_SKEW_MS = 5 * 60_000;

export class TimestampError extends Error {}

/** SHA-256 of the checkpoint JWS bytes: the messageImprint stamped. */
export function checkpointImprint(jws: string): Buffer {
  return createHash('sha256').update(stampedBytes(jws)).digest();
}

/** The bytes a checkpoint's token stamps: its compact JWS, ASCII. */
export const stampedBytes = (jws: string): Buffer => Buffer.from(jws, 'ascii');

/** The certificates of a PEM file (the TSA's chain, or its trust anchor); at least one. */
/** The PEM blocks of the certificates in a text, each whole. */
export function pemCertificateBlocks(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

export function readCertificates(pem: string): pkijs.Certificate[] {
  const blocks = pemCertificateBlocks(pem);
  if (blocks.length === 0) throw new TimestampError('the file holds no PEM certificate');
  return blocks.map((block) => {
    const der = new X509Certificate(block).raw;
    return pkijs.Certificate.fromBER(der);
  });
}

export interface TimestampRequest {
  readonly der: Buffer;
  readonly nonce: bigint;
}

/** A TimeStampReq (v1, SHA-256, a fresh 64-bit nonce, certReq: true) over `imprint`. */
export function timestampRequest(imprint: Buffer): TimestampRequest {
  const bytes = randomBytes(8);
  bytes[0] = bytes[0]! & 0x7f; // a positive INTEGER
  const nonce = BigInt(`0x${bytes.toString('hex')}`);
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: imprint }),
    }),
    nonce: asn1js.Integer.fromBigInt(nonce),
    certReq: true,
  });
  return { der: Buffer.from(request.toSchema().toBER(false)), nonce };
}

export interface VerifiedToken {
  /** The TimeStampToken (CMS ContentInfo), DER. */
  readonly token: Buffer;
  readonly genTime: Date;
}

/** Checks a TSA's TimeStampResp to a request over checkpoint `jws`: granted, the token valid (see verifyTimestampToken), its nonce ours, its genTime near `now`. */
export async function verifyTimestampResponse(
  der: Buffer,
  expected: { readonly jws: string; readonly nonce: bigint },
  anchors: readonly pkijs.Certificate[],
  now: Date,
): Promise<VerifiedToken> {
  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(new Uint8Array(der));
  } catch (error) {
    throw new TimestampError(`the answer is not a TimeStampResp (${(error as Error).message})`);
  }
  const status = response.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
    const text = response.status.statusStrings?.map((s) => s.valueBlock.value).join('; ');
    throw new TimestampError(`the TSA did not grant the timestamp (status ${status}${text ? `: ${text}` : ''})`);
  }
  if (response.timeStampToken === undefined) throw new TimestampError('the TSA granted no token');
  const token = Buffer.from(response.timeStampToken.toSchema().toBER(false));
  const { genTime, nonce } = await checkToken(token, expected.jws, anchors);
  if (nonce !== expected.nonce) throw new TimestampError('the token does not carry the nonce of the request');
  if (Math.abs(genTime.getTime() - now.getTime()) > GEN_TIME_SKEW_MS) {
    throw new TimestampError(`the token's genTime ${genTime.toISOString()} is not near now (${now.toISOString()})`);
  }
  return { token, genTime };
}

/**
 * Checks a TimeStampToken (DER) of checkpoint `jws`: a CMS SignedData of a TSTInfo whose
 * SHA-256 imprint is the checkpoint's (`checkpointImprint`), signed by a certificate that chains to one of `anchors` (valid at
 * genTime) and carries the timeStamping extended key usage. Answers its genTime.
 */
export async function verifyTimestampToken(token: Buffer, jws: string, anchors: readonly pkijs.Certificate[]): Promise<{ readonly genTime: Date }> {
  return { genTime: (await checkToken(token, jws, anchors)).genTime };
}

async function checkToken(token: Buffer, jws: string, anchors: readonly pkijs.Certificate[]): Promise<{ genTime: Date; nonce: bigint | undefined }> {
  let signed: pkijs.SignedData;
  let info: pkijs.TSTInfo;
  try {
    const content = pkijs.ContentInfo.fromBER(new Uint8Array(token));
    if (content.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error('not a SignedData');
    signed = new pkijs.SignedData({ schema: content.content });
    if (signed.encapContentInfo.eContentType !== pkijs.id_eContentType_TSTInfo) throw new Error('the signed content is not a TSTInfo');
    const eContent = signed.encapContentInfo.eContent;
    if (eContent === undefined) throw new Error('the SignedData carries no TSTInfo');
    info = pkijs.TSTInfo.fromBER(eContent.getValue());
  } catch (error) {
    throw new TimestampError(`the token is not an RFC 3161 TimeStampToken (${(error as Error).message})`);
  }
  if (info.messageImprint.hashAlgorithm.algorithmId !== SHA256) throw new TimestampError('the token does not stamp a SHA-256 imprint');
  if (!Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(checkpointImprint(jws))) {
    throw new TimestampError('the token stamps another imprint than the checkpoint');
  }
  let result: pkijs.SignedDataVerifyResult;
  try {
    result = await signed.verify({ signer: 0, data: new Uint8Array(stampedBytes(jws)).buffer, trustedCerts: [...anchors], checkChain: true, checkDate: info.genTime, extendedMode: true });
  } catch (error) {
    const reason = error instanceof pkijs.SignedDataVerifyError || error instanceof Error ? error.message : String(error);
    throw new TimestampError(`the token's signature or certificate chain does not verify against the configured TSA certificates (${reason})`);
  }
  if (!result.signatureVerified) throw new TimestampError("the token's signature does not verify");
  if (result.signerCertificateVerified !== true) throw new TimestampError("the token's signer does not chain to the configured TSA certificates");
  const eku = result.signerCertificate?.extensions?.find((e) => e.extnID === pkijs.id_ExtKeyUsage)?.parsedValue as pkijs.ExtKeyUsage | undefined;
  if (eku === undefined || !eku.keyPurposes.includes(TIME_STAMPING_EKU)) throw new TimestampError("the token's signer certificate lacks the timeStamping extended key usage");
  return { genTime: info.genTime, nonce: info.nonce?.toBigInt() };
}
