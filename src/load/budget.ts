// One evaluation budget per linted file, shared by the Terraform and CloudFormation folders (and by
// every module instance and variable default a Terraform file evaluates). Folding runs input-controlled
// work: forty `concat(local.l, local.l)` locals double a list to 2^40 items. A value that would go over
// the budget becomes unknown, which no rule reports on, and the file gets one note naming the expression
// (LoadedFile.evaluationOverrun, reported by `parse-error`).
//
// Invariant that bounds time and memory: every expression folded, every value node built or copied and
// every 16 characters of a string a value holds cost a step, so a file hands the rules at most `steps`
// nodes and 16 x `steps` characters whatever its shape (characters count because rules scan each string:
// one long string referenced 10,000 times is as costly as a long list). The element and character limits
// stop one runaway value early and locally: the rest of the file is still evaluated.
import type { EvaluationOverrun, Value } from '../model';
import type { SourceFile, Span } from '../source';

export interface EvaluationLimits {
  /** Items of a list, or members of a map, that folding builds (concat, for, formatlist, Fn::Split...). */
  elements: number;
  /** Characters of a string that folding builds (templates, Fn::Join, Fn::Sub). */
  characters: number;
  /** Steps for the whole file: one per expression folded, per value node built or copied, per 16 characters held. */
  steps: number;
  /** Evaluations inside evaluations: nested expressions and the references they follow. */
  depth: number;
  /** Terraform module instances one file creates: ten calls per module, eight deep, would be 10^8. */
  modules: number;
  /** `for_each`/`count` instances one block makes. */
  blockInstances: number;
  /** `for_each`/`count` instances one file makes in all (a module call's instances times its blocks'). */
  instances: number;
}

/**
 * Far above any real template, far below what hurts:
 * - elements: Cognito takes at most 100 callback URLs and 50 scopes, a template at most 500 resources;
 * - characters: 1 MB is CloudFormation's own ceiling for a whole template body;
 * - steps: the largest example or corpus file takes 110, and spending them all takes a fraction of a second;
 * - depth: the folders' limit before this budget; 200 levels use a small part of Node's default stack;
 * - modules: real root modules call tens of modules a few levels deep; each instance's clients are
 *   checked by every rule, so instances cost far more than steps;
 * - blockInstances, instances: the same for `for_each`/`count`: real modules make a few clients per
 *   environment; each instance is a client every rule checks.
 */
export const EVALUATION_LIMITS: Readonly<EvaluationLimits> = { elements: 10_000, characters: 1_000_000, steps: 250_000, depth: 200, modules: 1_000, blockInstances: 1_000, instances: 10_000 };

/** Which limit a value went over, in words for the note: `more than 10,000 elements`. */
export type Overrun = string;

/** Where an over-budget expression is reported, and where it is written when that differs (a Terraform module). */
export interface OverrunPlace {
  span: Span;
  written?: { span: Span; note: string };
}

export class EvaluationBudget {
  private stepsTaken = 0;
  private depth = 0;
  private modules = 0;
  private instancesMade = 0;
  /** The first expression over budget; later ones are mostly its consequences. */
  overrun: EvaluationOverrun | undefined;
  /**
   * A limit for the whole file was reached (its steps, module instances or instances): from there on
   * every value is unknown, so the clients evaluated from then on are not checked. An element,
   * character or depth limit stops one value only.
   */
  stopped = false;
  private overrunStopped = false;
  /** Clients (once per resource or instance) whose evaluation the stop cut short or skipped: loaders count them. */
  uncheckedClients = 0;

  constructor(readonly limits: Readonly<EvaluationLimits> = EVALUATION_LIMITS) {}

  /** One evaluation a level deeper: undefined when it fits (then call leave()), else the limit it would pass. */
  enter(): Overrun | undefined {
    const over = this.spend(1);
    if (over) return over;
    if (this.depth >= this.limits.depth) return `nested more than ${count(this.limits.depth)} levels deep`;
    this.depth++;
    return undefined;
  }

