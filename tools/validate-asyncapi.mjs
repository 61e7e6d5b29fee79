// Validates docs/asyncapi.yaml with the AsyncAPI parser (the version package-lock.json pins), as .ci/run does:
//   node tools/validate-asyncapi.mjs [path/to/asyncapi.yaml]
// Prints every diagnostic and fails (exit 1) on any of error severity, on a referenced file that does not exist, and on
// an event catalog schema (docs/events/*.schema.json) the document does not reference, so it stays in step with the catalog.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Parser, fromFile, DiagnosticSeverity } from '@asyncapi/parser';

const documentPath = resolve(process.argv[2] ?? 'docs/asyncapi.yaml');
const folder = dirname(documentPath);
const problems = [];

// Every file a $ref names, relative to the document; the parser resolves them too, but its message for a missing one
// depends on where the reference sits, so the check is made here first, by name.
const text = readFileSync(documentPath, 'utf8');
const fileRefs = [...text.matchAll(/\$ref:\s*['"]?(\.{1,2}\/[^'"#\s]+)/g)].map(m => m[1]);
for (const ref of new Set(fileRefs)) {
  if (!existsSync(join(folder, ref))) problems.push(`references ${ref}, which does not exist`);
}

const catalog = join(folder, 'events');
if (existsSync(catalog)) {
  for (const file of readdirSync(catalog).filter(f => f.endsWith('.schema.json')).sort()) {
    if (!fileRefs.includes(`./events/${file}`)) problems.push(`does not reference the catalog's ./events/${file}`);
  }
}

const { document, diagnostics } = await fromFile(new Parser(), documentPath).parse();
const names = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' };
for (const d of diagnostics) {
  const where = d.path?.length ? ` at ${d.path.join('.')}` : '';
  console.log(`${names[d.severity] ?? d.severity}: ${d.code}: ${d.message}${where}`);
}
const errors = diagnostics.filter(d => d.severity === DiagnosticSeverity.Error);
if (!document && errors.length === 0) problems.push('the parser returned no document');
for (const problem of problems) console.log(`error: ${documentPath} ${problem}`);

const failed = errors.length + problems.length;
console.log(failed === 0
  ? `${documentPath}: valid AsyncAPI ${document.version()} (${diagnostics.length} diagnostics, none of error severity)`
  : `${documentPath}: ${failed} error(s)`);
process.exit(failed === 0 ? 0 : 1);
