import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../bot/config';

const ROOT = path.join(__dirname, '..', '..');

describe('configuration', () => {
  it('has working defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.DEFAULT_LOCALE).toBe('fr');
    expect(config.MicrosoftAppId).toBeUndefined();
  });

  it('names the variable and what it expects when a value is invalid', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(
      /PORT: expected an integer between 0 and 65535 \(got "70000"\)/,
    );
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL: expected one of/);
  });

  it('misunderstood inbox: on for 30 days by default, a switch, a bounded retention, a hidden admin token', () => {
    expect(loadConfig({})).toMatchObject({ MISUNDERSTOOD_INBOX: true, MISUNDERSTOOD_TTL_DAYS: 30 });
    expect(loadConfig({ MISUNDERSTOOD_INBOX: 'false', MISUNDERSTOOD_TTL_DAYS: '7' })).toMatchObject({
      MISUNDERSTOOD_INBOX: false,
      MISUNDERSTOOD_TTL_DAYS: 7,
    });
    expect(() => loadConfig({ MISUNDERSTOOD_TTL_DAYS: '0' })).toThrow(
      /MISUNDERSTOOD_TTL_DAYS: expected a number of days between 1 and 365/,
    );
    expect(() => loadConfig({ MISUNDERSTOOD_INBOX: 'peut-être' })).toThrow(
      /MISUNDERSTOOD_INBOX: expected true or false/,
    );
    expect(() => loadConfig({ ADMIN_TOKEN: 'short-secret' })).toThrow(/ADMIN_TOKEN: .*\(got "\*\*\*"\)/);
  });

  it('reads the operations settings: proxy, Redis timeout, conversation lock, shutdown', () => {
    expect(loadConfig({})).toMatchObject({
      TRUST_PROXY: 0,
      REDIS_COMMAND_TIMEOUT_MS: 2000,
      CONVERSATION_LOCK_TTL_MS: 10000,
      CONVERSATION_LOCK_WAIT_MS: 4000,
      SHUTDOWN_TIMEOUT_MS: 8000,
    });
    expect(
      loadConfig({ TRUST_PROXY: '2', REDIS_COMMAND_TIMEOUT_MS: '500', TRUST_PROXY_X: '' }),
    ).toMatchObject({
      TRUST_PROXY: 2,
      REDIS_COMMAND_TIMEOUT_MS: 500,
    });
    expect(loadConfig({ TRUST_PROXY: '' }).TRUST_PROXY).toBe(0);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(
      /TRUST_PROXY: expected a number of trusted proxies between 0 and 10 \(got "yes"\)/,
    );
    expect(() => loadConfig({ REDIS_COMMAND_TIMEOUT_MS: '0' })).toThrow(/REDIS_COMMAND_TIMEOUT_MS/);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: '120000' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
    // A queued turn gives up before its request's 504, never after.
    expect(() => loadConfig({ CONVERSATION_LOCK_WAIT_MS: '5000' })).toThrow(
      /CONVERSATION_LOCK_WAIT_MS: must be shorter than REQUEST_DEADLINE_MS \(4500 ms\)/,
    );
    expect(
      loadConfig({ CONVERSATION_LOCK_WAIT_MS: '5000', REQUEST_DEADLINE_MS: '6000' })
        .CONVERSATION_LOCK_WAIT_MS,
    ).toBe(5000);
    // Unset, it follows a shorter deadline.
    expect(loadConfig({ REQUEST_DEADLINE_MS: '2000' }).CONVERSATION_LOCK_WAIT_MS).toBe(1500);
    expect(loadConfig({ REQUEST_DEADLINE_MS: '500' }).CONVERSATION_LOCK_WAIT_MS).toBe(100);
  });

  it('stops the process with exit code 2 and one clear line when PORT is invalid', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bot', 'index.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'not-a-port', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      'Invalid configuration: PORT: expected an integer between 0 and 65535 (got "not-a-port")',
    );
  });
});
