// What an input format is: everything the pipeline needs to know about one dialect, in one object.
// src/formats/index.ts lists the dialects; every extension list, sniffing order, parser start and
// schema choice elsewhere is derived from that list.
import type { AppClient, ClientKind, LoadedFile, StructureProblem } from '../model';
import type { SourceFile } from '../source';
import type { MappingNode, SyntaxNode } from '../parse/syntax';
import type { EvaluationBudget } from '../load/budget';
import type { Workspace } from '../workspace';
import { hasAnyExtension } from '../file-names';

export { hasAnyExtension } from '../file-names';

/** The schema a client of one kind is validated against (schemas/<id>.json) and how messages name its type. */
export interface ClientKindInfo {
  schemaId: string;
  /** `AWS::Cognito::UserPoolClient`, `a CreateUserPoolClient request`, ... */
  what: string;
  /**
   * False when an absent member means nothing rather than the API default: Describe output leaves out
   * what is empty (no ExplicitAuthFlows means no flows). Default true (requests, resources).
   */
  absentMeansDefault?: boolean;
  /**
   * Where the client's secret shows. Default `requested`: GenerateSecret / ClientSecret as written
   * (create requests, resources). `described`: only a ClientSecret member (Describe output).
   * `fixed`: not at all, it was decided at creation (an update request).
   */
  secret?: 'requested' | 'described' | 'fixed';
}

interface DialectBase {
  /** Stable id, e.g. `cloudformation`, `terraform`. */
  id: string;
  /** One line for the README's "What is read" table and for debugging. */
  description: string;
  /** Extensions (without the dot, lower case) a directory walk considers for this dialect. */
  extensions: readonly string[];
  /**
   * The cheap test before any parsing: a text that holds none of these words cannot hold a client of
   * this dialect (every dialect names a literal word its clients need: the resource type, a member).
   * All dialects' words are tested in one pass over each file (src/formats/index.ts).
   */
  words: readonly string[];
  /** A further way the text of the file at `path` may hold a client without any of the words (a Terraform module call); tried only on the dialect's own extensions. */
  mayHoldOtherwise?(text: string, path: string): boolean;
  /** The client kinds this dialect produces, with their schemas. */
  kinds: Partial<Record<ClientKind, ClientKindInfo>>;
}

/**
 * A JSON or YAML document recognised by its content: the file is parsed once, then each document
 * dialect in list order is asked whether it recognises the root.
 */
export interface DocumentDialect extends DialectBase {
  syntax: 'document';
  recognises(root: SyntaxNode): root is MappingNode;
  /** `budget` is the file's evaluation budget, shared by every document and template in it. */
  load(file: SourceFile, root: MappingNode, budget: EvaluationBudget): { clients: AppClient[]; structureProblems?: StructureProblem[] };
}

/** A dialect with its own syntax, claimed by file name (Terraform HCL), parsed by its own loader. */
export interface FileDialect extends DialectBase {
  syntax: 'file';
  /** Starts the parser (e.g. a WebAssembly grammar) before the first file of this dialect is loaded. */
  init(): Promise<void>;
  /** Related files (a module directory's other files, called modules) are read through `workspace` only. */
  load(file: SourceFile, workspace: Workspace): LoadedFile;
}

export type Dialect = DocumentDialect | FileDialect;


/** True when `path` ends in one of the dialect's extensions. */
export function hasExtension(dialect: Dialect, path: string): boolean {
  return hasAnyExtension(path, dialect.extensions);
}
