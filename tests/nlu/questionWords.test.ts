/** The words that open a question (`locales/fr/nlu/questions.yaml`), read and validated by `nlu/questionWords.ts`. */
import { etBeforeQuestionSource, opensQuestion, QuestionWordsSchema } from '../../nlu/questionWords';

describe('question words', () => {
  it('tell a sentence that opens a question from one that does not', () => {
    const starts = (text: string) => opensQuestion(text.split(' '), 0);
    expect(starts('combien je vais toucher')).toBe(true);
    expect(starts('est ce que je dois payer')).toBe(true);
    expect(starts('dois je continuer')).toBe(true);
    expect(starts('je dois continuer')).toBe(false);
    expect(starts('est malade')).toBe(false);
    expect(opensQuestion(['mon', 'mari', 'quand', 'il'], 2)).toBe(true);
  });

  it('cut a long message at « et » before another question only', () => {
    const et = new RegExp(etBeforeQuestionSource());
    expect(et.test('je suis en arret, et combien je vais toucher')).toBe(true);
    expect(et.test("je suis en arret et j'ai droit a quoi")).toBe(true);
    expect(et.test('mon mari et moi sommes artisans')).toBe(false);
    expect(et.test('et combiencombien')).toBe(false);
  });

  it('are refused when a file is not normalised', () => {
    const ok = { openers: ['combien'], invertedVerbs: ['puis'], afterEt: ["j'ai droit"] };
    expect(QuestionWordsSchema.safeParse(ok).success).toBe(true);
    expect(QuestionWordsSchema.safeParse({ ...ok, openers: ['Combien'] }).success).toBe(false);
    expect(QuestionWordsSchema.safeParse({ ...ok, afterEt: ['quoi (?'] }).success).toBe(false);
    expect(QuestionWordsSchema.safeParse({ ...ok, extra: [] }).success).toBe(false);
  });
});
