/**
 * deploy/k8s, checked offline (no cluster here): every YAML parses, every object and the rendered output of each
 * overlay validate against the Kubernetes API schemas (kubernetes-models), and the objects agree with each other
 * and with the app (selectors, Service ports, Ingress backends, probe paths, environment variables).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_VARIABLES } from "@/lib/env";
import { moduleVariables } from "@/lib/platform/module-settings";
import { CHANNEL_SERVER_ENV_VARIABLES } from "@/realtime/src/config";
import { readYamlDocuments, renderKustomization, type KubeObject } from "../support/kustomize";

const root = path.resolve(import.meta.dirname, "..", "..");
const k8s = path.join(root, "deploy", "k8s");
const OVERLAYS = ["dev", "prod"];

/** Read by Node, Next's standalone server or the Prisma CLI rather than lib/env.ts. */
const RUNTIME_VARIABLES = ["NODE_ENV", "PORT", "HOSTNAME", "HOME", "NEXT_TELEMETRY_DISABLED"];
/** Added by the other parts of issue #15 (metrics, notification e-mail, backups); lib/env.ts lists them once merged. */
const SIBLING_VARIABLES = ["METRICS_TOKEN", "SMTP_URL", "BACKUP_DIR"];
const KNOWN_VARIABLES = new Set([
  ...ENV_VARIABLES,
  ...moduleVariables(),
  ...CHANNEL_SERVER_ENV_VARIABLES,
  ...RUNTIME_VARIABLES,
  ...SIBLING_VARIABLES,
]);

function yamlFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) return yamlFiles(file);
    return /\.ya?ml$/.test(entry.name) ? [file] : [];
  });
}

async function validate(object: KubeObject): Promise<void> {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [undefined, object.apiVersion];
  const modulePath = group ? `kubernetes-models/${group}/${version}/${object.kind}` : `kubernetes-models/${version}/${object.kind}`;
  const models = (await import(/* @vite-ignore */ modulePath)) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = models[object.kind];
  if (!Model) throw new Error(`no model for ${object.apiVersion} ${object.kind}`);
  new Model(object).validate();
}

type PodSpec = {
  containers: Array<{
    name: string;
    image: string;
    args?: string[];
    ports?: Array<{ name?: string; containerPort: number }>;
    env?: Array<{ name: string }>;
    envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
    readinessProbe?: { httpGet?: { path: string; port: string | number } };
    livenessProbe?: { httpGet?: { path: string; port: string | number } };
    resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
    securityContext?: {
      allowPrivilegeEscalation?: boolean;
      readOnlyRootFilesystem?: boolean;
      capabilities?: { drop?: string[] };
    };
    volumeMounts?: Array<{ name: string; mountPath: string }>;
  }>;
  securityContext?: { runAsNonRoot?: boolean };
  volumes?: Array<{ name: string }>;
};
type Workload = KubeObject & {
  spec: { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: PodSpec } };
};
type Service = KubeObject & { spec: { selector: Record<string, string>; ports: Array<{ name?: string; port: number; targetPort?: string | number }> } };
type IngressBackend = { service: { name: string; port: { name?: string; number?: number } } };
type Ingress = KubeObject & {
  spec: { rules: Array<{ http: { paths: Array<{ path: string; backend: IngressBackend }> } }> };
  metadata: KubeObject["metadata"] & { annotations?: Record<string, string> };
};

const byKind = <T extends KubeObject>(objects: KubeObject[], kind: string) => objects.filter((object) => object.kind === kind) as T[];
const appWorkloads = (objects: KubeObject[]) =>
  [...byKind<Workload>(objects, "Deployment"), ...byKind<Workload>(objects, "Job")].filter((workload) =>
    workload.spec.template.spec.containers.some((container) => container.image.includes("wheelhouse")),
  );
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

/** Which HTTP paths each process answers (the web's are its route handlers; the others are asserted where they live). */
function servedPaths(args: string[] | undefined): (requestPath: string) => boolean {
  const role = args?.[0];
  if (role === "web") return (requestPath) => existsSync(path.join(root, "app", requestPath, "route.ts"));
  if (role === "worker") {
    const source = readFileSync(path.join(root, "worker", "main.ts"), "utf8");
    return (requestPath) => source.includes(`pathname === "${requestPath}"`);
  }
  if (role === "realtime") {
    const source = readFileSync(path.join(root, "realtime", "src", "http-api.ts"), "utf8");
    return (requestPath) => source.includes(`url.pathname === "${requestPath}"`);
  }
  return () => false;
}

