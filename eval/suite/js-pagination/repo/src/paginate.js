/**
 * One page of `items` and what a pager needs to draw itself. Pages are numbered from 1; an empty
 * list still has one (empty) page, and a page past the end is empty.
 */
export function paginate(items, page, perPage = 10) {
  if (!Number.isInteger(page) || page < 1) {
    throw new RangeError(`page must be a positive integer, not ${page}`);
  }
  if (!Number.isInteger(perPage) || perPage < 1) {
    throw new RangeError(`perPage must be a positive integer, not ${perPage}`);
  }
  const totalPages = Math.max(1, Math.floor(items.length / perPage));
  const start = page * perPage;
  return {
    items: items.slice(start, start + perPage),
    page,
    totalPages,
    hasNext: page < totalPages,
    hasPrevious: page > 1
  };
}
