import { normalize, normalizeTokens } from '../../nlu/normalize';
import { getRecognizer, loadCommonWords } from '../../nlu';
import { SpellCorrector } from '../../nlu/spell';

describe('normalize', () => {
  it('lower-cases and strips accents', () => {
    expect(normalize('Indemnités Journalières ÉTÉ')).toBe('indemnites journalieres ete');
    expect(normalize('Cœur sœur')).toBe('coeur soeur');
  });

  it('reads tears and a broken heart as « pleure », other emojis as nothing', () => {
    expect(normalize('😭😭😭')).toBe('pleure');
    expect(normalize('je suis au bout😢')).toBe('je suis au bout pleure');
    expect(normalize('💔')).toBe('pleure');
    expect(normalize('merci 🙏')).not.toContain('pleure');
  });

  it('expands elisions written with any apostrophe', () => {
    expect(normalize("j'ai besoin d'aide")).toBe('je ai besoin de aide');
    expect(normalize('l’urssaf m’a écrit')).toBe('le urssaf me a ecrit');
    expect(normalize("qu'est-ce qu'il faut")).toBe('que est ce que il faut');
    expect(normalize("aujourd'hui")).toBe('aujourdhui');
  });

  it('splits elisions glued without apostrophe, but not real words', () => {
    expect(normalize('jai contacté lurssaf pour daide')).toBe('je ai contacte le urssaf pour de aide');
    expect(normalize('jy arrive pas')).toBe('je y arrive pas');
    // Typed with a space instead of the apostrophe.
    expect(normalize('j ai arrete mon activite l an dernier')).toBe(
      'je ai arrete mon activite le an dernier',
    );
    expect(normalize('qu il faut')).toBe('que il faut');
    expect(normalize('jouvre plus le courrier, lurssaf mecrit')).toBe(
      'je ouvre plus le courrier le urssaf me ecrit',
    );
    // "les", "des", "ma", "la", "mai", "quelle" are words, not elisions.
    expect(normalize('les des ma la mai quelle')).toBe('les des ma la mai quelle');
  });

  it('expands SMS spellings', () => {
    expect(normalize('jsui malade')).toBe('je suis malade');
    expect(normalize('chui perdu')).toBe('je suis perdu');
    expect(normalize('c koi pr moi ke tu proposes')).toBe('ce est quoi pour moi que tu proposes');
    expect(normalize('bcp de pb stp')).toBe('beaucoup de probleme s il te plait');
    expect(normalize('svp tjr qd ds mn dossier')).toBe('s il vous plait toujours quand dans mon dossier');
    expect(normalize('jpp jsp')).toBe('je ne en peux plus je ne sais pas');
    expect(normalize('jvai pa y arrivé, jpeu plu')).toBe('je vais pas y arrive je peux plus');
    expect(normalize('kesk je doi fé pcq chepa')).toBe(
      'que est ce que je dois fait parce que je ne sais pas',
    );
    expect(normalize("bjr je voudré savoir merci d'avance")).toBe(
      'bonjour je voudrais savoir merci de avance',
    );
  });

  it('reads « pu » and « peu » from their neighbours', () => {
    expect(normalize("j'ai pu d'argent, je peu pu payer")).toBe('je ai plus de argent je peux plus payer');
    expect(normalize('g pu rien, on peu pu')).toBe('je ai plus rien on peut plus');
    expect(normalize("j'ai pu payer, un peu tard")).toBe('je ai pu payer un peu tard');
  });

  it('reads the SMS « c » typed before « est » as the elided « ce » (no « ce est est »)', () => {
    expect(normalize('c est quoi')).toBe('ce est quoi');
    expect(normalize('c etait trop dur')).toBe('ce etait trop dur');
    expect(normalize("c'est quoi")).toBe('ce est quoi');
    expect(normalize('c nul')).toBe('ce est nul');
  });

  it('reads « avc » as the stroke after a determiner, as « avec » elsewhere', () => {
    expect(normalize('il a fait un AVC')).toBe('il a fait un avc');
    expect(normalize('après mon AVC')).toBe('apres mon avc');
    expect(normalize('je travaille avc ma femme')).toBe('je travaille avec ma femme');
  });

  it('reads the SMS « é » as « est » after a relative or a pronoun, and « à mon conte » as « à mon compte »', () => {
    expect(normalize('ma femme é malade')).toBe('ma femme est malade');
    expect(normalize('il é parti')).toBe('il est parti');
    expect(normalize('chui plombier a mon conte')).toBe('je suis plombier a mon compte');
    expect(normalize('un e commerce')).toBe('un e commerce');
    expect(normalize('mon e mail')).toBe('mon e mail');
  });

  it('reports when the text was rewritten', () => {
    expect(normalizeTokens('jsui là').rewritten).toBe(true);
    expect(normalizeTokens('Je suis là').rewritten).toBe(false);
  });

  it('squeezes stretched letters, unifies ordinals and spells symbols', () => {
    expect(normalize('merciiiii')).toBe('merci');
    expect(normalize('plutôt la 2ème')).toBe('plutot la 2e');
    expect(normalize('mon 3eme enfant, le 1er')).toBe('mon 3e enfant le 1er');
    expect(normalize('100% santé')).toBe('100 pourcent sante');
    expect(normalize('500€')).toBe('500 euros');
    // An amount glued to its unit, as typed on a phone; a rank stays a rank.
    expect(normalize('lurssaf me reclam 2000e')).toBe('le urssaf me reclame 2000 euros');
    expect(normalize("j'ai 15000eur de dettes")).toBe('je ai 15000 euros de dettes');
    expect(normalize('mon 2e enfant')).toBe('mon 2e enfant');
  });

  it('reads words named like the properties of every object as ordinary words', () => {
    expect(normalize('je suis constructor de maisons')).toBe('je suis constructor de maisons');
    expect(normalize("constructor'valueof tostring")).toBe('constructor valueof tostring');
    expect(getRecognizer().recognize('mon constructor me doit de l argent').normalized).toContain(
      'constructor',
    );
  });

  it('matches short free-text answers used by dialogs', () => {
    expect(normalize('  OUI !! ')).toBe('oui');
    expect(normalize('Plutôt la 2e, svp')).toBe('plutot la 2e s il vous plait');
  });
});

