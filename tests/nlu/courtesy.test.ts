import { Courtesy } from '../../nlu/courtesy';
import { normalizeTokens } from '../../nlu/normalize';

describe('Courtesy (opening and closing formulas)', () => {
  const courtesy = new Courtesy({
    minRemaining: 1,
    openings: ['bonjour', 'madame', 'monsieur'],
    closings: ["merci d'avance", 'cordialement', "merci d'avance pour votre aide"],
    thanks: ['merci', 'merci beaucoup'],
  });
  const read = (text: string) => courtesy.trim(normalizeTokens(text).tokens).join(' ');

  it('takes off the opening words and the closing formulas, the longest closing first', () => {
    expect(read('Bonjour Madame, arrêt maladie')).toBe('arret maladie');
    expect(read("Arrêt maladie. Merci d'avance pour votre aide. Cordialement")).toBe('arret maladie');
    expect(read("Bonjour, je suis enceinte, merci d'avance")).toBe('je suis enceinte');
  });

  it('keeps a message that is only courtesy, and the courtesy words inside a message', () => {
    expect(read('Bonjour madame')).toBe('bonjour madame');
    expect(read("merci d'avance")).toBe('merci de avance');
    expect(read('je dis bonjour à madame cordialement et merci')).toBe(
      'je dis bonjour a madame cordialement et merci',
    );
  });

  it('keeps the whole message when fewer than minRemaining words would remain', () => {
    const strict = new Courtesy({
      minRemaining: 3,
      openings: ['bonjour'],
      closings: ['cordialement'],
      thanks: ['merci'],
    });
    expect(strict.range(normalizeTokens('bonjour arrêt maladie').tokens)).toEqual([0, 3]);
    expect(strict.range(normalizeTokens('bonjour arrêt maladie longue cordialement').tokens)).toEqual([1, 4]);
  });

  it('takes off a closing thank-you only when asked to', () => {
    expect(read('arrêt maladie merci beaucoup')).toBe('arret maladie merci beaucoup');
    expect(
      courtesy.trim(normalizeTokens('Bonjour, arrêt maladie, merci beaucoup. Cordialement').tokens, true),
    ).toEqual(['arret', 'maladie']);
    expect(courtesy.trim(normalizeTokens('merci beaucoup').tokens, true)).toEqual(['merci', 'beaucoup']);
  });

  it('reads its data file', () => {
    expect(
      Courtesy.fromFile().range(normalizeTokens('Bonsoir, congé maternité. Cordialement').tokens),
    ).toEqual([1, 3]);
  });
});
