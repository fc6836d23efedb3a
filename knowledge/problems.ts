/** A problem found in the knowledge base, always reported as `file: id: field: message`. */
export interface Problem {
  file: string;
  id: string;
  field: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.id}: ${p.field}: ${p.message}`;
}

/** Thrown by the loader when the knowledge base is invalid; the message lists every problem, one a line. */
export class KnowledgeError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(
      `Invalid knowledge base (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'KnowledgeError';
    this.problems = problems;
  }
}

/** Formats a zod/issue path segment list as `links[1].url`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '-' : out;
}
