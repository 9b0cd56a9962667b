/**
 * The subset of kustomize that deploy/k8s uses, for the tests (no kustomize binary or maintained npm renderer is
 * available here): `resources` (files and directories), `components`, `patches` with a `path` (strategic merge of
 * the object with the same kind and name: maps merge, lists of objects with a `name` merge by name, other lists are
 * replaced), `images`, `namespace` and `labels` (metadata only, `includeSelectors: false`). Anything else in a
 * kustomization makes `renderKustomization` throw, so a manifest change that needs the real tool is noticed.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown };
  [key: string]: unknown;
};

const SUPPORTED_FIELDS = new Set(["apiVersion", "kind", "resources", "components", "patches", "images", "namespace", "labels"]);

/** Every document of a YAML file; throws on a syntax error. */
export function readYamlDocuments(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, "utf8")).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((error) => error.message).join("; ")}`);
    return document.toJS() as unknown;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function strategicMerge(base: unknown, patch: unknown): unknown {
  if (isRecord(base) && isRecord(patch)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(patch)) merged[key] = key in base ? strategicMerge(base[key], value) : value;
    return merged;
  }
  const named = (list: unknown[]) => list.every((item) => isRecord(item) && typeof item.name === "string");
  if (Array.isArray(base) && Array.isArray(patch) && base.length > 0 && named(base) && named(patch)) {
    const merged = [...base] as Array<Record<string, unknown>>;
    for (const item of patch as Array<Record<string, unknown>>) {
      const index = merged.findIndex((existing) => existing.name === item.name);
      if (index === -1) merged.push(item);
      else merged[index] = strategicMerge(merged[index], item) as Record<string, unknown>;
    }
    return merged;
  }
  return patch;
}

function kustomizationFile(directory: string): string {
  const file = path.join(directory, "kustomization.yaml");
  if (!existsSync(file)) throw new Error(`${directory} has no kustomization.yaml`);
  return file;
}

function asObject(value: unknown, source: string): KubeObject {
  if (!isRecord(value) || typeof value.kind !== "string" || !isRecord(value.metadata) || typeof value.metadata.name !== "string") {
    throw new Error(`${source}: not a Kubernetes object with kind and metadata.name`);
  }
  return value as KubeObject;
}

function setImages(object: KubeObject, images: Array<{ name: string; newName?: string; newTag?: string }>): void {
  const spec = object.spec as Record<string, unknown> | undefined;
  const template = (isRecord(spec?.template) ? spec.template : undefined) as Record<string, unknown> | undefined;
  const podSpec = (isRecord(template?.spec) ? template.spec : undefined) as Record<string, unknown> | undefined;
  for (const list of [podSpec?.containers, podSpec?.initContainers]) {
    if (!Array.isArray(list)) continue;
    for (const container of list as Array<{ image?: string }>) {
      const [name, tag] = (container.image ?? "").split(":");
      const image = images.find((candidate) => candidate.name === name);
      if (image) container.image = `${image.newName ?? name}:${image.newTag ?? tag ?? "latest"}`;
    }
  }
}

/** The objects `kubectl kustomize <directory>` would output, in resource order. */
export function renderKustomization(directory: string): KubeObject[] {
  const file = kustomizationFile(directory);
  const kustomization = readYamlDocuments(file)[0];
  if (!isRecord(kustomization)) throw new Error(`${file} is empty`);
  const unsupported = Object.keys(kustomization).filter((field) => !SUPPORTED_FIELDS.has(field));
  if (unsupported.length > 0) throw new Error(`${file}: the test renderer does not support ${unsupported.join(", ")}`);

  const objects: KubeObject[] = [];
  const entries = (field: string) => (kustomization[field] ?? []) as unknown[];
  for (const resource of [...entries("resources"), ...entries("components")] as string[]) {
    const target = path.resolve(directory, resource);
    if (statSync(target).isDirectory()) objects.push(...renderKustomization(target));
    else objects.push(...readYamlDocuments(target).map((document) => asObject(document, target)));
  }

  for (const patch of entries("patches") as Array<{ path?: string }>) {
    if (!patch.path) throw new Error(`${file}: only patches with a path are supported`);
    const patchFile = path.resolve(directory, patch.path);
    for (const document of readYamlDocuments(patchFile)) {
      const patchObject = asObject(document, patchFile);
      const index = objects.findIndex((object) => object.kind === patchObject.kind && object.metadata.name === patchObject.metadata.name);
      if (index === -1) throw new Error(`${patchFile}: no ${patchObject.kind} ${patchObject.metadata.name} to patch`);
      objects[index] = strategicMerge(objects[index], patchObject) as KubeObject;
    }
  }

  const images = entries("images") as Array<{ name: string; newName?: string; newTag?: string }>;
  const labelSets = entries("labels") as Array<{ pairs: Record<string, string>; includeSelectors?: boolean }>;
  if (labelSets.some((set) => set.includeSelectors)) throw new Error(`${file}: labels with includeSelectors are not supported`);
  const namespace = kustomization.namespace as string | undefined;
  return objects.map((original) => {
    const object = structuredClone(original);
    setImages(object, images);
    for (const set of labelSets) object.metadata.labels = { ...object.metadata.labels, ...set.pairs };
    if (namespace && object.kind !== "Namespace") object.metadata.namespace = namespace;
    return object;
  });
}
