import { paginate } from './paginate.js';

/** The pager line under the results, e.g. "‹ Previous · Page 2 of 3 · Next ›". */
export function pagerLine(items, page, perPage) {
  const { totalPages, hasNext, hasPrevious } = paginate(items, page, perPage);
  return [hasPrevious ? '‹ Previous' : null, `Page ${page} of ${totalPages}`, hasNext ? 'Next ›' : null]
    .filter(Boolean)
    .join(' · ');
}
