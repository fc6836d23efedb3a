import { Recognizer } from './bot/recognizer';
const t0 = performance.now();
const r = Recognizer.fromDirectory();
console.log('build ms', (performance.now() - t0).toFixed(0), r.buildMs.toFixed(0));
const qs = process.argv.slice(2).length ? process.argv.slice(2) : [
  "je suis enceinte, j'ai droit à quoi ?",
  'jsui artisan mon camion est en panne je peux avoir une aide',
  "je n'y arrive plus",
  'comment declarer la tva',
  'jai perdu ma carte vitale',
  'mon mari est décédé le 12 mars, il était plombier',
  'bonjour, je suis coiffeuse à mon compte depuis 2 ans et je viens d’apprendre que je suis enceinte de jumeaux, je voudrais savoir combien de temps je pourrai m’arrêter',
  'jveux etaler mes cotisations stp',
  'je voudrais parler a un conseiller',
  'asdf qsdf',
  'combien je touche en arret maladie je suis micro',
  'ma cotisation foncière est trop élevée',
];
for (const q of qs) {
  const x = r.recognize(q);
  const top3 = Object.entries(x.intents).slice(0, 3).map(([k, v]) => `${k}:${v.score.toFixed(2)}`).join(' ');
  console.log(`${x.topIntent.padEnd(24)} ${top3} | ${x.alteredText ?? ''} | ${JSON.stringify(x.entities)}${x.ambiguous ? ' AMBIG' : ''}  <= ${q}`);
}
