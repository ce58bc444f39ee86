// Checks the documents that `kubectl kustomize deploy` rendered, offline, with the npm packages in .npm-tools/:
//   node deploy/checks/k8s-manifests.mjs RENDERED.yaml deploy/kustomization.yaml
// Prints one line per check ("ok" or "FAIL", with the problems below it) and exits 1 when one failed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const modules = path.join(root, ".npm-tools/node_modules");
const { parseAllDocuments } = await import(pathToFileURL(path.join(modules, "yaml/dist/index.js")));

const [renderedFile, kustomizationFile] = process.argv.slice(2);
const docs = parseAllDocuments(fs.readFileSync(renderedFile, "utf8"))
  .map((d) => d.toJS())
  .filter(Boolean);
const id = (d) => `${d.kind}/${d.metadata?.name}`;
const workloads = docs.filter((d) => ["Deployment", "StatefulSet", "DaemonSet", "Job"].includes(d.kind));

// Runs one check: `fn` adds what is wrong to its argument and returns what it looked at.
let failed = false;
async function check(name, fn) {
  const problems = [];
  let scope;
  try {
    scope = await fn(problems);
  } catch (e) {
    problems.push(`could not check: ${e.message}`);
  }
  failed ||= problems.length > 0;
  console.log(`${problems.length ? "FAIL" : "ok  "}  ${name}${scope ? `: ${scope}` : ""}`);
  for (const p of problems) console.log(`        ${p}`);
}

// Calls fn on every object under node.
function walk(node, fn) {
  if (Array.isArray(node)) node.forEach((n) => walk(n, fn));
  else if (node && typeof node === "object") {
    fn(node);
    Object.values(node).forEach((n) => walk(n, fn));
  }
}

// Where the model of a kind lives: the Kubernetes API in kubernetes-models, the operators' custom resources in
// their @kubernetes-models packages.
const crdPackages = {
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};
function modelModule(doc) {
  const [group, version] = doc.apiVersion?.includes("/") ? doc.apiVersion.split("/") : ["", doc.apiVersion];
  return [
    group ? `kubernetes-models/${group}/${version}/${doc.kind}` : `kubernetes-models/${version}/${doc.kind}`,
    crdPackages[group] && `${crdPackages[group]}/${group}/${version}/${doc.kind}`,
  ].find((m) => m && fs.existsSync(path.join(modules, `${m}.d.ts`)));
}

await check("schema", async (problems) => {
  for (const doc of docs) {
    const module = modelModule(doc);
    if (!module) {
      problems.push(`${id(doc)}: no model for ${doc.apiVersion} ${doc.kind}`);
      continue;
    }
    const Model = (await import(pathToFileURL(path.join(modules, `${module}.js`))))[doc.kind];
    try {
      new Model(doc).validate();
    } catch (e) {
      problems.push(`${id(doc)}: ${e.message}`);
    }
  }
  return `${docs.length} documents against their models' JSON schemas (types, required fields, enums, formats)`;
});

