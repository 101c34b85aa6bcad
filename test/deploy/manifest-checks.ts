// Static checks of the deployment files (infra/k8s, infra/docker-compose*.yml): nothing here can be
// run on the build machines (no Docker engine, no cluster), so the files are read and their promises
// checked. Each check returns the problems it found (empty = fine), so a test can also show that a
// wrong manifest is caught.
import { spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import * as YAML from 'yaml';

export const ROOT = join(__dirname, '../..');

export type Obj = Record<string, any>;
export interface Manifest {
  file: string; // relative to the repository root
  doc: Obj;
}

/** Every YAML document of a file; a syntax error is thrown, naming the file. */
export function parseYamlFile(file: string): Obj[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const docs = YAML.parseAllDocuments(text, { merge: true }) as unknown as { errors: Error[]; toJSON(): unknown }[];
  return docs.map((d, i) => {
    if (d.errors.length) throw new Error(`${file} (document ${i + 1}): ${d.errors.map((e) => e.message).join('; ')}`);
    return d.toJSON() as Obj;
  }).filter((d) => d !== null && d !== undefined);
}

export function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(join(ROOT, d), { withFileTypes: true })) {
      const rel = join(d, e.name);
      if (e.isDirectory()) walk(rel);
      else if (/\.ya?ml$/.test(e.name)) out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

export function loadK8s(): Manifest[] {
  return yamlFilesUnder('infra/k8s').flatMap((file) => parseYamlFile(file).map((doc) => ({ file, doc })));
}

// ---- which environment variables the processes read ---------------------------------------------

/** Names added by work in progress elsewhere (the hardening issue) and read once that lands. */
export const NEW_ENV_NAMES = ['TRUST_PROXY', 'AUDIT_ANCHOR_FILE', 'AUDIT_ANCHOR_KEY', 'AUDIT_ANCHOR_INTERVAL_MINUTES', 'MIGRATION_DATABASE_URL'];
/** Set by the manifests for later use, read by nothing yet (docs/scaling.md says so). */
export const RESERVED_ENV_NAMES = ['DATABASE_READ_URL'];

/**
 * Every name the configuration reads: `env.NAME`, `env['NAME']` and `'NAME'` literals in
 * libs/shared/kernel/src/config.ts, and `process.env.NAME` in the CLI and the backup script.
 */
export function envNamesRead(): Set<string> {
  const names = new Set<string>([...NEW_ENV_NAMES, ...RESERVED_ENV_NAMES]);
  const config = readFileSync(join(ROOT, 'libs/shared/kernel/src/config.ts'), 'utf8');
  for (const m of config.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) names.add(m[1]);
  for (const m of config.matchAll(/['"]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})['"]/g)) names.add(m[1]);
  for (const file of ['apps/cli/src/main.ts', 'infra/backup/backup.mjs']) {
    if (!existsSync(join(ROOT, file))) continue;
    for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)) names.add(m[1]);
  }
  return names;
}

// ---- Kubernetes helpers -----------------------------------------------------------------------------

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

export interface PodSpecRef {
  file: string;
  kind: string;
  name: string;
  podLabels: Obj;
  spec: Obj; // the pod spec
}

export function podSpecs(manifests: Manifest[]): PodSpecRef[] {
  return manifests
    .filter((m) => WORKLOAD_KINDS.includes(m.doc.kind))
    .map((m) => {
      const template = m.doc.kind === 'CronJob' ? m.doc.spec?.jobTemplate?.spec?.template : m.doc.spec?.template;
      return { file: m.file, kind: m.doc.kind, name: m.doc.metadata?.name, podLabels: template?.metadata?.labels ?? {}, spec: template?.spec ?? {} };
    });
}

export function containersOf(pod: PodSpecRef): Obj[] {
  return [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])];
}

/** Containers that run Ashar's code (its image or the backup image built from it). */
export function isAppContainer(c: Obj): boolean {
  return c.image === 'ashar' || c.image === 'ashar-backup';
}

