// The deployment files cannot be run here (no Docker engine, no cluster): these tests read them and
// check what they promise. The second half feeds each check a deliberately broken copy, so a check that
// stopped looking would fail too.
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  checkApiProbes,
  checkCompose,
  checkComposeProxy,
  checkK8sEnvNames,
  checkK8sLeastPrivilege,
  checkK8sRedis,
  checkK8sWiring,
  checkKustomize,
  checkNonRoot,
  checkNoSecretsInK8s,
  envNamesRead,
  loadK8s,
  Manifest,
  Obj,
  parseYamlFile,
  podSpecs,
  postgresMajors,
  renderKustomize,
  ROOT,
} from './manifest-checks';

const k8s = loadK8s();
const prod = parseYamlFile('infra/docker-compose.prod.yml')[0];
const dev = parseYamlFile('infra/docker-compose.yml')[0];
const known = envNamesRead();
const nginx = readFileSync(join(ROOT, 'infra/proxy/nginx.conf'), 'utf8');

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
function mutate(manifests: Manifest[], kind: string, name: string, change: (doc: Obj) => void): Manifest[] {
  const copy = clone(manifests);
  const m = copy.find((x) => x.doc.kind === kind && x.doc.metadata?.name === name);
  if (!m) throw new Error(`no ${kind}/${name} to mutate`);
  change(m.doc);
  return copy;
}
const apiContainer = (doc: Obj) => doc.spec.template.spec.containers.find((c: Obj) => c.name === 'api');

describe('deployment files as written', () => {
  it('parse, and the Kubernetes ones include the workloads the platform needs', () => {
    const kinds = k8s.map((m) => `${m.doc.kind}/${m.doc.metadata?.name}`);
    for (const k of ['Namespace/ashar', 'ConfigMap/ashar-config', 'Deployment/ashar-api', 'Service/ashar-api', 'Ingress/ashar', 'HorizontalPodAutoscaler/ashar-api', 'PodDisruptionBudget/ashar-api', 'Deployment/ashar-worker', 'Job/ashar-migrate', 'CronJob/ashar-backup', 'StatefulSet/ashar-redis', 'Cluster/ashar-db']) {
      expect(kinds).toContain(k);
    }
  });

  it('the configuration reader is parsed into names (so the env check compares against something real)', () => {
    for (const n of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'PORT', 'HOST', 'NODE_ENV', 'GRAPHQL_MAX_DEPTH', 'ARGON2_MEMORY_KIB', 'BACKUP_DATABASE_URL']) expect(known).toContain(n);
    expect(known).not.toContain('DATABASE_PASSWORD');
  });

  it('API containers are ready on /readyz, alive on /healthz, with a startup probe and resources', () => {
    expect(checkApiProbes(k8s)).toEqual([]);
  });

  it('every environment variable the manifests set is one the processes read', () => {
    expect(checkK8sEnvNames(k8s, known)).toEqual([]);
  });

  it('no manifest holds a secret: Secret templates are empty, secret values come from Secrets', () => {
    expect(checkNoSecretsInK8s(k8s)).toEqual([]);
  });

  it('Redis persists (AOF on a PVC) and never evicts', () => {
    expect(checkK8sRedis(k8s)).toEqual([]);
  });

  it('every pod runs as non-root, without privilege escalation, on a read-only root file system', () => {
    expect(checkNonRoot(k8s)).toEqual([]);
    const app = podSpecs(k8s).filter((p) => ['ashar-api', 'ashar-worker'].includes(p.name));
    expect(app).toHaveLength(2);
  });

  it('the API and workers never see the owner role; the migrate Job runs as it', () => {
    expect(checkK8sLeastPrivilege(k8s)).toEqual([]);
  });

  it('selectors, the autoscaler, the ingress and the kustomizations agree with what they name', () => {
    expect(checkK8sWiring(k8s)).toEqual([]);
    expect(checkKustomize()).toEqual([]);
  });

  it('PostgreSQL has a primary and a replica, the app login role is in ashar_app', () => {
    const cluster = k8s.find((m) => m.doc.kind === 'Cluster')!.doc;
    expect(cluster.spec.instances).toBeGreaterThanOrEqual(2);
    const role = cluster.spec.managed.roles.find((r: Obj) => r.name === 'ashar_api');
    expect(role).toMatchObject({ login: true, inRoles: ['ashar_app'] });
    expect(cluster.spec.bootstrap.initdb.owner).not.toBe('ashar_api');
  });

  it('one PostgreSQL major version everywhere (an older pg_dump refuses a newer server)', () => {
    const majors = postgresMajors(k8s, [prod, dev]);
    expect(Object.keys(majors).length).toBeGreaterThanOrEqual(5);
    expect(new Set(Object.values(majors))).toEqual(new Set([majors['CloudNativePG Cluster imageName']]));
  });

  it('the production compose file: healthchecks, Redis, secrets from the environment, the API not as the owner', () => {
    expect(checkCompose('infra/docker-compose.prod.yml', prod, known, { production: true })).toEqual([]);
  });

  it('the production proxy is the one trusted hop: fixed address in TRUST_PROXY, header overwritten, upstream = api', () => {
    expect(checkComposeProxy(prod, nginx)).toEqual([]);
  });

  it('the development compose file: known variables, Redis persisted, no literal secret', () => {
    expect(checkCompose('infra/docker-compose.yml', dev, known, { production: false })).toEqual([]);
  });
});

