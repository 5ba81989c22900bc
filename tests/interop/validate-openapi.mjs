// Validates an OpenAPI document (path as argument) with two independent third-party validators and prints JSON:
// @seriousme/openapi-schema-validator checks it against the official OpenAPI JSON Schema of its version;
// @readme/openapi-parser also checks what the schema cannot (unique operationIds, declared path parameters, $refs).
// Exit code 1 when either refuses the document.
import fs from "fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { validate, compileErrors } from "@readme/openapi-parser";

const document = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const schema = await new Validator().validate(structuredClone(document));
const semantic = await validate(structuredClone(document));
const result = {
  version: document.openapi,
  schemaValid: schema.valid,
  schemaErrors: schema.valid ? [] : schema.errors,
  parserValid: semantic.valid,
  parserErrors: semantic.valid ? [] : compileErrors(semantic),
  parserWarnings: semantic.warnings ?? [],
};
console.log(JSON.stringify(result));
if (!schema.valid || !semantic.valid) {
  console.error(JSON.stringify(result, null, 2));
  process.exit(1);
}
