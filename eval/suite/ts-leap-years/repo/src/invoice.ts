import { addMonths, type CalendarDate, formatDate, isValidDate } from './dates.ts';

/** The due dates of a monthly plan that starts on `start`. */
export function dueDates(start: CalendarDate, count: number): string[] {
  if (!isValidDate(start)) throw new RangeError(`not a date: ${formatDate(start)}`);
  return Array.from({ length: count }, (_, i) => formatDate(addMonths(start, i)));
}
