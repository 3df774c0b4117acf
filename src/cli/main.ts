import { parseArgs } from "node:util";
import { ExportError } from "../load/export-error.js";
import { EXIT, UsageError, type Command } from "./command.js";
import { commands as defaultCommands } from "./commands.js";
import { OutputError, processIo, type Io } from "./io.js";

/**
 * The usage text: every command of the table with its summary.
 * @example
 * usage(commands).split("\n")[0]; // "Usage:"
 */
export function usage(commands: readonly Command[]): string {
  const lines = ["Usage:"];
  for (const c of commands) for (const u of c.usage) lines.push(`  sp-pathways ${u}`);
  lines.push("", "Commands:");
  for (const c of commands) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push(
    "",
    "Exit codes: 0 clean, 1 problems found, 2 unusable file, file over a limit, bad arguments or an output that",
    "cannot or may not be written, 3 internal error (a bug: please report it).",
  );
  return lines.join("\n");
}

/**
 * Runs the CLI on arguments (without "node" and the script); returns the exit code. Bad arguments print the
 * usage and give 2; an unusable export prints its ExportError message (file, row, column, value, expected),
 * never a stack trace, and gives 2.
 * @example
 * await main(["validate", "data/synthetic/link-worker.csv", "--survey", "link-worker"]); // 0
 */
export async function main(
  argv: readonly string[],
  io: Io = processIo(process.cwd()),
  commands: readonly Command[] = defaultCommands,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.err : io.out)(usage(commands));
    return name === undefined ? EXIT.unusable : EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`sp-pathways: unknown command "${name}"\n\n${usage(commands)}`);
    return EXIT.unusable;
  }
  try {
    const parsed = parseArgs({
      args: [...rest],
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
    if (parsed.positionals.length !== command.positionals) {
      throw new UsageError(
        `expected ${command.positionals} argument(s), got ${parsed.positionals.length}${parsed.positionals.length ? `: ${parsed.positionals.join(" ")}` : ""}`,
      );
    }
    const values = parsed.values as Record<string, string | boolean | undefined>;
    return await command.run({ positionals: parsed.positionals, values }, io);
  } catch (error) {
    if (error instanceof ExportError || error instanceof OutputError) {
      io.err(`sp-pathways ${command.name}: ${error.message}`);
      return EXIT.unusable;
    }
    const code = (error as { code?: string }).code;
    if (error instanceof UsageError || (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS"))) {
      io.err(
        `sp-pathways ${command.name}: ${(error as Error).message}\n\nUsage:\n${command.usage.map((u) => `  sp-pathways ${u}`).join("\n")}`,
      );
      return EXIT.unusable;
    }
    io.err(
      `sp-pathways ${command.name}: internal error: ${(error as Error).message}${process.env.SP_DEBUG ? `\n${(error as Error).stack ?? ""}` : " (set SP_DEBUG=1 for details)"}`,
    );
    return EXIT.internal;
  }
}
