import { AppConfig, ConfigError, loadConfig } from '@ashar/kernel';

/** A wrong or missing setting stops the process with one clear line (exit code 78, EX_CONFIG). */
export function loadConfigOrExit(appName: string): AppConfig {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`ashar ${appName}: configuration error: ${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
}