export function runs(c: Obj, entry: string): boolean {
  return [...(c.command ?? []), ...(c.args ?? [])].some((a: unknown) => typeof a === 'string' && a.includes(entry));
}

function find(manifests: Manifest[], kind: string, name: string): Obj | undefined {
  return manifests.find((m) => m.doc.kind === kind && m.doc.metadata?.name === name)?.doc;
}

/** The names a container gets: env entries plus the keys of the ConfigMaps and Secrets of envFrom. */
export function containerEnvNames(c: Obj, manifests: Manifest[]): { names: string[]; problems: string[] } {
  const names: string[] = (c.env ?? []).map((e: Obj) => e.name);
  const problems: string[] = [];
  for (const from of c.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    const kind = from.configMapRef ? 'ConfigMap' : 'Secret';
    const doc = find(manifests, kind, ref?.name);
    if (!doc) {
      problems.push(`envFrom names ${kind} ${ref?.name}, which no manifest (or Secret template) defines`);
      continue;
    }
    names.push(...Object.keys({ ...(doc.data ?? {}), ...(doc.stringData ?? {}) }));
  }
  return { names, problems };
}

/** Secrets whose keys a container reads, through envFrom or secretKeyRef. */
export function secretsRead(c: Obj): string[] {
  const fromEnv = (c.env ?? []).map((e: Obj) => e.valueFrom?.secretKeyRef?.name).filter(Boolean);
  const fromEnvFrom = (c.envFrom ?? []).map((f: Obj) => f.secretRef?.name).filter(Boolean);
  return [...fromEnv, ...fromEnvFrom];
}

// ---- the checks -----------------------------------------------------------------------------------

/** API containers: ready on /readyz, alive on /healthz (never /readyz: a database outage would restart all), a startup probe. */
export function checkApiProbes(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  const api = podSpecs(manifests).flatMap((p) => containersOf(p).filter((c) => runs(c, 'apps/api/src/main.ts')).map((c) => ({ p, c })));
  if (!api.length) problems.push('no container runs apps/api/src/main.ts');
  for (const { p, c } of api) {
    const at = `${p.file} ${p.kind}/${p.name} container ${c.name}`;
    if (c.readinessProbe?.httpGet?.path !== '/readyz') problems.push(`${at}: readinessProbe must GET /readyz`);
    if (c.livenessProbe?.httpGet?.path !== '/healthz') problems.push(`${at}: livenessProbe must GET /healthz`);
    if (!c.startupProbe?.httpGet?.path) problems.push(`${at}: needs a startupProbe`);
    const ports = (c.ports ?? []).flatMap((x: Obj) => [x.name, x.containerPort]);
    for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
      const port = c[probe]?.httpGet?.port;
      if (port !== undefined && !ports.includes(port)) problems.push(`${at}: ${probe} port ${port} is not a container port`);
    }
    if (!c.resources?.requests?.cpu || !c.resources?.limits?.memory) problems.push(`${at}: needs a CPU request and a memory limit`);
  }
  return problems;
}

/** Every variable set on an app container is one the processes read (a typo is a setting silently ignored). */
export function checkK8sEnvNames(manifests: Manifest[], known: Set<string>): string[] {
  const problems: string[] = [];
  for (const p of podSpecs(manifests)) {
    for (const c of containersOf(p).filter(isAppContainer)) {
      const { names, problems: refProblems } = containerEnvNames(c, manifests);
      problems.push(...refProblems.map((x) => `${p.file} ${p.name}/${c.name}: ${x}`));
      for (const n of names) if (!known.has(n)) problems.push(`${p.file} ${p.name}/${c.name}: sets ${n}, which no process reads`);
    }
  }
  return problems;
}

const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|_KEY$|^KEY$)/;
// scheme://user:PASSWORD@ where PASSWORD may be a ${compose} or $(kubernetes) reference.
const URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^\s:/@"'$]*:(\$\{[^}]*\}|\$\([^)]*\)|[^\s@"'/$]+)@/gi;
const COMPOSE_REF = /^\$\{[A-Z0-9_]+(:\?[^}]*)?\}$/;

