// One MongoDB user per service, defined in the service's own database and allowed to read and write
// that database only, so no service can read another's data (DESIGN.md §2).
// docker-compose.yml mounts this into the mongo image's /docker-entrypoint-initdb.d, which runs it
// once, when the data volume is new. For another MongoDB, run it as an administrator:
//   PROJECTS_MONGODB_PASSWORD=… PAYOUTS_MONGODB_PASSWORD=… ALERTS_MONGODB_PASSWORD=… \
//     mongosh "mongodb://admin@host:27017/admin" deploy/mongodb/create-service-users.js
for (const service of ["projects", "payouts", "alerts"]) {
  const variable = `${service.toUpperCase()}_MONGODB_PASSWORD`;
  const password = process.env[variable];
  if (!password) {
    throw new Error(`${variable} is not set: every service's user needs a password`);
  }
  const database = db.getSiblingDB(service);
  const roles = [{ role: "readWrite", db: service }];
  if (database.getUser(service)) {
    database.updateUser(service, { pwd: password, roles });
  } else {
    database.createUser({ user: service, pwd: password, roles });
  }
  print(`user ${service}: readWrite on database ${service} only`);
}
