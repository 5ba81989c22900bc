// Opens an XLSX file with SheetJS (npm xlsx) and prints the first sheet's name and rows, with the cells' types
// as stored: numbers stay numbers, text stays text. Exits non-zero when the file does not open.
const fs = require("node:fs");
const XLSX = require("xlsx");

const workbook = XLSX.read(fs.readFileSync(process.argv[2]), { type: "buffer", cellFormula: true });
const name = workbook.SheetNames[0];
const sheet = workbook.Sheets[name];
const formulas = Object.keys(sheet).filter(key => !key.startsWith("!") && sheet[key].f);
if (formulas.length > 0) throw new Error(`cells with formulas: ${formulas.join(", ")}`);
const rows = XLSX.utils.sheet_to_json(sheet, { header: 1, raw: true, defval: null });
process.stdout.write(JSON.stringify({ name, rows }));
