// Validates Kubernetes objects against their API schemas, offline, with the kubernetes-models packages.
// Usage: node validate.mjs objects.json   (a JSON array of objects, e.g. an overlay rendered by kustomize)
// Prints one line per object; exits 1 if any object is invalid or of a kind without a schema here.
import { readFileSync } from "node:fs";

// Where each API group's models live; the core group ("v1") has no group name.
const packages = {
  "": "kubernetes-models",
  "apps": "kubernetes-models",
  "autoscaling": "kubernetes-models",
  "policy": "kubernetes-models",
  "networking.k8s.io": "kubernetes-models",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
};

const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
let invalid = 0;
for (const object of objects) {
  const { apiVersion, kind } = object;
  const name = `${apiVersion} ${kind} ${object.metadata?.name}`;
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  const module = packages[group];
  try {
    if (!module) throw new Error(`no schema for API group "${group}"`);
    const Model = (await import(`${module}/${apiVersion}/${kind}`))[kind];
    new Model(object).validate();
    console.log(`valid    ${name}`);
  } catch (error) {
    invalid++;
    console.log(`INVALID  ${name}: ${error.message}`);
  }
}
process.exit(invalid === 0 ? 0 : 1);