/** No secret in a manifest: Secret templates are empty, secret-named env values come from Secrets. */
export function checkNoSecretsInK8s(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const m of manifests) {
    const where = `${m.file} ${m.doc.kind}/${m.doc.metadata?.name}`;
    if (m.doc.kind === 'Secret') {
      for (const [k, v] of Object.entries({ ...(m.doc.data ?? {}), ...(m.doc.stringData ?? {}) })) {
        if (v !== '' && v !== null) problems.push(`${where}: key ${k} has a value (a template keeps every value empty)`);
      }
    }
  }
  for (const p of podSpecs(manifests)) {
    for (const c of containersOf(p)) {
      for (const e of c.env ?? []) {
        if (e.value !== undefined && SECRET_NAME.test(e.name)) problems.push(`${p.file} ${p.name}/${c.name}: ${e.name} is a literal; take it from a Secret`);
      }
    }
  }
  // Any URL with a password in any manifest (ConfigMaps included); comments are not parsed, so the
  // documented `kubectl create secret` lines with $VARIABLES do not count.
  for (const m of manifests) {
    for (const match of JSON.stringify(m.doc).matchAll(URL_WITH_PASSWORD)) {
      if (match[1].startsWith('$(')) continue; // $(VAR): filled from a Secret by the kubelet
      problems.push(`${m.file} ${m.doc.kind}/${m.doc.metadata?.name}: a URL with a password (${match[0].replace(match[1], '***')})`);
    }
  }
  return problems;
}

function argsOf(c: Obj): string {
  return [...(c.command ?? []), ...(c.args ?? [])].join(' ');
}

function redisFlagsProblems(where: string, flags: string, conf = ''): string[] {
  const has = (k: string, v: string) => new RegExp(`(^|\\s|--)${k}\\s+${v}(\\s|$)`, 'm').test(flags) || new RegExp(`^${k}\\s+${v}\\s*$`, 'm').test(conf);
  const problems: string[] = [];
  if (!has('appendonly', 'yes')) problems.push(`${where}: Redis must run with appendonly yes (a restart would lose every queued job)`);
  if (!has('appendfsync', '(everysec|always)')) problems.push(`${where}: Redis must fsync the AOF (appendfsync everysec)`);
  if (!has('maxmemory-policy', 'noeviction')) problems.push(`${where}: Redis must run with maxmemory-policy noeviction (an evicted key is a lost job)`);
  if (/maxmemory-policy\s+(?!noeviction)\S+/.test(flags) || /^maxmemory-policy\s+(?!noeviction)\S+/m.test(conf)) problems.push(`${where}: another maxmemory-policy is set too`);
  return problems;
}

/** Redis: persisted (AOF on a volume at /data) and never evicting. */
export function checkK8sRedis(manifests: Manifest[]): string[] {
  const redis = podSpecs(manifests).flatMap((p) => containersOf(p).filter((c) => /(^|\/)redis:/.test(c.image ?? '')).map((c) => ({ p, c })));
  if (!redis.length) return ['no Redis container in infra/k8s'];
  const problems: string[] = [];
  for (const { p, c } of redis) {
    const where = `${p.file} ${p.kind}/${p.name}`;
    const confs = (p.spec.volumes ?? [])
      .map((v: Obj) => v.configMap?.name && find(manifests, 'ConfigMap', v.configMap.name))
      .filter(Boolean)
      .flatMap((cm: Obj) => Object.values(cm.data ?? {}));
    problems.push(...redisFlagsProblems(where, argsOf(c), confs.join('\n')));
    const workload = find(manifests, p.kind, p.name)!;
    const claims = (workload.spec?.volumeClaimTemplates ?? []).map((t: Obj) => t.metadata?.name);
    const dataMount = (c.volumeMounts ?? []).find((vm: Obj) => vm.mountPath === '/data');
    if (!dataMount || !claims.includes(dataMount.name)) problems.push(`${where}: /data must be a PersistentVolumeClaim (volumeClaimTemplates)`);
  }
  return problems;
}

