// Writes openapi.json from the code (run through `npm run openapi`, which builds first).
// The drift test in `npm test` fails when the committed file and the code disagree.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import {
  generateOpenApiDocument,
  serializeOpenApiDocument,
} from '../apps/api/dist/common/openapi/generate-document.js';

const doc = await generateOpenApiDocument();
writeFileSync(new URL('../openapi.json', import.meta.url), serializeOpenApiDocument(doc));
console.log(`openapi.json: ${Object.keys(doc.paths).length} paths`);
