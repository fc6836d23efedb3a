/**
 * Text normalisation shared by training and recognition (and by dialogs matching free-text answers).
 *
 * Pipeline: lower-case → typographic apostrophes → accents stripped (œ → oe) → symbols (€, %, &) spelled out →
 * punctuation removed → elisions expanded (j'ai, jai → je ai; l'urssaf, lurssaf → le urssaf) → SMS spelling
 * expanded (jsui → je suis, pr → pour, koi → quoi…) → stretched letters squeezed (merciii → merci) → ordinals
 * unified (3ème, 3eme → 3e) → the SMS spellings only neighbours tell apart (`rewriteInContext`: « j'ai pu d'argent »
 * → plus). Spelling correction needs the training vocabulary, so it lives in `spell.ts`.
 */

/** Lower-case, straight apostrophes, no diacritics. Keeps digits, punctuation and symbols. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Fast path: printable ASCII without a backtick has no apostrophe, ligature, diacritic or no-break space to fold.
  if (!NOT_PLAIN_ASCII.test(lower)) return lower;
  return lower
    .replace(TEARS, ' pleure ')
    .replace(/[\u2019\u2018\u02bc`\u00b4]/g, "'")
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u00a0\u202f]/g, ' ');
}

const NOT_PLAIN_ASCII = /[^ -_a-~]/;

/**
 * Tears and a broken heart are words too: « 😭😭 » alone, or after « je suis au bout », is someone crying, and is read
 * as « pleure » (a sign of difficulty, `distress.yaml`) rather than as nothing at all.
 */
const TEARS = /(?:\u{1F62D}|\u{1F622}|\u{1F63F}|\u{1F97A}|\u{1F625}|\u{1F494})+/gu;