// kustomize itself, when kubectl is installed (offline: `kubectl kustomize` needs no cluster).
const rendered = renderKustomize('infra/k8s/overlays/production');
(rendered ? describe : describe.skip)('the production overlay as kustomize renders it', () => {
  const templates = k8s.filter((m) => m.file.endsWith('secrets.template.yaml'));
  const all = [...(rendered ?? []), ...templates];

  it('holds every workload, all in the namespace ashar, with the overlay applied', () => {
    const kinds = rendered!.map((m) => `${m.doc.kind}/${m.doc.metadata?.name}`);
    expect(kinds).toEqual(expect.arrayContaining(['Deployment/ashar-api', 'Deployment/ashar-worker', 'Job/ashar-migrate', 'CronJob/ashar-backup', 'StatefulSet/ashar-redis', 'Cluster/ashar-db']));
    expect(kinds).not.toContain('Secret/ashar-app');
    for (const m of rendered!) if (m.doc.kind !== 'Namespace') expect([m.doc.metadata.name, m.doc.metadata.namespace]).toEqual([m.doc.metadata.name, 'ashar']);
    const hpa = rendered!.find((m) => m.doc.kind === 'HorizontalPodAutoscaler')!.doc;
    expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([3, 12]);
  });

  it('every app image has a registry and a fixed tag', () => {
    const images = podSpecs(rendered!).flatMap((p) => (p.spec.containers ?? []).map((c: Obj) => c.image as string));
    expect(images.length).toBeGreaterThanOrEqual(5);
    for (const image of images) expect(image).toMatch(/^[^:]+(\/[^:]+)*:(?!latest$)[\w.-]+$/);
    expect(images.filter((i) => !i.startsWith('redis:'))).toEqual(images.filter((i) => i.startsWith('ghcr.io/')));
  });

  it('passes the same checks as the sources', () => {
    expect([
      ...checkApiProbes(all),
      ...checkK8sEnvNames(all, known),
      ...checkNoSecretsInK8s(all),
      ...checkK8sRedis(all),
      ...checkNonRoot(all),
      ...checkK8sLeastPrivilege(all),
      ...checkK8sWiring(all),
    ]).toEqual([]);
  });
});