/** Every pod runs as non-root without privilege escalation; the app's pods on a read-only root with an emptyDir /tmp. */
export function checkNonRoot(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const p of podSpecs(manifests)) {
    const podSc = p.spec.securityContext ?? {};
    for (const c of containersOf(p)) {
      const sc = { ...podSc, ...(c.securityContext ?? {}) };
      const at = `${p.file} ${p.kind}/${p.name} container ${c.name}`;
      if (sc.runAsNonRoot !== true) problems.push(`${at}: runAsNonRoot must be true`);
      if (sc.runAsUser === 0) problems.push(`${at}: runs as uid 0`);
      if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation must be false`);
      if (sc.readOnlyRootFilesystem !== true) problems.push(`${at}: readOnlyRootFilesystem must be true`);
      if (isAppContainer(c)) {
        const tmp = (c.volumeMounts ?? []).find((vm: Obj) => vm.mountPath === '/tmp');
        const vol = tmp && (p.spec.volumes ?? []).find((v: Obj) => v.name === tmp.name);
        if (!vol?.emptyDir) problems.push(`${at}: /tmp must be an emptyDir (the root file system is read-only)`);
      }
    }
  }
  return problems;
}

/** The API and workers never read the Secret that holds the owner role's URL. */
export function checkK8sLeastPrivilege(manifests: Manifest[]): string[] {
  const ownerSecrets = manifests
    .filter((m) => m.doc.kind === 'Secret' && 'MIGRATION_DATABASE_URL' in { ...(m.doc.data ?? {}), ...(m.doc.stringData ?? {}) })
    .map((m) => m.doc.metadata.name);
  const problems: string[] = [];
  if (!ownerSecrets.length) problems.push('no Secret template holds MIGRATION_DATABASE_URL');
  for (const p of podSpecs(manifests)) {
    for (const c of containersOf(p).filter((x) => runs(x, 'apps/api/src/main.ts') || runs(x, 'apps/worker/src/main.ts'))) {
      for (const s of secretsRead(c)) if (ownerSecrets.includes(s)) problems.push(`${p.file} ${p.name}/${c.name}: reads ${s}, the owner role's Secret`);
    }
    for (const c of containersOf(p).filter((x) => runs(x, 'apps/cli/src/main.ts') && runs(x, 'migrate'))) {
      const urls = (c.env ?? []).filter((e: Obj) => ['DATABASE_URL', 'MIGRATION_DATABASE_URL'].includes(e.name));
      if (!urls.some((e: Obj) => e.name === 'MIGRATION_DATABASE_URL')) problems.push(`${p.file} ${p.name}: the migrate step must get MIGRATION_DATABASE_URL`);
      for (const e of urls) if (!ownerSecrets.includes(e.valueFrom?.secretKeyRef?.name)) problems.push(`${p.file} ${p.name}: ${e.name} of the migrate step must come from the owner Secret`);
    }
  }
  return problems;
}