  leave(): void {
    this.depth--;
  }

  /** Work for `units` nodes built or copied; the limit when the file's steps are spent. */
  spend(units: number): Overrun | undefined {
    if (this.stepsTaken + units > this.limits.steps) {
      this.stepsTaken = this.limits.steps;
      this.stopped = true;
      return `more than ${count(this.limits.steps)} evaluation steps in this file`;
    }
    this.stepsTaken += units;
    return undefined;
  }

  /** One more Terraform module instance. */
  module(): Overrun | undefined {
    if (this.modules >= this.limits.modules) return this.stop(`more than ${count(this.limits.modules)} module instances in this file`);
    this.modules++;
    return undefined;
  }

  /** `size` instances of one block about to be made: the limit when there are too many for a block or the file. */
  instances(size: number): Overrun | undefined {
    if (size > this.limits.blockInstances) return `more than ${count(this.limits.blockInstances)} instances`;
    if (this.instancesMade + size > this.limits.instances) return this.stop(`more than ${count(this.limits.instances)} instances in this file`);
    this.instancesMade += size;
    return undefined;
  }

  private stop(limit: Overrun): Overrun {
    this.stopped = true;
    return limit;
  }

  /** A collection of `size` items about to be built: charged as steps, refused above the element limit. */
  elements(size: number): Overrun | undefined {
    if (size > this.limits.elements) return `more than ${count(this.limits.elements)} elements`;
    return this.spend(size);
  }

  /** A string that folding builds (or reads from the file): refused above the character limit, charged as steps. */
  text(value: string): Overrun | undefined {
    if (value.length > this.limits.characters) return `more than ${count(this.limits.characters)} characters`;
    return this.spend(value.length >> 4);
  }

  /** Copying `value` (every node and string of it), charged as steps; counting stops once the budget is spent. */
  copy(value: Value): Overrun | undefined {
    const stack: Value[] = [value];
    const left = this.limits.steps - this.stepsTaken;
    let units = 0;
    while (stack.length > 0 && units <= left) {
      const next = stack.pop()!;
      units++;
      // One push per item: a spread of a long literal list would overflow the stack.
      if (next.kind === 'list') for (const item of next.items) stack.push(item);
      else if (next.kind === 'object') for (const member of next.members.values()) stack.push(member.value);
      else if (next.kind === 'scalar' && typeof next.value === 'string') units += next.value.length >> 4;
      else if (next.kind === 'partial') units += next.prefix.length >> 4;
    }
    return this.spend(units);
  }

  /** Notes an expression that went over `limit` (the first one only) and returns the unknown value it becomes. */
  exceeded(limit: Overrun, file: SourceFile, range: { start: number; end: number }, place: OverrunPlace): Value {
    // The first one, unless a later one stopped the file: that is the one to name.
    if (this.overrun === undefined || (this.stopped && !this.overrunStopped)) {
      this.overrun = { expression: expressionText(file, range), limit, span: place.span, ...(place.written ? { written: place.written } : {}) };
      this.overrunStopped = this.stopped;
    }
    return { kind: 'unknown', reason: `too large to evaluate: ${limit}`, ...place };
  }
}

/** The expression as written, on one line and short enough for a message. */
function expressionText(file: SourceFile, range: { start: number; end: number }): string {
  const text = file.text.slice(range.start, Math.min(range.end, range.start + 200)).replace(/\s+/g, ' ').trim();
  return text.length > 60 || range.end - range.start > 200 ? `${text.slice(0, 57)}...` : text;
}

/** Limits written once each: toLocaleString is slow, and a file deep in overruns asks for the same few on every node. */
const counted = new Map<number, string>();

function count(n: number): string {
  let text = counted.get(n);
  if (text === undefined) counted.set(n, (text = n.toLocaleString('en-US')));
  return text;
}
