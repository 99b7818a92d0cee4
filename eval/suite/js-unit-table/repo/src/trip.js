import { convert, significant } from './units.js';

/** "10 mi (16.0934 km)": a distance in the runner's unit with the metric equivalent. */
export function describeDistance(value, unit) {
  if (unit === 'km') return `${value} km`;
  return `${value} ${unit} (${significant(convert(value, unit, 'km'))} km)`;
}

/** Minutes per kilometre for a run of `distance` `unit` in `minutes`. */
export function pacePerKm(distance, unit, minutes) {
  return minutes / convert(distance, unit, 'km');
}
