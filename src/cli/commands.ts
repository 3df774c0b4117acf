import { auditCommand } from "./audit.js";
import { cleanCommand } from "./clean.js";
import type { Command } from "./command.js";
import { figuresCommand } from "./figures.js";
import { mapCommand } from "./map.js";
import { validateCommand } from "./validate.js";

/**
 * The CLI's command table, in the order usage lists them. To add a command (e.g. `figures`), write
 * `src/cli/<name>.ts` exporting a `Command` and add it here; main.ts needs no change.
 */
export const commands: Command[] = [validateCommand, mapCommand, cleanCommand, figuresCommand, auditCommand];