await check("types", (problems) => {
  // each document an object literal of its model's TypeScript type, so that tsc rejects unknown fields too
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "voc-k8s-"));
  try {
    fs.symlinkSync(modules, path.join(dir, "node_modules"));
    const imports = new Map();
    const typed = docs.filter(modelModule).map((doc, i) => {
      const module = modelModule(doc);
      if (!imports.has(module)) imports.set(module, `T${imports.size}`);
      return [doc, `export const d${i}: ${imports.get(module)} = ${JSON.stringify(doc)};`];
    });
    const header = [...imports].map(([m, t]) => `import type { I${m.split("/").pop()} as ${t} } from "${m}";`);
    fs.writeFileSync(path.join(dir, "manifests.ts"), [...header, ...typed.map(([, line]) => line), ""].join("\n"));
    const tsc = spawnSync(
      path.join(modules, ".bin/tsc"),
      ["--noEmit", "--strict", "--pretty", "false", "--module", "nodenext", "--target", "es2022", "manifests.ts"],
      { cwd: dir, encoding: "utf8" },
    );
    for (const line of `${tsc.stdout}${tsc.stderr}`.split("\n").filter(Boolean)) {
      const m = /^manifests\.ts\((\d+),\d+\): (.*)$/.exec(line);
      const doc = m && typed[Number(m[1]) - 1 - header.length]?.[0];
      const text = (m ? m[2] : line).replace(/'\{ [^']{100,}'/, "its type");
      problems.push(doc ? `${id(doc)}: ${text}` : text);
    }
    if (tsc.status !== 0 && problems.length === 0) problems.push(`tsc exited with ${tsc.status}`);
    return `tsc --strict, each of ${typed.length} documents typed as its I<Kind>: unknown fields are errors`;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

await check("containers", (problems) => {
  for (const w of workloads) {
    const pod = w.spec.template.spec;
    for (const c of pod.containers) {
      const where = `${id(w)} container ${c.name}`;
      for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        if (!c[probe]) problems.push(`${where}: no ${probe}`);
      }
      for (const r of ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]) {
        const [kind, resource] = r.split(".");
        if (c.resources?.[kind]?.[resource] === undefined) problems.push(`${where}: no ${r}`);
      }
      const sc = { ...pod.securityContext, ...c.securityContext };
      if (sc.runAsNonRoot !== true) problems.push(`${where}: runAsNonRoot is not true`);
      if (sc.runAsUser === 0) problems.push(`${where}: runAsUser is 0`);
      if (sc.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation is not false`);
      if (!sc.capabilities?.drop?.includes("ALL")) problems.push(`${where}: capabilities do not drop ALL`);
      if (sc.seccompProfile?.type !== "RuntimeDefault") problems.push(`${where}: seccompProfile is not RuntimeDefault`);
      if (sc.readOnlyRootFilesystem !== true) problems.push(`${where}: root file system is writable`);
    }
  }
  return `${workloads.length} workloads have three probes, requests and limits, non-root, a read-only root`;
});

await check("scoring", (problems) => {
  // one consumer group shares the partitions of voc.responses: scoring instances beyond them sit idle
  const topic = docs.find((d) => d.kind === "KafkaTopic" && (d.spec.topicName ?? d.metadata.name) === "voc.responses");
  const scoring = docs.find((d) => d.kind === "Deployment" && d.metadata.name === "scoring-service");
  if (!topic || !scoring) throw new Error("no KafkaTopic voc.responses or no Deployment scoring-service");
  const [replicas, partitions] = [scoring.spec.replicas ?? 1, topic.spec.partitions];
  if (!(replicas <= partitions)) {
    problems.push(`scoring-service has ${replicas} replicas, voc.responses ${partitions} partitions`);
  }
  const autoscalers = docs.filter((d) => d.kind === "HorizontalPodAutoscaler");
  for (const h of autoscalers.filter((h) => h.spec.scaleTargetRef.name === "scoring-service")) {
    problems.push(`${id(h)} would scale scoring-service past the partitions`);
  }
  return `${replicas} replicas <= ${partitions} partitions of voc.responses, no autoscaler`;
});

await check("secrets", (problems) => {
  // the `kubectl create secret` commands in the kustomization's header comment, continuation lines joined
  const header = fs.readFileSync(kustomizationFile, "utf8").split("\n").filter((l) => l.startsWith("#"));
  const commands = header.map((l) => l.replace(/^#\s?/, "")).join("\n").replace(/\\\n/g, " ");
  const documented = new Map();
  for (const command of commands.split("\n").filter((l) => /kubectl .*create secret/.test(l))) {
    const name = /create secret \S+ (\S+)/.exec(command)[1];
    documented.set(name, new Set([...command.matchAll(/--from-(?:literal|file)=([^=\s]+)=/g)].map((m) => m[1])));
  }
  for (const doc of docs) {
    const used = [];
    walk(doc.spec, (o) => {
      if (o.secretKeyRef) used.push([o.secretKeyRef.name, [o.secretKeyRef.key]]);
      if (o.secretRef?.name) used.push([o.secretRef.name, []]);
      if (o.secret?.secretName) used.push([o.secret.secretName, []]);
      if (o.passwordSecret) used.push([o.passwordSecret.name, ["username", "password"]]);
    });
    for (const [name, keys] of used) {
      if (!documented.has(name)) problems.push(`${id(doc)} uses Secret ${name}, which the header does not create`);
      for (const key of keys.filter((k) => documented.has(name) && !documented.get(name).has(k))) {
        problems.push(`${id(doc)} uses key ${key} of Secret ${name}, which the header does not set`);
      }
    }
    if (doc.kind === "Secret") problems.push(`${id(doc)} is committed`);
  }
  const source = path.basename(kustomizationFile);
  return `every Secret used, with its keys, is among the ${documented.size} that ${source} creates; none committed`;
});

await check("configmaps", (problems) => {
  // kustomize renames a generated ConfigMap only in the fields it knows, not in a custom resource
  const names = new Set(docs.filter((d) => d.kind === "ConfigMap").map((d) => d.metadata.name));
  for (const doc of docs) {
    walk(doc.spec, (o) => {
      for (const ref of [o.configMapRef, o.configMapKeyRef, o.configMap, ...(o.configMapRefs ?? [])]) {
        if (ref?.name && !names.has(ref.name)) {
          problems.push(`${id(doc)} refers to ConfigMap ${ref.name}, which is not rendered`);
        }
      }
    });
  }
  return `every ConfigMap referred to is among the ${names.size} rendered`;
});

await check("wiring", (problems) => {
  const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
  const podsOf = (selector) => workloads.filter((w) => matches(selector, w.spec.template.metadata?.labels));
  for (const w of workloads.filter((w) => !matches(w.spec.selector?.matchLabels, w.spec.template.metadata?.labels))) {
    problems.push(`${id(w)}: the selector does not match the pod template's labels`);
  }
  const services = docs.filter((d) => d.kind === "Service");
  for (const s of services) {
    const selected = podsOf(s.spec.selector);
    if (selected.length !== 1) {
      problems.push(`${id(s)} selects ${selected.length} workloads, not 1`);
      continue;
    }
    const named = selected[0].spec.template.spec.containers.flatMap((c) => c.ports ?? []).map((p) => p.name);
    for (const p of s.spec.ports.filter((p) => typeof p.targetPort === "string" && !named.includes(p.targetPort))) {
      problems.push(`${id(s)} port ${p.name}: no container port named ${p.targetPort} in ${id(selected[0])}`);
    }
  }
  for (const b of docs.filter((d) => d.kind === "PodDisruptionBudget")) {
    if (podsOf(b.spec.selector.matchLabels).length !== 1) problems.push(`${id(b)} does not select one workload`);
  }
  for (const h of docs.filter((d) => d.kind === "HorizontalPodAutoscaler")) {
    const t = h.spec.scaleTargetRef;
    const w = workloads.find((w) => w.kind === t.kind && w.metadata.name === t.name);
    if (!w) problems.push(`${id(h)}: no ${t.kind} ${t.name}`);
    else if (w.spec.replicas !== undefined) {
      problems.push(`${id(w)} sets replicas, which every apply would reset under ${id(h)}`);
    }
  }
  for (const m of docs.filter((d) => d.kind === "ServiceMonitor")) {
    const { matchLabels, matchExpressions = [] } = m.spec.selector;
    const selected = services.filter(
      (s) =>
        matches(matchLabels, s.metadata.labels) &&
        matchExpressions.every((e) => e.operator === "In" && e.values.includes(s.metadata.labels?.[e.key])),
    );
    if (selected.length !== services.length) {
      problems.push(`${id(m)} selects ${selected.length} of the ${services.length} Services`);
    }
    for (const e of m.spec.endpoints) {
      for (const s of selected.filter((s) => !s.spec.ports.some((p) => p.name === e.port))) {
        problems.push(`${id(m)}: ${id(s)} has no port ${e.port}`);
      }
    }
  }
  return `the workloads' selectors, ${services.length} Services, autoscalers, disruption budgets, ServiceMonitors`;
});

process.exit(failed ? 1 : 0);
