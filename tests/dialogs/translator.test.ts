/**
 * dialogs/i18n.ts serves repeated lookups from a per-language cache, those with interpolation values included:
 * the strings must be exactly i18next's, for every set of values.
 */
import { getI18n, translator } from '../../dialogs/i18n';

describe('the per-language translation function', () => {
  const i18next = (lng: string) => getI18n().getFixedT(lng);

  it('gives i18next’s strings for interpolated lookups, the first time and the next ones', () => {
    const t = translator('fr-FR');
    for (let round = 0; round < 2; round++) {
      expect(t('journey.inYourCase', { text: 'jusqu’à 34 semaines' })).toBe(
        i18next('fr')('journey.inYourCase', { text: 'jusqu’à 34 semaines' }),
      );
      expect(t('journey.inYourCase', { text: '112 jours' })).toBe(
        i18next('fr')('journey.inYourCase', { text: '112 jours' }),
      );
    }
    expect(t('journey.inYourCase', { text: 'A' })).not.toBe(t('journey.inYourCase', { text: 'B' }));
    expect(t('journey.inYourCase', { text: 'A' })).toContain('A');
  });

  it('keeps the languages apart', () => {
    expect(translator('en-US')('journey.inYourCase', { text: 'X' })).toBe(
      i18next('en')('journey.inYourCase', { text: 'X' }),
    );
  });
});
