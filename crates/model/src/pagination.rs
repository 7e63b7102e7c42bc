//! Splitting a listing into pages.

/// How many pages `total` items take at `per_page` a page: at least one, so that an
/// empty listing still has its first page.
pub fn page_count(total: usize, per_page: u32) -> u32 {
    let per_page = per_page.max(1) as usize;
    total.div_ceil(per_page).max(1) as u32
}

/// The items of 1-based page `page`, or an empty slice past the last page.
pub fn page_items<T>(items: &[T], per_page: u32, page: u32) -> &[T] {
    let per_page = per_page.max(1) as usize;
    let start = (page.max(1) as usize - 1)
        .saturating_mul(per_page)
        .min(items.len());
    let end = start.saturating_add(per_page).min(items.len());
    &items[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_pages() {
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(10, 10), 1);
        assert_eq!(page_count(11, 10), 2);
        assert_eq!(page_count(5, 0), 5);
    }

    #[test]
    fn slices_pages() {
        let items = [1, 2, 3, 4, 5];
        assert_eq!(page_items(&items, 2, 1), [1, 2]);
        assert_eq!(page_items(&items, 2, 3), [5]);
        assert!(page_items(&items, 2, 4).is_empty());
        assert_eq!(page_items(&items, 2, 0), [1, 2]);
    }
}
