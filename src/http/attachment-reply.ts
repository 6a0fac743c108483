import type { FastifyReply } from 'fastify';
import type { AttachmentChecker } from '../attachments/attachment-checker.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { HeldAttachment } from '../ports/call.js';

/** Sends an attachment's checked content: opaque bytes, never rendered by a browser as the sender chose. */
export async function sendAttachment(reply: FastifyReply, attachment: HeldAttachment, checker: AttachmentChecker): Promise<FastifyReply> {
  const bytes = await checker.content(attachment.sha256);
  if (bytes === undefined) throw new GatewayError('USM_ERR_ATTACHMENT_NOT_FOUND', `the content of ${attachment.sha256} is not kept here`);
  return reply
    .code(200)
    .header('content-type', 'application/octet-stream')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', 'attachment')
    .header('digest-sha256', attachment.sha256)
    .header('cache-control', 'private, no-store')
    .send(bytes);
}