/** Selectors, references and the kustomization agree with the resources they name. */
export function checkK8sWiring(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  const matches = (selector: Obj | undefined, labels: Obj) => !!selector && Object.entries(selector).every(([k, v]) => labels[k] === v);
  const pods = podSpecs(manifests);
  for (const m of manifests) {
    const d = m.doc;
    const where = `${m.file} ${d.kind}/${d.metadata?.name}`;
    if (['Deployment', 'StatefulSet'].includes(d.kind) && !matches(d.spec?.selector?.matchLabels, d.spec?.template?.metadata?.labels ?? {})) {
      problems.push(`${where}: selector does not match its pod labels`);
    }
    if (d.kind === 'Service' && d.spec?.selector && !pods.some((p) => matches(d.spec.selector, p.podLabels))) problems.push(`${where}: selects no pod`);
    if (d.kind === 'PodDisruptionBudget' && !pods.some((p) => matches(d.spec?.selector?.matchLabels, p.podLabels))) problems.push(`${where}: selects no pod`);
    if (d.kind === 'HorizontalPodAutoscaler') {
      const target = find(manifests, d.spec?.scaleTargetRef?.kind, d.spec?.scaleTargetRef?.name);
      if (!target) problems.push(`${where}: scales a missing ${d.spec?.scaleTargetRef?.kind}/${d.spec?.scaleTargetRef?.name}`);
      else if (target.spec?.replicas !== undefined) problems.push(`${where}: its target sets spec.replicas, which resets the autoscaler on every apply`);
      if (!(d.spec?.minReplicas >= 2)) problems.push(`${where}: minReplicas must be at least 2 (one pod is no redundancy)`);
    }
    if (d.kind === 'Ingress') {
      for (const rule of d.spec?.rules ?? []) {
        for (const path of rule.http?.paths ?? []) {
          const svc = find(manifests, 'Service', path.backend?.service?.name);
          const port = path.backend?.service?.port;
          if (!svc) problems.push(`${where}: backend Service ${path.backend?.service?.name} is missing`);
          else if (!(svc.spec?.ports ?? []).some((p: Obj) => p.name === port?.name || p.port === port?.number)) problems.push(`${where}: backend port is not a port of the Service`);
        }
      }
      if (!(d.spec?.tls ?? []).length) problems.push(`${where}: needs TLS`);
    }
  }
  return problems;
}

function pointerGet(doc: Obj, path: string): { found: boolean } {
  let cur: any = doc;
  for (const raw of path.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !(key in cur)) return { found: false };
    cur = cur[key];
  }
  return { found: true };
}

/** The kustomizations: every resource listed exists, every base file is listed, overlay patches hit something. */
export function checkKustomize(): string[] {
  const problems: string[] = [];
  const base = 'infra/k8s/base';
  const baseKust = parseYamlFile(`${base}/kustomization.yaml`)[0];
  const listed: string[] = baseKust.resources ?? [];
  for (const r of listed) if (!existsSync(join(ROOT, base, r))) problems.push(`${base}/kustomization.yaml lists ${r}, which does not exist`);
  for (const f of yamlFilesUnder(base)) {
    const name = relative(base, f);
    if (name === 'kustomization.yaml' || name.includes('.template.')) continue;
    if (!listed.includes(name)) problems.push(`${f} is not listed in ${base}/kustomization.yaml`);
  }
  const baseDocs = listed.filter((r) => existsSync(join(ROOT, base, r))).flatMap((r) => parseYamlFile(join(base, r)));
  if (baseKust.images) problems.push(`${base}/kustomization.yaml renames images: an overlay's images would then match nothing`);
  for (const r of listed) if (r.includes('secret')) problems.push(`${base}/kustomization.yaml applies ${r}: Secrets are created with kubectl, not from git`);
  const overlays = join('infra/k8s/overlays');
  for (const o of readdirSync(join(ROOT, overlays))) {
    const file = join(overlays, o, 'kustomization.yaml');
    const k = parseYamlFile(file)[0];
    for (const r of k.resources ?? []) if (!existsSync(join(ROOT, overlays, o, r))) problems.push(`${file}: resource ${r} does not exist`);
    for (const rep of k.replicas ?? []) {
      const target = baseDocs.find((d) => d.metadata?.name === rep.name && ['Deployment', 'StatefulSet'].includes(d.kind));
      if (!target) problems.push(`${file}: replicas for ${rep.name}, which is no Deployment or StatefulSet`);
      if (baseDocs.some((d) => d.kind === 'HorizontalPodAutoscaler' && d.spec?.scaleTargetRef?.name === rep.name)) problems.push(`${file}: sets replicas of ${rep.name}, which an autoscaler owns`);
    }
    const imageNames = new Set(baseDocs.flatMap((d) => (d.spec?.template?.spec?.containers ?? d.spec?.jobTemplate?.spec?.template?.spec?.containers ?? []).map((c: Obj) => c.image)));
    for (const img of k.images ?? []) {
      if (!imageNames.has(img.name)) problems.push(`${file}: image ${img.name} is used by no container`);
      if (!img.newTag || img.newTag === 'latest') problems.push(`${file}: image ${img.name} needs a fixed newTag (not latest)`);
    }
    for (const name of imageNames) if (!/[:/]/.test(name) && !(k.images ?? []).some((i: Obj) => i.name === name)) problems.push(`${file}: sets no registry and tag for image ${name}`);
    for (const patch of k.patches ?? []) {
      const target = baseDocs.find((d) => d.kind === patch.target?.kind && d.metadata?.name === patch.target?.name);
      if (!target) {
        problems.push(`${file}: patch targets ${patch.target?.kind}/${patch.target?.name}, which the base does not have`);
        continue;
      }
      const ops = YAML.parse(patch.patch) as Obj[];
      for (const op of ops) {
        if (['replace', 'remove', 'test'].includes(op.op) && !pointerGet(target, op.path).found) problems.push(`${file}: patch ${op.op} ${op.path} on ${patch.target.kind}/${patch.target.name}: no such path`);
      }
    }
  }
  return problems;
}

