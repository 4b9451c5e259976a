#!/usr/bin/env node
/** The `crosscheck` command: dispatches to one module per subcommand. */
import { readFileSync } from 'node:fs';
import { EXIT, processIO, UsageError, type CliIO } from './io.js';

const HELP = `Usage: crosscheck <command> [options]

Turns news articles from many outlets into a sourced, de-duplicated, cross-checked record.

Commands:
  analyze [PATH...]   analyse documents without a database; NDJSON Analysis records on stdout
  ingest [PATH...]    analyse and store documents (embedded database or PostgreSQL)
  enqueue [PATH...]   queue documents for distributed workers (PostgreSQL, DATABASE_URL)
  worker              take queued documents, analyse and store them (many per server)
  watch FEED_URL...   poll RSS/Atom feeds and ingest new items and their linked articles
  export KIND         write stored records (articles, entities, stories, events, claims)
  demo                ingest the bundled fictional demo corpus, show what was found, serve it
  serve               HTTP API and web UI over a stored database

Run "crosscheck <command> --help" for a command's options. Interface: docs/contract.md.
`;

type Command = (argv: string[], io: CliIO) => Promise<number>;

/**
 * Each command's module is loaded when that command runs: `analyze` then starts its workers without
 * first compiling the database, the HTTP server and the analysis pipeline (its workers load that).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import('./analyze.js')).runAnalyze,
  ingest: async () => (await import('./ingest.js')).runIngest,
  enqueue: async () => (await import('./enqueue.js')).runEnqueue,
  worker: async () => (await import('./worker.js')).runWorker,
  watch: async () => (await import('./watch.js')).runWatch,
  export: async () => (await import('./export.js')).runExport,
  demo: async () => (await import('./demo.js')).runDemo,
  serve: async () => (await import('./serve.js')).runServe,
};

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    io.stdout.write(`${pkg.version}\n`);
    return EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr.write(`crosscheck: unknown command "${name}"\n\n${HELP}`);
    return EXIT.usage;
  }
  const command = await load();
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr.write(`crosscheck ${name}: ${error.message}\nRun "crosscheck ${name} --help" for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof Error && error.name === 'StoreError') {
      io.stderr.write(`crosscheck ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith('/cli/main.js');
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`crosscheck: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
