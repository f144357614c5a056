// The `certcloud` command.
import { isAppError } from '@certcloud/core';
import { runCli } from './cli/commands.ts';

runCli(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (err: unknown) => {
    if (isAppError(err)) {
      process.stderr.write(`错误 error [${err.code}]: ${err.message}\n`);
      if (err.details) process.stderr.write(`${JSON.stringify(err.details, null, 2)}\n`);
    } else {
      process.stderr.write(`错误 error: ${(err as Error)?.stack ?? String(err)}\n`);
    }
    process.exitCode = 1;
  },
);