describe("Kubernetes manifests (deploy/k8s)", () => {
  const files = yamlFiles(k8s);

  it("every YAML file parses and every whole object in it validates against the API schemas", async () => {
    expect(files.length).toBeGreaterThan(10);
    // Patches are partial objects: they are validated as part of the rendered overlays below.
    const patchFiles = new Set(
      files
        .filter((file) => path.basename(file) === "kustomization.yaml")
        .flatMap((file) => ((readYamlDocuments(file)[0] as { patches?: Array<{ path: string }> }).patches ?? []).map((patch) => path.resolve(path.dirname(file), patch.path))),
    );
    for (const file of files) {
      const documents = readYamlDocuments(file);
      if (path.basename(file) === "kustomization.yaml" || patchFiles.has(file)) continue;
      for (const document of documents) {
        await validate(document as KubeObject).catch((error: unknown) => {
          throw new Error(`${path.relative(root, file)}: ${(document as KubeObject).kind} ${(document as KubeObject).metadata?.name}: ${String(error)}`);
        });
      }
    }
  });

  it("the Secret template holds placeholders only", () => {
    const secrets = readYamlDocuments(path.join(k8s, "secret.template.yaml")) as Array<KubeObject & { stringData: Record<string, string> }>;
    for (const secret of secrets) {
      expect(secret.kind).toBe("Secret");
      for (const [key, value] of Object.entries(secret.stringData)) expect(value, key).toMatch(/<[^>]+>/);
    }
  });

  describe.each(OVERLAYS)("overlay %s, rendered", (overlay) => {
    const objects = renderKustomization(path.join(k8s, "overlays", overlay));

    it("validates against the API schemas, in its own namespace, with the registry image", async () => {
      for (const object of objects) await validate(object);
      const namespace = byKind(objects, "Namespace")[0]!.metadata.name;
      for (const object of objects.filter((candidate) => candidate.kind !== "Namespace")) {
        expect(object.metadata.namespace, `${object.kind} ${object.metadata.name}`).toBe(namespace);
      }
      for (const workload of appWorkloads(objects)) {
        for (const container of workload.spec.template.spec.containers) expect(container.image).toMatch(/wheelhouse:[\w.-]+$/);
      }
      const names = objects.map((object) => `${object.kind}/${object.metadata.name}`);
      expect(new Set(names).size).toBe(names.length);
    });

    it("runs web, worker and realtime as Deployments and the migrations as a Job, each with its role", () => {
      const roles = appWorkloads(objects).map((workload) => `${workload.kind}:${workload.spec.template.spec.containers[0]!.args?.[0] ?? ""}`);
      expect(roles.sort()).toEqual(["Deployment:realtime", "Deployment:web", "Deployment:worker", "Job:migrate"]);
      const web = byKind<Workload>(objects, "Deployment").find((deployment) => deployment.metadata.name === "wheelhouse-web")!;
      const webEnv = web.spec.template.spec.containers[0]!.env ?? [];
      expect(webEnv).toContainEqual({ name: "SCHEDULER_ENABLED", value: "false" });
    });

    it("selectors match their pods, Services point at named container ports, the Ingress at existing Services", () => {
      const workloads = [...byKind<Workload>(objects, "Deployment"), ...byKind<Workload>(objects, "StatefulSet")];
      for (const workload of workloads) {
        expect(matches(workload.spec.selector.matchLabels, workload.spec.template.metadata.labels), workload.metadata.name).toBe(true);
      }
      const services = byKind<Service>(objects, "Service");
      for (const service of services) {
        const targets = workloads.filter((workload) => matches(service.spec.selector, workload.spec.template.metadata.labels));
        expect(targets, `pods of Service ${service.metadata.name}`).toHaveLength(1);
        const containerPorts = targets[0]!.spec.template.spec.containers.flatMap((container) => container.ports ?? []);
        for (const port of service.spec.ports) {
          const target = port.targetPort ?? port.port;
          expect(
            containerPorts.some((containerPort) => containerPort.name === target || containerPort.containerPort === target),
            `${service.metadata.name} → ${String(target)}`,
          ).toBe(true);
        }
      }
      for (const budget of byKind<KubeObject & { spec: { selector: { matchLabels: Record<string, string> } } }>(objects, "PodDisruptionBudget")) {
        expect(workloads.filter((workload) => matches(budget.spec.selector.matchLabels, workload.spec.template.metadata.labels))).toHaveLength(1);
      }
      for (const autoscaler of byKind<KubeObject & { spec: { scaleTargetRef: { kind: string; name: string } } }>(objects, "HorizontalPodAutoscaler")) {
        expect(workloads.some((workload) => workload.kind === autoscaler.spec.scaleTargetRef.kind && workload.metadata.name === autoscaler.spec.scaleTargetRef.name)).toBe(true);
      }
      expect(byKind(objects, "HorizontalPodAutoscaler").map((autoscaler) => autoscaler.metadata.name).sort()).toEqual(["wheelhouse-realtime", "wheelhouse-web"]);

      const [ingress] = byKind<Ingress>(objects, "Ingress");
      const routes = ingress!.spec.rules.flatMap((rule) => rule.http.paths);
      for (const route of routes) {
        const service = services.find((candidate) => candidate.metadata.name === route.backend.service.name);
        expect(service, route.path).toBeDefined();
        expect(service!.spec.ports.some((port) => port.name === route.backend.service.port.name || port.port === route.backend.service.port.number)).toBe(true);
      }
      // pusher-js opens ws(s)://host/app/{key}; the channel server answers that path (realtime/src/channel-server.ts).
      expect(routes.find((route) => route.path === "/app/")?.backend.service.name).toBe("wheelhouse-realtime");
      expect(readFileSync(path.join(root, "realtime", "src", "channel-server.ts"), "utf8")).toContain("/^\\/app\\/([^/]+)\\/?$/");
      expect(routes.find((route) => route.path === "/")?.backend.service.name).toBe("wheelhouse-web");
      expect(ingress!.metadata.annotations?.["nginx.ingress.kubernetes.io/proxy-read-timeout"]).toBeDefined();
    });

    it("probes hit paths the processes serve; web is ready on /api/ready and alive on /api/health", () => {
      for (const deployment of byKind<Workload>(appWorkloads(objects), "Deployment")) {
        const container = deployment.spec.template.spec.containers[0]!;
        const serves = servedPaths(container.args);
        for (const probe of [container.readinessProbe, container.livenessProbe]) {
          expect(probe?.httpGet, `${deployment.metadata.name} probe`).toBeDefined();
          expect(serves(probe!.httpGet!.path), `${deployment.metadata.name} ${probe!.httpGet!.path}`).toBe(true);
          expect(container.ports?.some((port) => port.name === probe!.httpGet!.port || port.containerPort === probe!.httpGet!.port)).toBe(true);
        }
        if (container.args?.[0] === "web") {
          expect(container.readinessProbe?.httpGet?.path).toBe("/api/ready");
          expect(container.livenessProbe?.httpGet?.path).toBe("/api/health");
        }
      }
    });

    it("every pod runs as non-root with a read-only root filesystem, no capabilities, limits, and mounts what it writes", () => {
      for (const workload of [...appWorkloads(objects), ...byKind<Workload>(objects, "StatefulSet")]) {
        const pod = workload.spec.template.spec;
        expect(pod.securityContext?.runAsNonRoot, workload.metadata.name).toBe(true);
        for (const container of pod.containers) {
          expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
          expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(["cpu", "memory"]);
          expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(["cpu", "memory"]);
          for (const mount of container.volumeMounts ?? []) expect(pod.volumes?.some((volume) => volume.name === mount.name) || workload.kind === "StatefulSet").toBe(true);
        }
        if (pod.containers[0]!.args?.[0] === "web") {
          expect(pod.containers[0]!.volumeMounts?.map((mount) => mount.mountPath)).toContain("/app/.next/cache");
        }
      }
    });

    it("every variable the manifests set is one the app reads, from a ConfigMap and Secret that exist or are templated", () => {
      const configMaps = byKind<KubeObject & { data: Record<string, string> }>(objects, "ConfigMap");
      const secretTemplate = readYamlDocuments(path.join(k8s, "secret.template.yaml")) as Array<KubeObject & { stringData: Record<string, string> }>;
      const variables = new Set<string>();
      for (const configMap of configMaps) for (const name of Object.keys(configMap.data)) variables.add(name);
      for (const workload of appWorkloads(objects)) {
        for (const container of workload.spec.template.spec.containers) {
          for (const entry of container.env ?? []) variables.add(entry.name);
          for (const source of container.envFrom ?? []) {
            if (source.configMapRef) expect(configMaps.map((configMap) => configMap.metadata.name)).toContain(source.configMapRef.name);
            if (source.secretRef) {
              const secret = secretTemplate.find((candidate) => candidate.metadata.name === source.secretRef!.name);
              expect(secret, source.secretRef.name).toBeDefined();
              for (const name of Object.keys(secret!.stringData)) variables.add(name);
            }
          }
        }
      }
      expect([...variables].filter((name) => !KNOWN_VARIABLES.has(name))).toEqual([]);
    });
  });

  it("only the dev overlay runs PostgreSQL and Redis in the cluster", () => {
    const statefulSets = (overlay: string) => byKind(renderKustomization(path.join(k8s, "overlays", overlay)), "StatefulSet").map((set) => set.metadata.name);
    expect(statefulSets("dev").sort()).toEqual(["wheelhouse-postgres", "wheelhouse-redis"]);
    expect(statefulSets("prod")).toEqual([]);
  });
});
