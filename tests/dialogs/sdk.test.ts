/**
 * dialogs/sdk.ts imports the classes of botbuilder-dialogs from their own modules, so that the bot does not load
 * the SDK's prompts and choice recognisers (Microsoft Recognizers Text) it never uses: they must be the very
 * classes the package exports, and starting the bot must not load the recognisers.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as index from 'botbuilder-dialogs';
import * as sdk from '../../dialogs/sdk';

describe('the botbuilder-dialogs classes the bot uses', () => {
  it('are the classes the package exports', () => {
    expect(sdk.ComponentDialog).toBe(index.ComponentDialog);
    expect(sdk.Dialog).toBe(index.Dialog);
    expect(sdk.DialogSet).toBe(index.DialogSet);
    expect(sdk.WaterfallDialog).toBe(index.WaterfallDialog);
    expect(sdk.DialogTurnStatus).toBe(index.DialogTurnStatus);
  });

  it('are loaded without the SDK prompts and their recognisers', () => {
    const script = `
      require('./bot/main.ts');
      const loaded = Object.keys(require.cache);
      process.stdout.write(JSON.stringify({
        recognizers: loaded.filter((f) => f.includes('recognizers-text')).length,
        prompts: loaded.filter((f) => f.includes('botbuilder-dialogs/lib/prompts')).length,
        dialogs: loaded.filter((f) => f.includes('botbuilder-dialogs/lib/componentDialog')).length,
      }));`;
    const out = execFileSync(
      process.execPath,
      ['--disable-warning=DEP0111', '--import', 'tsx', '-e', script],
      { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8', timeout: 60_000 },
    );
    expect(JSON.parse(out)).toEqual({ recognizers: 0, prompts: 0, dialogs: 1 });
  });
});
