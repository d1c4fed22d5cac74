// Where `npm start` puts the hub: ports, database names, consumer groups and files, from the environment.
//   HUB_PORT_BASE=3000   gateway on the base port, catalogue, dossier, payment, rating on the next four, the payment
//                        sandbox on base+5 and the mock agency system (webhook receiver) on base+6
//   GATEWAY_PORT         the gateway's port alone (default: HUB_PORT_BASE)
//   HUB_INSTANCE=<name>  a second hub beside the first: databases hub_<name>_<app>, consumer groups
//                        <app>-<name>, keys in .local/dev-secrets-<name>.json (default: none, hub_<app>)

const NAME = /^[a-z0-9_]{1,20}$/;
const OFFSETS = { gateway: 0, catalogue: 1, dossier: 2, payment: 3, rating: 4 };

function port(value, variable) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1024 || n > 65535 - 6) throw new Error(`${variable} must be a port number from 1024 to 65529 (got "${value}")`);
  return n;
}

/** @returns {{ ports: Record<string, number>, instance: string, databaseOf(app: string): string, roleOf(app: string): string, groupOf(app: string): string | undefined, secretsFile: string, lockFile: string }} */
export function hubSettings(env = process.env) {
  const base = port(env.HUB_PORT_BASE || '3000', 'HUB_PORT_BASE');
  const instance = env.HUB_INSTANCE ?? '';
  if (instance !== '' && !NAME.test(instance)) throw new Error(`HUB_INSTANCE must be 1-20 lower-case letters, digits or underscores (got "${instance}")`);
  const ports = Object.fromEntries(Object.entries(OFFSETS).map(([app, offset]) => [app, base + offset]));
  if (env.GATEWAY_PORT) ports.gateway = port(env.GATEWAY_PORT, 'GATEWAY_PORT');
  const suffix = instance ? `-${instance}` : '';
  return {
    ports,
    /** The mock agency system (webhook receiver) that `npm start` runs beside the apps. */
    mockAgencySystemPort: base + 6,
    instance,
    databaseOf: (app) => (instance ? `hub_${instance}_${app}` : `hub_${app}`),
    // Each service's own login role on the local server, owning only its databases (as hub_<service> in compose).
    roleOf: (app) => `hub_${app}`,
    // The services' default group is their name; another instance must not share partitions with it.
    groupOf: (app) => (instance ? `${app}-${instance}` : undefined),
    secretsFile: `.local/dev-secrets${suffix}.json`,
    lockFile: `.local/hub${suffix}.pid`,
  };
}