/** SMS / chat spellings → standard French (already folded, single tokens). */
const SMS: Record<string, string> = {
  jsui: 'je suis',
  sui: 'suis',
  jsuis: 'je suis',
  jsuit: 'je suis',
  jss: 'je suis',
  chui: 'je suis',
  chuis: 'je suis',
  chu: 'je suis',
  jsp: 'je ne sais pas',
  jsais: 'je sais',
  chai: 'je sais',
  jcp: 'je ne sais pas',
  jpp: 'je ne en peux plus',
  jpeux: 'je peux',
  jpx: 'je peux',
  jveux: 'je veux',
  jvx: 'je veux',
  jvoudrais: 'je voudrais',
  jvais: 'je vais',
  jfais: 'je fais',
  jdois: 'je dois',
  jarrive: 'je arrive',
  jcomprends: 'je comprends',
  jcomprend: 'je comprends',
  jtravaille: 'je travaille',
  jvai: 'je vais',
  jveu: 'je veux',
  jpe: 'je peux',
  jpeu: 'je peux',
  jsai: 'je sais',
  chais: 'je sais',
  che: 'je sais',
  chepa: 'je ne sais pas',
  chaipa: 'je ne sais pas',
  jcrois: 'je crois',
  jcroi: 'je crois',
  jpense: 'je pense',
  jme: 'je me',
  jte: 'je te',
  jle: 'je le',
  jla: 'je la',
  jne: 'je ne',
  jconnais: 'je connais',
  jtrouve: 'je trouve',
  jbosse: 'je bosse',
  jpaye: 'je paye',
  jpaie: 'je paie',
  kesk: 'que est ce que',
  keske: 'que est ce que',
  kesske: 'que est ce que',
  ksk: 'que est ce que',
  kil: 'que il',
  kels: 'quels',
  kelles: 'quelles',
  pcq: 'parce que',
  pck: 'parce que',
  pcke: 'parce que',
  paske: 'parce que',
  pasque: 'parce que',
  voudre: 'voudrais',
  veu: 'veux',
  envi: 'envie',
  mourrir: 'mourir',
  mourire: 'mourir',
  mourrire: 'mourir',
  fe: 'fait',
  doi: 'dois',
  plu: 'plus',
  jms: 'jamais',
  jame: 'jamais',
  tro: 'trop',
  kom: 'comme',
  reclam: 'reclame',
  reclamm: 'reclame',
  dmd: 'demande',
  dmde: 'demande',
  pdt: 'pendant',
  ojd: 'aujourdhui',
  qqc: 'quelque chose',
  qlqn: 'quelqu un',
  mwa: 'moi',
  twa: 'toi',
  r1: 'rien',
  dla: 'de la',
  g: 'je ai',
  jai: 'je ai',
  jen: 'je en',
  jy: 'je y',
  ny: 'ne y',
  nai: 'ne ai',
  cest: 'ce est',
  c: 'ce est',
  ct: 'ce etait',
  pr: 'pour',
  pour: 'pour',
  pk: 'pourquoi',
  pq: 'pourquoi',
  pkoi: 'pourquoi',
  pourkoi: 'pourquoi',
  ke: 'que',
  k: 'que',
  koi: 'quoi',
  kwa: 'quoi',
  ki: 'qui',
  kel: 'quel',
  kelle: 'quelle',
  kan: 'quand',
  qd: 'quand',
  qand: 'quand',
  koman: 'comment',
  komen: 'comment',
  cmt: 'comment',
  cmnt: 'comment',
  cb: 'combien',
  cmb: 'combien',
  cbien: 'combien',
  bcp: 'beaucoup',
  bcq: 'beaucoup',
  stp: 's il te plait',
  svp: 's il vous plait',
  stpl: 's il te plait',
  tjr: 'toujours',
  tjrs: 'toujours',
  tjs: 'toujours',
  ds: 'dans',
  dns: 'dans',
  mn: 'mon',
  mnt: 'maintenant',
  mtn: 'maintenant',
  dc: 'donc',
  tt: 'tout',
  tte: 'toute',
  ts: 'tous',
  bjr: 'bonjour',
  bjour: 'bonjour',
  bsr: 'bonsoir',
  slt: 'salut',
  cc: 'coucou',
  mrc: 'merci',
  mci: 'merci',
  mrci: 'merci',
  thx: 'merci',
  auj: 'aujourdhui',
  ajd: 'aujourdhui',
  aujourdhui: 'aujourdhui',
  qq: 'quelques',
  qqs: 'quelques',
  qqn: 'quelqu un',
  qqun: 'quelqu un',
  qlq: 'quelqu un',
  qqch: 'quelque chose',
  vs: 'vous',
  ns: 'nous',
  ya: 'il y a',
  yen: 'il y en',
  nn: 'non',
  ouai: 'oui',
  ouais: 'oui',
  wi: 'oui',
  dac: 'd accord',
  dacc: 'd accord',
  daccord: 'd accord',
  bb: 'bebe',
  rdv: 'rendez vous',
  tel: 'telephone',
  tél: 'telephone',
  num: 'numero',
  mdp: 'mot de passe',
  pb: 'probleme',
  pbm: 'probleme',
  pbl: 'probleme',
  pblm: 'probleme',
  pbs: 'problemes',
  msg: 'message',
  dsl: 'desole',
  ptet: 'peut etre',
  ptetre: 'peut etre',
  vrmt: 'vraiment',
  vrm: 'vraiment',
  tkt: 'ne te inquiete pas',
  pa: 'pas',
  ms: 'mais',
  mé: 'mais',
  ac: 'avec',
  tps: 'temps',
  bi1: 'bien',
  b1: 'bien',
  re1: 'rien',
  ri1: 'rien',
  koa: 'quoi',
  jamai: 'jamais',
  fo: 'faut',
  fau: 'faut',
  ca: 'ca',
  sa: 'sa',
  mm: 'meme',
  mme: 'madame',
  mr: 'monsieur',
  cad: 'c est a dire',
  asap: 'rapidement',
  infos: 'informations',
  info: 'information',
  ssi: 'ssi',
  o: 'au',
  ki1: 'quelqu un',
  kelkun: 'quelqu un',
  kelk1: 'quelqu un',
  ok: 'ok',
  oki: 'ok',
  okay: 'ok',
  okk: 'ok',
};

