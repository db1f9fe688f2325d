import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_MISSING, chromiumFound, inCi } from './chromium';
import { ENV_VARIABLE, removeDir, ServerProcess, SuiteEnv, tempDir } from './servers';

/**
 * Once per run: two built servers (signed-in mode, and PUBLIC_READ=true), each with its own temp DATA_DIR,
 * and a token per role made with the CLI. The specs read the URLs and tokens from a JSON file named by
 * AM_BROWSER_ENV. The returned function is the global teardown: servers stopped, folders removed.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!chromiumFound()) {
    if (inCi()) throw new Error(`Browser tests cannot run in CI: ${CHROMIUM_MISSING}`);
    console.warn(`\nSkipping the browser tests. ${CHROMIUM_MISSING}\n`);
    return async () => {};
  }
  const dir = tempDir('actiemonitor-browser-');
  const [mainData, publicData] = [join(dir, 'data'), join(dir, 'data-public')];
  for (const d of [mainData, publicData]) mkdirSync(d);
  const main = new ServerProcess(mainData);
  const publicRead = new ServerProcess(publicData, { PUBLIC_READ: 'true' });
  const teardown = async () => {
    await Promise.all([main.stop(), publicRead.stop()]);
    removeDir(dir);
  };
  try {
    await Promise.all([main.start(), publicRead.start()]);
    const env: SuiteEnv = {
      url: main.url,
      publicUrl: publicRead.url,
      tokens: {
        coordinator: await main.token('coordinator', 'JN', 'c1'),
        partner: await main.token('partner', 'NJI', 'p1'),
        auditor: await main.token('auditor', 'VWS', 'a1'),
      },
      publicCoordinatorToken: await publicRead.token('coordinator', 'VWS', 'public-c1'),
      dir,
      dataDir: mainData,
    };
    const file = join(dir, 'suite-env.json');
    writeFileSync(file, JSON.stringify(env, null, 2));
    process.env[ENV_VARIABLE] = file;
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
