import { Writable } from 'node:stream';
import pino from 'pino';
import { redact } from '../../bot/privacy';
import { TurnLoggingMiddleware } from '../../bot/middleware';
import { TestAdapter } from 'botbuilder';

describe('redaction of personal data', () => {
  it.each([
    ['mon numéro de sécu est 1 85 05 78 006 084 36', '[NIR]'],
    ['NIR 185057800608436', '[NIR]'],
    ['IBAN FR76 3000 6000 0112 3456 7890 189', '[IBAN]'],
    ['écrivez-moi à camille.martin@example.fr', '[EMAIL]'],
    ['appelez-moi au 06 12 34 56 78', '[TEL]'],
    ['ou au +33 6 12 34 56 78', '[TEL]'],
  ])('%s', (text, label) => {
    const redacted = redact(text);
    expect(redacted).toContain(label);
    expect(redacted).not.toMatch(/\d{2} \d{2} \d{2}|@example|3000 6000|006 084/);
  });

  it('leaves ordinary messages, amounts and the contact numbers alone', () => {
    for (const text of [
      "j'ai une dette de 6 000 € à l'Urssaf",
      'appelez le 3646',
      'le 12/03/2026',
      'ACED 2025',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });
});

describe('turn logs', () => {
  it('write one line per turn without the message text at info level', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ level: 'info' }, sink);
    const adapter = new TestAdapter(async (context) => {
      await context.sendActivity('ok');
    }).use(new TurnLoggingMiddleware(logger, 'salt'));
    await adapter.send('mon iban est FR76 3000 6000 0112 3456 7890 189 et mon mail a@b.fr').assertReply('ok');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(entry.msg).toBe('turn');
    expect(entry.replies).toBe(1);
    expect(typeof entry.durationMs).toBe('number');
    expect(entry.conversation).toMatch(/^[0-9a-f]{16}$/);
    expect(lines[0]).not.toMatch(/iban|FR76|a@b\.fr/i);
  });
});