describe('spelling correction (against the training vocabulary)', () => {
  const r = getRecognizer();

  it('corrects common typos of domain words', () => {
    expect(r.recognize('indemnitée journalière').normalized).toBe('indemnites journaliere');
    expect(r.recognize('cotisasions ursaf').normalized).toContain('urssaf');
    expect(r.recognize('invaliditer').normalized).toBe('invalidite');
  });

  it('does not "correct" short words or unknown words with a different first letter', () => {
    expect(r.recognize('mois moi mon').normalized).toBe('mois moi mon');
    expect(r.recognize('mes serres').normalized).not.toContain('verres');
  });

  // Real French words one edit from a training word were « corrected » into it, and read as it (« purement » as a
  // debt's « apurement »): the generated list of common words (locales/fr/common-words.txt) keeps them as written.
  it.each([
    ['mon compte a purement et simplement été supprimé', 'purement', 'apurement'],
    ['quel index pour la revalorisation', 'index', 'indep'],
    ['la case en haut à gauche du formulaire', 'gauche', 'gache'],
    ['Rejet de ma demande', 'rejet', 'rejete'],
  ])('leaves the common word of « %s » as written (%s, not %s)', (text, word, training) => {
    const words = r.recognize(text).normalized.split(' ');
    expect(words).toContain(word);
    expect(words).not.toContain(training);
  });

  // …but a rare real word that is a typical typo of a frequent domain word is still corrected (« carène »,
  // « traitent » for « traitant », « comte », « quant », « durer »): scripts/common-words.ts leaves them out.
  it.each([
    ['carene de paiement', 'carence'],
    ['medecin traitent', 'traitant'],
    ['mon comte urssaf', 'compte'],
    ['quant je serai en arret', 'quand'],
    ['afection longue durer', 'duree'],
  ])('still corrects the typo of « %s » into « %s »', (text, word) => {
    expect(r.recognize(text).normalized.split(' ')).toContain(word);
  });

  it('keeps the words to keep as written, and never corrects a typo into one of them', () => {
    const spell = new SpellCorrector(new Map([['apurement', 3]]), new Set(['purement']));
    expect(spell.correct('purement')).toBe('purement');
    expect(spell.correct('apuremnt')).toBe('apurement');
    expect(spell.correct('purment')).toBe('purment');
    expect(new SpellCorrector(new Map([['apurement', 3]])).correct('purement')).toBe('apurement');
  });

  it('ships a list of common words, folded as the normaliser folds them, each left as written', () => {
    const words = loadCommonWords();
    expect(words.length).toBeGreaterThan(1000);
    for (const word of ['purement', 'index', 'gauche']) expect(words).toContain(word);
    for (const word of words) expect(normalizeTokens(word).tokens).toEqual([word]);
    for (const word of words.slice(0, 200)) expect(r.correct(word)).toBe(word);
  });

  it('sets alteredText only when the text was meaningfully changed', () => {
    expect(r.recognize('jsui enceinte').alteredText).toBe('je suis enceinte');
    expect(r.recognize('Je suis enceinte').alteredText).toBeUndefined();
  });
});
