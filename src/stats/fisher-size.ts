/**
 * Size of the exact test's network before any pruning, from the margins alone: the number of distinct row
 * remainders (nodes) summed over the column stages, counted without enumerating them (a convolution of the
 * box 0 <= x_i <= r_i over rows, evaluated at each stage's remaining total). Cheap (r x n x max r_i), so it
 * decides up front whether the exact test fits a time budget.
 */
export function networkNodes(rowSums: readonly number[], colSums: readonly number[]): number {
  const n = rowSums.reduce((a, b) => a + b, 0);
  // ways[t] = number of vectors with 0 <= x_i <= r_i summing to t (floating point: only its size matters).
  let ways = new Float64Array(n + 1);
  ways[0] = 1;
  let reach = 0;
  for (const r of rowSums) {
    const next = new Float64Array(n + 1);
    // Sliding window sum: next[t] = sum_{x=0..r} ways[t - x].
    let window = 0;
    for (let t = 0; t <= reach + r; t++) {
      window += ways[t] ?? 0;
      if (t - r - 1 >= 0) window -= ways[t - r - 1]!;
      next[t] = window;
    }
    reach += r;
    ways = next;
  }
  // Rows are interchangeable once sorted in the state key only when equal totals; count as stated (an upper
  // bound on the nodes the search can visit).
  let nodes = 0;
  let left = n;
  for (const c of colSums) {
    left -= c;
    nodes += ways[left]!;
  }
  return nodes;
}