/** PostgreSQL major versions agree: the cluster, the compose files, the backup image and its PG_BIN. */
export function postgresMajors(manifests: Manifest[], composes: Obj[]): Record<string, string> {
  const out: Record<string, string> = {};
  const cluster = manifests.find((m) => m.doc.kind === 'Cluster');
  const major = (image: string) => /:(\d+)/.exec(image)?.[1] ?? `? (${image})`;
  if (cluster) out['CloudNativePG Cluster imageName'] = major(cluster.doc.spec?.imageName ?? '');
  composes.forEach((c, i) => {
    for (const [name, s] of Object.entries<Obj>(c.services ?? {})) if (/^postgres:/.test(s.image ?? '')) out[`compose ${i} ${name}`] = major(s.image);
  });
  const dockerfile = readFileSync(join(ROOT, 'infra/k8s/images/backup.Dockerfile'), 'utf8');
  out['backup.Dockerfile PG_MAJOR'] = /ARG PG_MAJOR=(\d+)/.exec(dockerfile)?.[1] ?? '?';
  for (const p of podSpecs(manifests)) {
    for (const c of containersOf(p)) {
      const pgBin = (c.env ?? []).find((e: Obj) => e.name === 'PG_BIN')?.value;
      if (pgBin) out[`${p.name} PG_BIN`] = /postgresql\/(\d+)\//.exec(pgBin)?.[1] ?? '?';
    }
  }
  return out;
}

// ---- compose ------------------------------------------------------------------------------------------

/** The user name in a postgres:// URL (compose interpolation left as is). */
export function urlUser(url: string | undefined): string | null {
  return url ? (/^postgres(?:ql)?:\/\/([^:@/]+)/.exec(url)?.[1] ?? null) : null;
}

function envOf(service: Obj): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((e: string) => [e.split('=')[0], e.split('=').slice(1).join('=')]));
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

function commandOf(service: Obj): string {
  return Array.isArray(service.command) ? service.command.join(' ') : String(service.command ?? '');
}

