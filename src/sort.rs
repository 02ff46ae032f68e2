//! One sorting routine for the whole crate.
//!
//! Each call of the standard library's `sort*` methods compiles its own copy
//! of the sorting algorithms for its element type and comparator: about 2 KB
//! of WebAssembly per call site, over 40 KB for the crate's twenty sites,
//! and every byte ships to every reader. Here a stable merge sort over
//! indices is compiled once; a call site adds only its comparator and a
//! permutation of its elements. The lists sorted are short (the mentions of
//! one article at most), so the indirect comparisons cost nothing visible.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    // (most lists sorted are a mention's few cues: nothing to allocate for)
    if items.len() < 2 {
        return;
    }
    if let Some(order) = sorted_order(items.len(), &|a, b| compare(&items[a], &items[b])) {
        permute(items, order);
    }
}

/// Sorts `items` by the key `key` gives, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by the key `key` gives, computing each key once.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    if let Some(order) = sorted_order(items.len(), &|a, b| keys[a].cmp(&keys[b])) {
        permute(items, order);
    }
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The pairs gathered by key, keys in order and each key's values in their
/// order in `pairs`: what a `BTreeMap<K, Vec<V>>` filled by pushing would
/// hold, for a fraction of the code.
pub fn grouped<K: Ord, V>(mut pairs: Vec<(K, V)>) -> Vec<(K, Vec<V>)> {
    sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
    let mut out: Vec<(K, Vec<V>)> = Vec::new();
    for (k, v) in pairs {
        match out.last_mut() {
            Some((last, values)) if *last == k => values.push(v),
            _ => out.push((k, vec![v])),
        }
    }
    out
}

/// The values of `key` in `groups` (as [`grouped`] returns them), by binary
/// search; empty when the key is absent.
pub fn values_of<'g, K: Ord, V>(groups: &'g [(K, Vec<V>)], key: &K) -> &'g [V] {
    groups.binary_search_by(|(k, _)| k.cmp(key)).map_or(&[], |i| groups[i].1.as_slice())
}

/// The stable sorted order of `0..n` under `compare`: a bottom-up merge
/// sort; `None` when `0..n` is already in order, as many lists come
/// (mentions by position), with nothing allocated.
fn sorted_order(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Option<Vec<usize>> {
    if (1..n).all(|i| compare(i - 1, i) != Ordering::Greater) {
        return None;
    }
    let mut order: Vec<usize> = (0..n).collect();
    let mut spare = order.clone();
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut spare[lo..hi] {
                // the left run wins ties, so equal items keep their order
                let left = j >= hi || (i < mid && compare(order[i], order[j]) != Ordering::Greater);
                let from = if left { &mut i } else { &mut j };
                *slot = order[*from];
                *from += 1;
            }
            lo = hi;
        }
        std::mem::swap(&mut order, &mut spare);
        width *= 2;
    }
    Some(order)
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`,
/// one cycle of the permutation at a time, marking each position done by
/// setting `order[i] = i`.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut i = start;
        while order[i] != start {
            let from = order[i];
            items.swap(i, from);
            order[i] = i;
            i = from;
        }
        order[i] = i;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        // every length up to 40, with many ties, against the standard library's stable sort
        let mut seed = 7u32;
        for n in 0..40 {
            let items: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut theirs = items.clone();
            theirs.sort_by_key(|x| x.0);
            assert_eq!(ours, theirs);
            let mut cached = items.clone();
            sort_by_cached_key(&mut cached, |x| std::cmp::Reverse(x.0));
            theirs.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(cached, theirs);
        }
    }
}
