// Regenerates the bundled synthetic survey exports: npx tsx scripts/generate-synthetic.ts
import { writeSynthetic } from "../src/synth/generate.js";

const written = writeSynthetic();
for (const [survey, file] of Object.entries(written)) console.log(`${survey}: ${file} (synthetic data)`);
