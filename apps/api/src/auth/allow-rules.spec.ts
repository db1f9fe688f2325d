import { join } from 'node:path';
import { Project } from 'ts-morph';

/**
 * The static half of the role matrix (test/roles.e2e-spec.ts is the running half): every @Query and
 * @Mutation in the API's source declares exactly one @Allow(permission). Read with ts-morph, so no Nest
 * is loaded into Jest.
 */
describe('every query and mutation declares who may call it', () => {
  const project = new Project({ tsConfigFilePath: join(__dirname, '../../../../tsconfig.json'), skipAddingFilesFromTsConfig: true });
  project.addSourceFilesAtPaths(join(__dirname, '../graphql/**/*.resolver.ts'));
  const operations = project.getSourceFiles().flatMap((file) =>
    file.getClasses().flatMap((cls) =>
      cls
        .getMethods()
        .filter((m) => m.getDecorators().some((d) => ['Query', 'Mutation'].includes(d.getName())))
        .map((m) => ({
          name: `${cls.getName()}.${m.getName()}`,
          allows: m
            .getDecorators()
            .filter((d) => d.getName() === 'Allow')
            .map((d) => d.getArguments()[0]?.getText()),
        })),
    ),
  );

  it('finds the resolvers', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
  });

  it.each(operations.map((o) => [o.name, o.allows] as const))('%s has one @Allow rule', (_name, allows) => {
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatch(/^'(read|readEventLog|write|report|manageContacts)'$/);
  });
});