/** Elided forms: prefix before the apostrophe → full word. */
const ELISION: Record<string, string> = {
  j: 'je',
  l: 'le',
  d: 'de',
  n: 'ne',
  m: 'me',
  t: 'te',
  s: 'se',
  c: 'ce',
  qu: 'que',
  jusqu: 'jusque',
  lorsqu: 'lorsque',
  puisqu: 'puisque',
  presqu: 'presque',
  quelqu: 'quelqu',
  aujourd: 'aujourd',
};

/**
 * Elisions written without the apostrophe ("jai", "lurssaf", "daide"): split only when the rest is a word that
 * is commonly elided after that prefix. Per-prefix lists avoid false splits (les, des, mai, quelle…).
 */
const GLUED: Record<string, string[]> = {
  j: 'ai avais aurai aurais arrive arrivais etais etait y en attends attend habite aimerais accouche adopte ecris appelle essaie essaye ecrit exerce aurait avait ignore entends oublie ose arrete emprunte attendais embauche ouvre ouvrais hesite espere envoie explique etouffe'.split(
    ' ',
  ),
  l: 'urssaf assurance aide arret accident adoption ameli enfant hopital invalidite indemnite annee argent ald activite entreprise epoux epouse examen ij attestation accouchement association etat organisme accueil appli application ordonnance operation agence adresse ordinateur echeancier assistante afe aced adr afi'.split(
    ' ',
  ),
  d: 'aide aides arret accident adoption invalidite indemnites urssaf argent enfant enfants un une avoir etre affection assurance activite accord abord information informations autre autres attente ailleurs ameli entreprise emploi echeancier euros hospitalisation examen accompagnement organisme interlocuteur urgence ici'.split(
    ' ',
  ),
  n: 'y ai est avons arrive etais en avais existe importe etait'.split(' '),
  qu: 'il ils on un une est en elles avec'.split(' '),
  s: 'il ils est en occuper inscrire installer arreter agit appelle etait'.split(' '),
  m: 'en appelle aider inscrire installer occuper arreter aide aidez avait ecrit ecrivent envoie envoient explique'.split(
    ' ',
  ),
  t: 'en appelle aider etais'.split(' '),
  c: ['est', 'etait'],
};
const GLUED_SETS: [string, Set<string>][] = Object.entries(GLUED)
  // longest prefix first so "qu" is tried before a hypothetical "q".
  .sort((a, b) => b[0].length - a[0].length)
  .map(([p, words]) => [p, new Set(words)]);

const ORDINAL = /^(\d+)(?:e|eme|ieme|em|er|ere|nd|nde|ème)$/;

export interface NormalizedText {
  /** Normalised tokens (no punctuation). */
  tokens: string[];
  /** True when SMS spellings or glued elisions were expanded (the text was meaningfully rewritten). */
  rewritten: boolean;
}

/** Normalises to tokens; see the module comment for the steps. */
export function normalizeTokens(text: string): NormalizedText {
  return normalizeFoldedTokens(fold(text));
}

/** `normalizeTokens` of a text already passed through `fold` (to fold a long message once). */
export function normalizeFoldedTokens(foldedText: string): NormalizedText {
  const tokens: string[] = [];
  let rewritten = appendFoldedTokens(foldedText, tokens);
  if (rewriteInContext(tokens)) rewritten = true;
  return { tokens, rewritten };
}

/**
 * SMS spellings that only their neighbours tell apart, rewritten in place, one token for one: « pu » is « plus »
 * after a form of pouvoir, vouloir, savoir or être (« je peux pu payer ») or before what « plus » negates (« j'ai pu
 * d'argent », « pu rien »), and stays the participle elsewhere (« j'ai pu payer »); « peu » after « je » is « peux »
 * (« je peu plus »), after « on », « il », « elle » or « ça », « peut »; « avc » is « avec » unless a determiner says it
 * is the stroke (« il a fait un AVC »); an elision typed with a space (« j ai », « l an ») is read as with its
 * apostrophe. `changed`: called with each index rewritten. True when a token was rewritten.
 */
