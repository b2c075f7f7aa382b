/** Items per page on list pages: short enough for phones, long enough to scan. */
export const PAGE_SIZE = 20
