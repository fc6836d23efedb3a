import { normalize } from '../../nlu';
import { hasAffirmedPhrase } from '../../dialogs/prompts/choiceMatcher';
import { hasPhrase, saysAny } from '../../dialogs/prompts/markers';

describe('marker phrases found in a message (prompts/markers.ts)', () => {
  const list = ["c'est quoi", 'combien', 'mon mari', 'ça veut dire quoi'];

  it('finds a phrase of several words, as whole words, wherever it is', () => {
    expect(saysAny('ACED, ça veut dire quoi ?', list, normalize)).toBe(true);
    expect(saysAny('je voudrais savoir combien je vais toucher', list, normalize)).toBe(true);
    expect(saysAny('mon mari est artisan', list, normalize)).toBe(true);
  });

  it('does not find a phrase inside other words, nor one whose words are apart', () => {
    expect(saysAny('combiens', list, normalize)).toBe(false);
    expect(saysAny('mon ami et mari', list, normalize)).toBe(false);
    expect(saysAny('quoi de neuf', list, normalize)).toBe(false);
  });

  it('searches a second list in the same text, and another text after it', () => {
    const padded = ` ${normalize('mon mari est malade')} `;
    expect(hasPhrase(padded, ['est malade'], normalize)).toBe(true);
    expect(hasPhrase(padded, ['combien'], normalize)).toBe(false);
    expect(hasPhrase(` ${normalize('combien ça coûte')} `, ['combien'], normalize)).toBe(true);
  });

  it('at the start only, when asked', () => {
    expect(saysAny('combien je touche', ['combien'], normalize, 'start')).toBe(true);
    expect(saysAny('je touche combien', ['combien'], normalize, 'start')).toBe(false);
  });

  it('a phrase denied by a negation a few words before it is not said; one said elsewhere still is', () => {
    const leave = ['arrêt', 'arrêtée'];
    const said = (text: string) => hasAffirmedPhrase(` ${normalize(text)} `, leave, normalize);
    expect(said('je travaille sans arrêt')).toBe(false);
    expect(said('je ne me suis pas du tout arrêtée')).toBe(false);
    expect(said('je ne me suis jamais arrêtée')).toBe(false);
    expect(said('je suis en arrêt depuis un mois et pas payée')).toBe(true);
    expect(said('je travaille sans arrêt, et le médecin m a mise en arrêt')).toBe(true);
    // « pas de chance » denies the chance, not the leave told after it.
    expect(said('pas de chance : je suis donc en arrêt')).toBe(true);
  });
});
