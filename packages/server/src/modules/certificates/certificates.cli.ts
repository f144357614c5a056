// `certcloud issue`: the same issuance path as the API, from the command line (for operators and scripts).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError, applyRequestSchema, isAppError } from '@certcloud/core';
import type { CliCommand } from '../../city/city.cli.ts';
import { openStore } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { createPlatform } from '../../platform.ts';
import { findDocument } from './certificates.repository.ts';
import { issueCertificate } from './issue-certificate.ts';

const USAGE = `用法 usage: certcloud issue --type T --holder ID --purpose P [--relation R --requester ID]
                         [--related ID --kinship R] [--reference NO] [--out file.pdf]
`;

/** `issue`: acts as the requester (a resident: the holder, or `--requester` for a relative). */
const issue: CliCommand = async (config, args) => {
  const { values } = parseArgs({
    args,
    options: {
      type: { type: 'string' },
      holder: { type: 'string' },
      purpose: { type: 'string' },
      relation: { type: 'string' },
      requester: { type: 'string' },
      related: { type: 'string' },
      kinship: { type: 'string' },
      reference: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (!values.type || !values.holder || !values.purpose) {
    process.stderr.write(USAGE);
    return 2;
  }
  const body = applyRequestSchema.parse({
    type: values.type,
    holderId: values.holder,
    purpose: values.purpose,
    ...(values.relation ? { relation: values.relation } : {}),
    ...(values.related ? { relatedId: values.related } : {}),
    ...(values.kinship ? { kinship: values.kinship } : {}),
    ...(values.reference ? { reference: values.reference } : {}),
  });
  const store = openStore(config.databaseUrl);
  try {
    await migrateToLatest(store.db);
    const platform = await createPlatform(config, store);
    try {
      const requester = (values.requester ?? values.holder).toUpperCase();
      const identity = { kind: 'resident', idNumber: requester, accountId: 'cli', sessionId: 'cli' } as const;
      const cert = await issueCertificate(
        { ...platform, store, publicUrl: config.publicUrl },
        identity,
        body,
      );
      process.stdout.write(`已开具 issued: ${cert.serial}  有效期至 valid until ${cert.valid_until}\n`);
      process.stdout.write(`${cert.statement_text}\n`);
      if (values.out) {
        const pdf = await findDocument(store.db, cert.id, 'pdf');
        if (!pdf) throw new AppError('INTERNAL', { message: 'stored PDF missing' });
        fs.writeFileSync(values.out, pdf.content);
        process.stdout.write(`PDF: ${values.out}\n`);
      }
      return 0;
    } catch (e) {
      if (isAppError(e) && (e.code === 'NOT_ELIGIBLE' || e.code === 'REFERRED')) {
        const reason = (e.details?.['reason'] as { zh: string; en: string } | undefined) ?? {
          zh: '',
          en: '',
        };
        process.stderr.write(
          `${e.code === 'REFERRED' ? '转窗口办理 referred' : '不予开具 refused'}: ${reason.zh}\n${reason.en}\n`,
        );
        return 3;
      }
      throw e;
    } finally {
      await platform.close();
    }
  } finally {
    await store.close();
  }
};

/** The certificates' subcommands by name. */
export const certificateCommands: Record<string, CliCommand> = { issue };