describe('the checks catch a wrong manifest', () => {
  it('liveness on /readyz (a database outage would restart every pod)', () => {
    const bad = mutate(k8s, 'Deployment', 'ashar-api', (d) => (apiContainer(d).livenessProbe.httpGet.path = '/readyz'));
    expect(checkApiProbes(bad)).toEqual([expect.stringContaining('livenessProbe must GET /healthz')]);
  });

  it('a missing readiness probe', () => {
    const bad = mutate(k8s, 'Deployment', 'ashar-api', (d) => delete apiContainer(d).readinessProbe);
    expect(checkApiProbes(bad)).toEqual([expect.stringContaining('readinessProbe must GET /readyz')]);
  });

  it('a misspelt variable in the ConfigMap', () => {
    const bad = mutate(k8s, 'ConfigMap', 'ashar-config', (d) => (d.data.GRAPHQL_MAX_DEPT = '8'));
    expect(checkK8sEnvNames(bad, known).join('\n')).toContain('sets GRAPHQL_MAX_DEPT, which no process reads');
  });

  it('a value in a Secret template, a literal password in env, a URL with a password in a ConfigMap', () => {
    let bad = mutate(k8s, 'Secret', 'ashar-app', (d) => (d.stringData.JWT_SECRET = 'x'.repeat(40)));
    expect(checkNoSecretsInK8s(bad)).toEqual([expect.stringContaining('key JWT_SECRET has a value')]);
    bad = mutate(k8s, 'CronJob', 'ashar-backup', (d) => d.spec.jobTemplate.spec.template.spec.containers[0].env.push({ name: 'PGPASSWORD', value: 'hunter2' }));
    expect(checkNoSecretsInK8s(bad)).toEqual([expect.stringContaining('PGPASSWORD is a literal')]);
    bad = mutate(k8s, 'ConfigMap', 'ashar-config', (d) => (d.data.REDIS_URL = 'redis://:hunter2@ashar-redis:6379'));
    expect(checkNoSecretsInK8s(bad)).toEqual([expect.stringContaining('a URL with a password')]);
  });

  it('Redis without AOF, with eviction, or without a PVC', () => {
    const redis = (d: Obj) => d.spec.template.spec.containers[0];
    let bad = mutate(k8s, 'StatefulSet', 'ashar-redis', (d) => (redis(d).args = ['/etc/redis/redis.conf']));
    bad = mutate(bad, 'ConfigMap', 'ashar-redis-config', (d) => (d.data['redis.conf'] = 'maxmemory-policy allkeys-lru\n'));
    const found = checkK8sRedis(bad).join('\n');
    expect(found).toContain('appendonly yes');
    expect(found).toContain('noeviction');
    bad = mutate(k8s, 'StatefulSet', 'ashar-redis', (d) => (d.spec.volumeClaimTemplates = []));
    expect(checkK8sRedis(bad)).toEqual([expect.stringContaining('/data must be a PersistentVolumeClaim')]);
  });

  it('a worker as root or with a writable root file system', () => {
    let bad = mutate(k8s, 'Deployment', 'ashar-worker', (d) => (d.spec.template.spec.securityContext = { runAsUser: 0 }));
    expect(checkNonRoot(bad).join('\n')).toMatch(/ashar-worker container worker: runAsNonRoot must be true[\s\S]*runs as uid 0/);
    bad = mutate(k8s, 'Deployment', 'ashar-worker', (d) => (d.spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem = false));
    expect(checkNonRoot(bad)).toEqual([expect.stringContaining('readOnlyRootFilesystem must be true')]);
  });

  it('the API reading the owner Secret', () => {
    const bad = mutate(k8s, 'Deployment', 'ashar-api', (d) => apiContainer(d).envFrom.push({ secretRef: { name: 'ashar-owner' } }));
    expect(checkK8sLeastPrivilege(bad)).toEqual([expect.stringContaining('reads ashar-owner')]);
  });

  it('a Deployment replica count under an autoscaler, a Service that selects nothing', () => {
    let bad = mutate(k8s, 'Deployment', 'ashar-api', (d) => (d.spec.replicas = 3));
    expect(checkK8sWiring(bad)).toEqual([expect.stringContaining('resets the autoscaler')]);
    bad = mutate(k8s, 'Service', 'ashar-api', (d) => (d.spec.selector = { 'app.kubernetes.io/component': 'apii' }));
    expect(checkK8sWiring(bad)).toEqual([expect.stringContaining('selects no pod')]);
  });

  it('compose: the API as the owner or the superuser, a literal secret, Redis that may evict', () => {
    const withApiUser = (user: string) => {
      const c = clone(prod);
      c.services.api.environment.DATABASE_URL = `postgres://${user}:\${ASHAR_OWNER_PASSWORD:?x}@postgres:5432/ashar`;
      return checkCompose('prod', c, known, { production: true }).join('\n');
    };
    expect(withApiUser('ashar')).toContain('logs in as ashar, the owner role that runs migrations');
    expect(withApiUser('postgres')).toContain('logs in as postgres, the PostgreSQL superuser');
    const c = clone(prod);
    c.services.worker.environment.JWT_SECRET = 'not-from-the-environment-0123456789abcdef';
    c.services.redis.command = c.services.redis.command.map((a: string) => (a === 'noeviction' ? 'allkeys-lru' : a));
    c.services.api.healthcheck.test = ['CMD', 'true'];
    const found = checkCompose('prod', c, known, { production: true }).join('\n');
    expect(found).toContain('worker: JWT_SECRET must be ${VAR:?...}');
    expect(found).toContain('noeviction');
    expect(found).toContain('api: the healthcheck must ask /readyz');
  });

  it('compose: TRUST_PROXY set to everything', () => {
    const c = clone(prod);
    c.services.api.environment.TRUST_PROXY = 'true';
    c.services.worker.environment.TRUST_PROXY = 'true';
    expect(checkCompose('prod', c, known, { production: true }).join('\n')).toContain('TRUST_PROXY must name the proxy');
  });

  it('compose: a proxy address Docker may give to a replica, TRUST_PROXY too wide, an appended X-Forwarded-For', () => {
    const c = clone(prod);
    c.networks.edge.ipam.config[0].ip_range = undefined;
    c.services.api.environment.TRUST_PROXY = '172.16.0.0/12';
    const found = checkComposeProxy(c, nginx.replace('X-Forwarded-For $remote_addr', 'X-Forwarded-For $proxy_add_x_forwarded_for')).join('\n');
    expect(found).toContain('ip_range must exclude 172.30.0.2');
    expect(found).toContain('trusts more than the proxy');
    expect(found).toContain('must overwrite X-Forwarded-For');
  });
});