export function rewriteInContext(tokens: string[], changed?: (index: number) => void): boolean {
  let rewritten = false;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    let to: string | undefined;
    if (token === 'pu') {
      if ((k > 0 && PU_AFTER.has(tokens[k - 1])) || (k + 1 < tokens.length && PU_BEFORE.has(tokens[k + 1])))
        to = 'plus';
    } else if (token === 'peu' && k > 0) {
      const before = tokens[k - 1];
      to = before === 'je' ? 'peux' : PEUT_AFTER.has(before) ? 'peut' : undefined;
    } else if (token === 'e' && k > 0 && k + 1 < tokens.length && E_IS_AFTER.has(tokens[k - 1])) {
      // « ma femme é malade », « il é parti » (SMS « é » for « est »).
      to = 'est';
    } else if (token === 'conte' && k > 0 && (tokens[k - 1] === 'mon' || tokens[k - 1] === 'son')) {
      // « à mon conte » is « à mon compte ».
      to = 'compte';
    } else if (token === 'avc' && !(k > 0 && AVC_AFTER.has(tokens[k - 1]))) {
      to = 'avec';
    } else if (SPACED_ELISION.has(token) && k + 1 < tokens.length && /^[aeiouyh]/.test(tokens[k + 1])) {
      // An elision typed with a space for the apostrophe (« j ai arrete », « l an dernier »): as « j'ai », « l'an ».
      to = ELISION[token];
    }
    if (to === undefined) continue;
    tokens[k] = to;
    rewritten = true;
    changed?.(k);
  }
  return rewritten;
}

const PU_AFTER = new Set(
  'peux peut peu pouvons pouvez peuvent veux veut sais sait suis est sommes etes sont'.split(' '),
);
const PU_BEFORE = new Set('de d du des rien personne aucun aucune jamais assez un une'.split(' '));
const PEUT_AFTER = new Set(['on', 'il', 'elle', 'ca']);
/** After these, a lone « e » (« é » folded) is the SMS « est » (« ma femme é malade », « c é dur »). */
const E_IS_AFTER = new Set(
  'il elle ce c ca on femme mari fils fille enfant mere pere conjoint conjointe compagne compagnon maman papa epouse epoux frere soeur bebe situation sante activite boite entreprise dossier compte tout'.split(
    ' ',
  ),
);
/** Elided words typed apart from the next word (« j ai »): read as with the apostrophe (`ELISION`). */
const SPACED_ELISION: ReadonlySet<string> = new Set(['j', 'l', 'd', 'n', 'm', 't', 'qu']);
/** « avc » is the stroke after a determiner (« un AVC », « mon AVC », « de le AVC »), « avec » elsewhere (SMS). */
const AVC_AFTER = new Set(
  'un le du des mon ton son notre votre leur mes tes ses cet ce gros grave petit leger premier second nouvel nouveau'.split(
    ' ',
  ),
);

/** `normalizeFoldedTokens`, the tokens appended to `tokens`; true when the text was rewritten. */
export function appendFoldedTokens(foldedText: string, tokens: string[]): boolean {
  const chunks = foldedText.match(CHUNK);
  if (chunks === null) return false;
  let rewritten = false;
  for (const chunk of chunks) if (appendChunk(chunk, tokens)) rewritten = true;
  return rewritten;
}

/**
 * One chunk of folded text (a run of letters, digits and apostrophes, or a symbol: see `CHUNK`), its tokens
 * appended to `tokens`; true when it was rewritten.
 */
export function appendChunk(chunk: string, tokens: string[]): boolean {
  const raw = chunk.length === 1 ? (SYMBOL_WORDS.get(chunk) ?? chunk) : chunk;
  let word = wordCache.get(raw);
  if (word === undefined) {
    word = normalizeWord(raw);
    if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
    wordCache.set(raw, word);
  }
  // « c est », « c etait »: the SMS « c » (« c'est ») typed before the verb itself is the elided « ce » (it read
  // « ce est est », which no pattern written « ce est » found).
  const n = tokens.length;
  if (word.tokens.length === 1 && n >= 2 && tokens[n - 1] === 'est' && tokens[n - 2] === 'ce') {
    if (BE_AFTER_C.has(word.tokens[0])) {
      tokens[n - 1] = word.tokens[0];
      return true;
    }
  }
  for (const t of word.tokens) tokens.push(t);
  return word.rewritten;
}