/** Services that run Ashar's code: built from the repository's Dockerfile. */
function appServices(compose: Obj): [string, Obj][] {
  return Object.entries<Obj>(compose.services ?? {}).filter(([, s]) => /apps\/(api|worker|cli)\//.test(commandOf(s)));
}

export function checkCompose(file: string, compose: Obj, known: Set<string>, opts: { production: boolean }): string[] {
  const problems: string[] = [];
  const services = compose.services ?? {};
  const apps = appServices(compose);
  const api = apps.filter(([, s]) => commandOf(s).includes('apps/api/src/main.ts'));
  if (!api.length) problems.push(`${file}: no service runs the API`);
  for (const [name, s] of apps) {
    for (const k of Object.keys(envOf(s))) if (!known.has(k)) problems.push(`${file} ${name}: sets ${k}, which no process reads`);
  }
  // A secret is always interpolated from the environment: never written here, never given a default
  // (an empty default is allowed for optional ones).
  for (const [name, s] of Object.entries<Obj>(services)) {
    for (const [k, v] of Object.entries(envOf(s))) {
      for (const m of v.matchAll(URL_WITH_PASSWORD)) if (!COMPOSE_REF.test(m[1])) problems.push(`${file} ${name}: ${k} has a literal password`);
      if (SECRET_NAME.test(k) && !/^\$\{[A-Z0-9_]+(:\?[^}]*|:-)?\}$/.test(v)) problems.push(`${file} ${name}: ${k} must be \${VAR:?...} from the environment`);
    }
    const cmd: string[] = Array.isArray(s.command) ? s.command.map(String) : [];
    const pass = cmd.indexOf('--requirepass');
    if (pass >= 0 && !COMPOSE_REF.test(cmd[pass + 1] ?? '')) problems.push(`${file} ${name}: a literal Redis password`);
  }
  for (const [name, s] of api) {
    const hc = JSON.stringify(s.healthcheck?.test ?? '');
    if (!hc.includes('/readyz')) problems.push(`${file} ${name}: the healthcheck must ask /readyz`);
  }
  const redis = Object.entries<Obj>(services).filter(([, s]) => /^redis:/.test(s.image ?? ''));
  if (!redis.length) problems.push(`${file}: no Redis service`);
  for (const [name, s] of redis) {
    problems.push(...redisFlagsProblems(`${file} ${name}`, commandOf(s)));
    if (!(s.volumes ?? []).some((v: unknown) => typeof v === 'string' && v.endsWith(':/data'))) problems.push(`${file} ${name}: /data must be a volume`);
  }
  if (!opts.production) return problems;

  // Production: the API/worker log in as the application role, never as the owner or the superuser.
  const migrate = apps.find(([, s]) => / migrate\b/.test(commandOf(s)));
  if (!migrate) problems.push(`${file}: no migrate service`);
  const ownerUser = urlUser(envOf(migrate?.[1] ?? {}).MIGRATION_DATABASE_URL);
  if (migrate && !ownerUser) problems.push(`${file}: the migrate service needs MIGRATION_DATABASE_URL (the owner role)`);
  const superusers = Object.values<Obj>(services).filter((s) => /^postgres:/.test(s.image ?? '')).map((s) => envOf(s).POSTGRES_USER ?? 'postgres');
  const initSql = Object.values<Obj>(compose.configs ?? {}).map((c) => String(c.content ?? '')).join('\n');
  for (const [name, s] of apps.filter(([, x]) => /apps\/(api|worker)\/src\/main\.ts/.test(commandOf(x)))) {
    const user = urlUser(envOf(s).DATABASE_URL);
    if (!user) problems.push(`${file} ${name}: DATABASE_URL names no role`);
    else {
      if (user === ownerUser) problems.push(`${file} ${name}: logs in as ${user}, the owner role that runs migrations`);
      if (superusers.includes(user)) problems.push(`${file} ${name}: logs in as ${user}, the PostgreSQL superuser`);
      if (!new RegExp(`CREATE ROLE ${user} LOGIN[^;]*IN ROLE ashar_app`, 'i').test(initSql)) problems.push(`${file} ${name}: ${user} is not created as a member of ashar_app by the init script`);
    }
    if (envOf(s).MIGRATION_DATABASE_URL) problems.push(`${file} ${name}: must not get MIGRATION_DATABASE_URL`);
  }
  if (!(services.proxy?.healthcheck && JSON.stringify(services.proxy.healthcheck.test).includes('/healthz'))) problems.push(`${file} proxy: the healthcheck must ask /healthz through the proxy`);
  const replica = Object.entries<Obj>(services).find(([, s]) => /pg_basebackup/.test(commandOf(s)));
  if (!replica) problems.push(`${file}: no streaming replica (pg_basebackup)`);
  else if (!/--write-recovery-conf|\s-R\b/.test(commandOf(replica[1]))) problems.push(`${file} ${replica[0]}: pg_basebackup needs -R (standby.signal + primary_conninfo)`);
  if (!/REPLICATION/.test(initSql) || !/host\s+replication\s+/.test(initSql)) problems.push(`${file}: the init script must create a replication role and allow it in pg_hba.conf`);
  const trust = apps.map(([, s]) => envOf(s).TRUST_PROXY).find(Boolean);
  if (!trust || /^(true|\*|0\.0\.0\.0\/0|::\/0)$/i.test(trust)) problems.push(`${file}: TRUST_PROXY must name the proxy, not everything`);
  return problems;
}

