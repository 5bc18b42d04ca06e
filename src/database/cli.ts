import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError, loadDatabaseConfig } from '../config/env';
import { resolveDatabase } from './connect';
import { dataSourceOptions, grantRuntimeRoleLocked, pendingSchemaChanges, revertLastMigrationLocked, runMigrationsAndGrantLocked, runMigrationsLocked } from './data-source';
import type { RuntimeGrants } from './runtime-role';
import { loadDemoData } from '../demo/demo';

const USAGE = 'usage: cli.js run | revert | generate <Name> | check | seed-demo | grant-runtime [role]';

function migrationSource(className: string, up: string[], down: string[]): string {
  const literal = (q: string) => '`' + q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const lines = (qs: string[]) => qs.map((q) => `    await queryRunner.query(${literal(q)});`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down.slice().reverse())}
  }
}
`;
}

function addToIndex(fileBase: string, className: string): void {
  const indexPath = join(process.cwd(), 'migrations', 'index.ts');
  let index = readFileSync(indexPath, 'utf8');
  index = `import { ${className} } from './${fileBase}';\n` + index;
  index = index.replace(/export const MIGRATIONS: Function\[\] = \[([^\]]*)\];/, (_m, list: string) => {
    const items = list.split(',').map((s) => s.trim()).filter(Boolean);
    items.push(className);
    return `export const MIGRATIONS: Function[] = [\n  ${items.join(',\n  ')},\n];`;
  });
  writeFileSync(indexPath, index);
}

function reportGrants(grants: RuntimeGrants): void {
  console.log(`granted "${grants.role}" the runtime rights on ${grants.tables} tables`);
  for (const warning of grants.warnings) console.warn(`warning: ${warning}`);
}

async function main(): Promise<number> {
  const [command, arg] = process.argv.slice(2);
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  const config = loadDatabaseConfig();
  const target = await resolveDatabase(config);
  // Everything here changes the schema or is meant for the owner: it connects as the owner when the
  // roles are split.
  const dataSource = new DataSource(dataSourceOptions(config.migrationDatabaseUrl ?? target.url, 2));
  await dataSource.initialize();
  /** Applies pending migrations and, when the roles are split, the runtime role's grants after them. */
  const migrate = async (): Promise<string[]> => {
    if (config.runtimeRole === null) return runMigrationsLocked(dataSource);
    const { applied, grants } = await runMigrationsAndGrantLocked(dataSource, config.runtimeRole);
    reportGrants(grants);
    return applied;
  };
  try {
    switch (command) {
      case 'run': {
        const done = await migrate();
        console.log(done.length ? `applied: ${done.join(', ')}` : 'no pending migrations');
        return 0;
      }
      case 'grant-runtime': {
        const role = arg ?? config.runtimeRole;
        if (!role) {
          console.error('grant-runtime needs the runtime role: cli.js grant-runtime <role>, or MIGRATION_DATABASE_URL (owner) with DATABASE_URL (runtime) set');
          return 2;
        }
        reportGrants(await grantRuntimeRoleLocked(dataSource, role));
        return 0;
      }
      case 'revert':
        await revertLastMigrationLocked(dataSource);
        console.log('reverted the last migration');
        return 0;
      case 'generate': {
        if (!arg || !/^[A-Z][A-Za-z0-9]*$/.test(arg)) {
          console.error('generate needs a PascalCase name, e.g. npm run migration:generate -- AddGrants');
          return 2;
        }
        await migrate();
        const { up, down } = await pendingSchemaChanges(dataSource);
        if (up.length === 0) {
          console.log('the schema already matches the entities: nothing to generate');
          return 0;
        }
        const stamp = Date.now();
        const className = `${arg}${stamp}`;
        const fileBase = `${stamp}-${arg}`;
        writeFileSync(join(process.cwd(), 'migrations', `${fileBase}.ts`), migrationSource(className, up, down));
        addToIndex(fileBase, className);
        console.log(`wrote migrations/${fileBase}.ts (${up.length} statements); review it before committing`);
        return 0;
      }
      case 'check': {
        await migrate();
        const { up } = await pendingSchemaChanges(dataSource);
        if (up.length > 0) {
          console.error('the migrations do not match the entities; a new migration would run:');
          for (const q of up) console.error(`  ${q}`);
          return 1;
        }
        console.log('migrations match the entities');
        return 0;
      }
      case 'seed-demo': {
        await migrate();
        const loaded = await loadDemoData(dataSource);
        console.log(loaded ? 'demo data loaded' : 'demo data was already loaded');
        return 0;
      }
      default:
        console.error(USAGE);
        return 2;
    }
  } finally {
    await dataSource.destroy();
    await target.embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError) console.error(`configuration error: ${err.message}`);
    else console.error(err);
    process.exit(1);
  },
);
