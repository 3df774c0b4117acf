// The few parts of playwright-core's API the renderer uses. playwright-core's own typings are about 52,000
// lines; tslab type-checks every file a notebook imports on each kernel start, so importing them would add
// seconds to every notebook. The renderer loads playwright-core with require() and these shapes instead.

export interface Page {
  setContent(html: string): Promise<void>;
  addScriptTag(options: { path: string }): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export interface BrowserContext {
  newPage(): Promise<Page>;
}

export interface Browser {
  on(event: "disconnected", listener: () => void): unknown;
  newContext(options: {
    offline?: boolean;
    deviceScaleFactor?: number;
    viewport?: { width: number; height: number };
  }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  executablePath: string;
  headless: boolean;
  args: readonly string[];
  chromiumSandbox: boolean;
  handleSIGINT: boolean;
  handleSIGTERM: boolean;
  handleSIGHUP: boolean;
}

export interface PlaywrightCore {
  chromium: { launch(options: LaunchOptions): Promise<Browser> };
}

/** Loads playwright-core without pulling its typings into the type-check. */
export function loadPlaywright(): PlaywrightCore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("playwright-core") as PlaywrightCore;
}
