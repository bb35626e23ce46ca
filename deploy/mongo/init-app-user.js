// The gateway's own MongoDB user: read and write database bedrock_usage and change its TTL index
// (collMod), nothing else. mongo's entrypoint runs this once, as root, when the data volume is first
// initialised; run it again by hand to create the user on an existing volume or to set a new
// password (see README, "Deploy").
const username = process.env.MONGO_APP_USERNAME;
const password = process.env.MONGO_APP_PASSWORD;
if (!username || !password) {
  throw new Error('MONGO_APP_USERNAME and MONGO_APP_PASSWORD must be set');
}

const usage = db.getSiblingDB('bedrock_usage');
// readWrite covers inserts, queries and createIndex; a changed USAGE_RETENTION_DAYS needs collMod.
const schemaRole = 'bedrockGatewaySchema';
if (!usage.getRole(schemaRole)) {
  usage.createRole({
    role: schemaRole,
    privileges: [{ resource: { db: 'bedrock_usage', collection: '' }, actions: ['collMod'] }],
    roles: [],
  });
}

const roles = [
  { role: 'readWrite', db: 'bedrock_usage' },
  { role: schemaRole, db: 'bedrock_usage' },
];
if (usage.getUser(username)) {
  usage.updateUser(username, { pwd: password, roles: roles });
  print(`Updated MongoDB user ${username} on bedrock_usage`);
} else {
  usage.createUser({ user: username, pwd: password, roles: roles });
  print(`Created MongoDB user ${username} on bedrock_usage`);
}
