// Reads a CSV file as German Excel users' files are read: csv-parse with the byte order mark, `;` and strict
// quoting (RFC 4180); prints the records as JSON arrays. Exits non-zero when the file does not parse.
const fs = require("node:fs");
const { parse } = require("csv-parse/sync");

const records = parse(fs.readFileSync(process.argv[2]), { bom: true, delimiter: ";", relax_quotes: false, relax_column_count: false });
process.stdout.write(JSON.stringify(records));