/** Forms of « être » after an SMS « c » (« c est », « c etait »). */
const BE_AFTER_C: ReadonlySet<string> = new Set(['est', 'etait', 'ete', 'sera', 'serait', 'sont']);

/**
 * The space-free chunks of folded text: runs of letters, digits and apostrophes (kept for elisions), and the
 * symbols spelled out as words; anything else separates words (the slash of "AT/MP" and of dates too).
 */
const CHUNK = /[a-z0-9']+|[€%&+]/g;
const GLUED_AMOUNT = /^(\d{3,})(?:e|eu|eur|euro|euros|balles)$/;
const SYMBOL_WORDS: ReadonlyMap<string, string> = new Map([
  ['€', 'euros'],
  ['%', 'pourcent'],
  ['&', 'et'],
  ['+', 'plus'],
]);

/** Per-word results of `normalizeWord` (words repeat across messages); bounded like `normalize`'s memo. */
const WORD_CACHE_MAX = 20_000;
const wordCache = new Map<string, { tokens: readonly string[]; rewritten: boolean }>();

/** One space-free chunk of folded text (letters, digits, apostrophes) → its tokens. */
function normalizeWord(raw: string): { tokens: readonly string[]; rewritten: boolean } {
  const tokens: string[] = [];
  let rewritten = false;
  const parts = raw.split("'").filter((p) => p.length > 0);
  for (let i = 0; i < parts.length; i++) {
    let w = parts[i];
    // Own properties only: a word such as « constructor » is not in these tables.
    const isElidedPrefix = i < parts.length - 1 && Object.hasOwn(ELISION, w);
    if (isElidedPrefix) {
      // "aujourd'hui" → one token; "quelqu'un" → "quelqu un".
      if (w === 'aujourd' && parts[i + 1] === 'hui') {
        tokens.push('aujourdhui');
        i++;
        continue;
      }
      tokens.push(ELISION[w]);
      continue;
    }
    // Squeeze stretched letters: "merciiiii" → "merci", "nooon" → "non".
    w = w.replace(/([a-z])\1{2,}/g, '$1');
    // An amount glued to its unit (« 2000e », « 1500eur »): three digits or more are never a rank.
    const amount = GLUED_AMOUNT.exec(w);
    if (amount) {
      tokens.push(amount[1], 'euros');
      rewritten = true;
      continue;
    }
    const ord = ORDINAL.exec(w);
    if (ord) {
      tokens.push(ord[1] === '1' ? '1er' : `${ord[1]}e`);
      continue;
    }
    const sms = Object.hasOwn(SMS, w) ? SMS[w] : undefined;
    if (sms !== undefined) {
      if (sms !== w) rewritten = true;
      for (const t of sms.split(' ')) tokens.push(t);
      continue;
    }
    const split = splitGlued(w);
    if (split) {
      rewritten = true;
      tokens.push(split[0], split[1]);
      continue;
    }
    tokens.push(w);
  }
  return { tokens, rewritten };
}

function splitGlued(w: string): [string, string] | undefined {
  if (w.length < 2) return undefined;
  for (const [prefix, rest] of GLUED_SETS) {
    if (w.length > prefix.length && w.startsWith(prefix) && rest.has(w.slice(prefix.length))) {
      return [ELISION[prefix], w.slice(prefix.length)];
    }
  }
  return undefined;
}

/**
 * Normalised text: lower-case, no accents, no punctuation, elisions and SMS spellings expanded, single spaces.
 * `normalize("J'suis pas sûr, plutôt la 2ème")` → `"je suis pas sur plutot la 2e"`.
 */
export function normalize(text: string): string {
  let normalized = normalizedCache.get(text);
  if (normalized === undefined) {
    normalized = normalizeTokens(text).tokens.join(' ');
    // Bounded: the cache is for the constant strings (menu labels, options, synonyms) normalised several times
    // a turn; when users' texts fill it, it starts again rather than grow.
    if (normalizedCache.size >= NORMALIZED_CACHE_MAX) normalizedCache.clear();
    normalizedCache.set(text, normalized);
  }
  return normalized;
}

const NORMALIZED_CACHE_MAX = 4096;
const normalizedCache = new Map<string, string>();
