import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, buildSchema, findBreakingChanges, parse, visit } from 'graphql';
import { ROOT } from './support/test-server';

/** The public contract lives beside the repo (../shared); clients code against it. */
const CONTRACT = [join(ROOT, '../shared/api-contract.graphql'), join(ROOT, 'test/fixtures/api-contract.graphql')].find(existsSync)!;

describe('the public GraphQL contract', () => {
  const served = execFileSync(process.execPath, [join(ROOT, 'dist/apps/api/src/print-schema.js')], {
    env: { ...process.env, NODE_ENV: 'test' },
    encoding: 'utf8',
  });

  it('is honoured: findBreakingChanges(contract, served schema) finds nothing', () => {
    const contract = buildSchema(readFileSync(CONTRACT, 'utf8'));
    expect(findBreakingChanges(contract, buildSchema(served))).toEqual([]);
  });

  it('is detected when broken (the check itself can fail)', () => {
    const contract = buildSchema(readFileSync(CONTRACT, 'utf8'));
    const withoutOverdue = visit(parse(served), {
      FieldDefinition: (field) => (field.name.value === 'overdue' ? null : undefined),
    });
    const changes = findBreakingChanges(contract, buildASTSchema(withoutOverdue)).map((c) => c.description);
    expect(changes).toContain('Action.overdue was removed.');
  });

  it('matches the committed schema.gql (run `npm run schema` after changing a resolver)', () => {
    expect(readFileSync(join(ROOT, 'schema.gql'), 'utf8')).toBe(served);
  });
});
