// The document layer behind issuance: department keys from the key store, the sealed and signed PDF, the
// W3C credential and the QR token — all signed with the issuing department's keys.
import { chinaDate, maskName, maskResidentId } from '@certcloud/core';
import type { Config } from '../../config/config.ts';
import type { Store } from '../../db/connection.ts';
import { renderSignedCertificatePdf, warmUpDocuments } from '../../documents/certificate-documents.ts';
import { formatChineseDate } from '../../documents/certificate-model.ts';
import { issueCredential } from '../../documents/credential.ts';
import { signQrToken } from '../../documents/qr-token.ts';
import { createKeyStore, type KeyStore } from '../../signing/key-store.ts';
import { statusListEntry } from '../verification/status-list.ts';
import type { DocumentProducer } from './documents.port.ts';

/** The default document producer, with the key store it signs from. */
export async function createDocumentProducer(
  store: Store,
  config: Pick<Config, 'masterKey' | 'dataDir' | 'publicUrl'>,
): Promise<DocumentProducer & { keyStore: KeyStore }> {
  const keyStore = createKeyStore(store, config);
  warmUpDocuments();
  return {
    keyStore,
    async produce(input) {
      const signer = await keyStore.signerFor(input.issuer.code);
      const issueDay = chinaDate(new Date(input.issuedAt));
      const qrToken = signQrToken(
        {
          name: maskName(input.holderName),
          id: maskResidentId(input.holderId),
          type: input.type.code,
          serial: input.serial,
          issued: issueDay,
          validUntil: input.validUntil,
          issuer: input.issuer.code,
        },
        signer,
      );
      const pdf = await renderSignedCertificatePdf(
        {
          title: input.type.wording.title.zh,
          titleEn: input.type.wording.title.en,
          statement: [input.statementText],
          holderName: input.holderName,
          holderId: input.holderId,
          purpose: input.purpose,
          issueDate: formatChineseDate(issueDay),
          validUntil: formatChineseDate(input.validUntil),
          serial: input.serial,
          verificationCode: input.verificationCode,
          verificationUrl: `${input.verifyUrl}#${qrToken}`,
          issuer: input.issuer,
          ...(input.requesterLine ? { requesterLine: input.requesterLine } : {}),
        },
        signer,
        { signingTime: new Date(input.issuedAt) },
      );
      const credential = issueCredential(
        {
          id: `urn:uuid:${input.certificateId}`,
          typeCode: input.type.code,
          name: input.type.name.zh,
          serial: input.serial,
          validFrom: input.issuedAt,
          validUntil: `${input.validUntil}T23:59:59+08:00`,
          subject: { ...input.statement, purpose: input.purpose },
          credentialStatus: statusListEntry(
            config.publicUrl,
            input.issuer.code,
            Number(issueDay.slice(0, 4)),
            input.statusListIndex,
          ),
        },
        signer,
        new Date(input.issuedAt),
      );
      return { pdf, credential, qrToken };
    },
  };
}