// ---- the compose proxy -------------------------------------------------------------------------------

function ipv4(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

export function inCidr(ip: string, cidr: string): boolean {
  const [base, bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(ipv4(base) / size) * size;
  return ipv4(ip) >= start && ipv4(ip) < start + size;
}

/**
 * nginx is the one hop the API trusts: TRUST_PROXY is nginx's fixed address, which Docker can never
 * hand to a replica (outside the network's ip_range); nginx overwrites X-Forwarded-For; its upstream
 * is the API service and port.
 */
export function checkComposeProxy(compose: Obj, nginxConf: string): string[] {
  const problems: string[] = [];
  const s = compose.services ?? {};
  const proxyNets = s.proxy?.networks ?? {};
  const [netName, net] = Object.entries<Obj>(Array.isArray(proxyNets) ? {} : proxyNets).find(([, n]) => n?.ipv4_address) ?? [];
  if (!netName) return ['proxy: needs a fixed ipv4_address (TRUST_PROXY names it)'];
  const address = net!.ipv4_address as string;
  const ipam = compose.networks?.[netName]?.ipam?.config?.[0] ?? {};
  if (!ipam.subnet || !inCidr(address, ipam.subnet)) problems.push(`proxy: ${address} is outside the ${netName} subnet`);
  if (!ipam.ip_range || inCidr(address, ipam.ip_range)) problems.push(`networks.${netName}: ip_range must exclude ${address}, or a replica may take it first`);
  const trust = String(s.api?.environment?.TRUST_PROXY ?? '');
  if (!trust.split(',').map((x) => x.trim()).some((c) => c && inCidr(address, c))) problems.push(`api: TRUST_PROXY (${trust}) does not name the proxy's ${address}`);
  for (const c of trust.split(',').map((x) => x.trim()).filter(Boolean)) {
    const bits = Number(c.split('/')[1] ?? 32);
    if (bits < 24) problems.push(`api: TRUST_PROXY ${c} trusts more than the proxy`);
  }
  if (!/proxy_set_header\s+X-Forwarded-For\s+\$remote_addr;/.test(nginxConf)) problems.push('nginx: must overwrite X-Forwarded-For with $remote_addr (appending lets a client forge it)');
  const upstream = /server\s+([a-z0-9_-]+):(\d+)\s/.exec(nginxConf);
  if (!upstream || !s[upstream[1]] || upstream[1] !== 'api') problems.push('nginx: the upstream must be the compose service `api`');
  else if (upstream[2] !== String(s.api.environment?.PORT ?? '3000')) problems.push(`nginx: upstream port ${upstream[2]} is not the API's PORT`);
  const body = /client_max_body_size\s+(\d+)m;/.exec(nginxConf);
  if (!body || Number(body[1]) < 30) problems.push('nginx: client_max_body_size must allow the 30 MB imports');
  return problems;
}

// ---- rendered by kustomize ------------------------------------------------------------------------------

/** `kubectl kustomize DIR` (offline), or null when kubectl is not installed. */
export function renderKustomize(dir: string): Manifest[] | null {
  const probe = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return null;
  const r = spawnSync('kubectl', ['kustomize', join(ROOT, dir)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kubectl kustomize ${dir} failed: ${r.stderr}`);
  const docs = YAML.parseAllDocuments(r.stdout, { merge: true }) as unknown as { errors: Error[]; toJSON(): unknown }[];
  return docs.map((d) => ({ file: `${dir} (rendered)`, doc: d.toJSON() as Obj })).filter((m) => m.doc);
}
