// How many app clients a file holds, as the summary counts them: one per resource, or per `count` /
// `for_each` instance. The Fn::If variants of one resource are checked one by one, but are one client.
import type { AppClient } from './model';

export function countClients(clients: readonly AppClient[]): number {
  let count = 0;
  const resources = new Set<string>();
  for (const client of clients) {
    // Variants share the resource they come from: its place in the file.
    if (client.variant === undefined) count++;
    else resources.add(`${client.extent.start}:${client.name}`);
  }
  return count + resources.size;
}

/** The clients of a loaded file: those checked wholly, and those the evaluation budget stopped (src/load/budget.ts). */
export function clientCounts(loaded: { clients: readonly AppClient[]; uncheckedClients?: number }): { checked: number; unchecked: number } {
  const unchecked = loaded.uncheckedClients ?? 0;
  return { checked: unchecked === 0 ? countClients(loaded.clients) : countClients(loaded.clients.filter((client) => !client.unchecked)), unchecked };
}
