// `certcloud seed | fixtures | import` — implemented by the city module.
import type { Config } from '../config/config.ts';

/** A CLI subcommand: config and its arguments → exit code. */
export type CliCommand = (config: Config, args: string[]) => Promise<number>;

/** The city's subcommands by name. */
export const cityCommands: Record<string, CliCommand> = {};
