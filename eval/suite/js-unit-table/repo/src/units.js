/**
 * The unit table of the converter: every unit, its symbol, its dimension and its size in the
 * dimension's base unit (metre, kilogram, second, cubic metre, byte, joule, pascal, watt, newton,
 * hertz, volt, ampere, metre per second, square metre). Generated from the SI prefix list and the
 * customary units, then edited by hand; keep one entry per unit.
 */
export const UNITS = [
  {
    id: 'length/metre',
    name: 'metre',
    symbol: 'm',
    dimension: 'length',
    toBase: 1,
    aliases: ['metres', 'meter', 'meters']
  },
  {
    id: 'length/quettametre',
    name: 'quettametre',
    symbol: 'Qm',
    dimension: 'length',
    toBase: 1e30,
    aliases: ['quettametres', 'quettameter', 'quettameters']
  },
  {
    id: 'length/ronnametre',
    name: 'ronnametre',
    symbol: 'Rm',
    dimension: 'length',
    toBase: 1e27,
    aliases: ['ronnametres', 'ronnameter', 'ronnameters']
  },
  {
    id: 'length/yottametre',
    name: 'yottametre',
    symbol: 'Ym',
    dimension: 'length',
    toBase: 1e24,
    aliases: ['yottametres', 'yottameter', 'yottameters']
  },
  {
    id: 'length/zettametre',
    name: 'zettametre',
    symbol: 'Zm',
    dimension: 'length',
    toBase: 1e21,
    aliases: ['zettametres', 'zettameter', 'zettameters']
  },
  {
    id: 'length/exametre',
    name: 'exametre',
    symbol: 'Em',
    dimension: 'length',
    toBase: 1e18,
    aliases: ['exametres', 'exameter', 'exameters']
  },
  {
    id: 'length/petametre',
    name: 'petametre',
    symbol: 'Pm',
    dimension: 'length',
    toBase: 1e15,
    aliases: ['petametres', 'petameter', 'petameters']
  },
  {
    id: 'length/terametre',
    name: 'terametre',
    symbol: 'Tm',
    dimension: 'length',
    toBase: 1e12,
    aliases: ['terametres', 'terameter', 'terameters']
  },
  {
    id: 'length/gigametre',
    name: 'gigametre',
    symbol: 'Gm',
    dimension: 'length',
    toBase: 1e9,
    aliases: ['gigametres', 'gigameter', 'gigameters']
  },
  {
    id: 'length/megametre',
    name: 'megametre',
    symbol: 'Mm',
    dimension: 'length',
    toBase: 1000000,
    aliases: ['megametres', 'megameter', 'megameters']
  },
  {
    id: 'length/kilometre',
    name: 'kilometre',
    symbol: 'km',
    dimension: 'length',
    toBase: 1000,
    aliases: ['kilometres', 'kilometer', 'kilometers']
  },
  {
    id: 'length/hectometre',
    name: 'hectometre',
    symbol: 'hm',
    dimension: 'length',
    toBase: 100,
    aliases: ['hectometres', 'hectometer', 'hectometers']
  },
  {
    id: 'length/decametre',
    name: 'decametre',
    symbol: 'dam',
    dimension: 'length',
    toBase: 10,
    aliases: ['decametres', 'decameter', 'decameters']
  },
  {
    id: 'length/decimetre',
    name: 'decimetre',
    symbol: 'dm',
    dimension: 'length',
    toBase: 0.1,
    aliases: ['decimetres', 'decimeter', 'decimeters']
  },
  {
    id: 'length/centimetre',
    name: 'centimetre',
    symbol: 'cm',
    dimension: 'length',
    toBase: 0.01,
    aliases: ['centimetres', 'centimeter', 'centimeters']
  },
  {
    id: 'length/millimetre',
    name: 'millimetre',
    symbol: 'mm',
    dimension: 'length',
    toBase: 0.001,
    aliases: ['millimetres', 'millimeter', 'millimeters']
  },
  {
    id: 'length/micrometre',
    name: 'micrometre',
    symbol: 'µm',
    dimension: 'length',
    toBase: 0.000001,
    aliases: ['micrometres', 'micrometer', 'micrometers']
  },
  {
    id: 'length/nanometre',
    name: 'nanometre',
    symbol: 'nm',
    dimension: 'length',
    toBase: 1e-9,
    aliases: ['nanometres', 'nanometer', 'nanometers']
  },
  {
    id: 'length/picometre',
    name: 'picometre',
    symbol: 'pm',
    dimension: 'length',
    toBase: 1e-12,
    aliases: ['picometres', 'picometer', 'picometers']
  },
  {
    id: 'length/femtometre',
    name: 'femtometre',
    symbol: 'fm',
    dimension: 'length',
    toBase: 1e-15,
    aliases: ['femtometres', 'femtometer', 'femtometers']
  },
  {
    id: 'length/attometre',
    name: 'attometre',
    symbol: 'am',
    dimension: 'length',
    toBase: 1e-18,
    aliases: ['attometres', 'attometer', 'attometers']
  },
  {
    id: 'length/zeptometre',
    name: 'zeptometre',
    symbol: 'zm',
    dimension: 'length',
    toBase: 1e-21,
    aliases: ['zeptometres', 'zeptometer', 'zeptometers']
  },
  {
    id: 'length/yoctometre',
    name: 'yoctometre',
    symbol: 'ym',
    dimension: 'length',
    toBase: 1e-24,
    aliases: ['yoctometres', 'yoctometer', 'yoctometers']
  },
  {
    id: 'length/rontometre',
    name: 'rontometre',
    symbol: 'rm',
    dimension: 'length',
    toBase: 1e-27,
    aliases: ['rontometres', 'rontometer', 'rontometers']
  },
  {
    id: 'length/quectometre',
    name: 'quectometre',
    symbol: 'qm',
    dimension: 'length',
    toBase: 1e-30,
    aliases: ['quectometres', 'quectometer', 'quectometers']
  },
  {
    id: 'mass/gram',
    name: 'gram',
    symbol: 'g',
    dimension: 'mass',
    toBase: 0.001,
    aliases: ['grams']
  },
  {
    id: 'mass/quettagram',
    name: 'quettagram',
    symbol: 'Qg',
    dimension: 'mass',
    toBase: 1e27,
    aliases: ['quettagrams']
  },
  {
    id: 'mass/ronnagram',
    name: 'ronnagram',
    symbol: 'Rg',
    dimension: 'mass',
    toBase: 1e24,
    aliases: ['ronnagrams']
  },
  {
    id: 'mass/yottagram',
    name: 'yottagram',
    symbol: 'Yg',
    dimension: 'mass',
    toBase: 1e21,
    aliases: ['yottagrams']
  },
  {
    id: 'mass/zettagram',
    name: 'zettagram',
    symbol: 'Zg',
    dimension: 'mass',
    toBase: 1e18,
    aliases: ['zettagrams']
  },
  {
    id: 'mass/exagram',
    name: 'exagram',
    symbol: 'Eg',
    dimension: 'mass',
    toBase: 1e15,
    aliases: ['exagrams']
  },
  {
    id: 'mass/petagram',
    name: 'petagram',
    symbol: 'Pg',
    dimension: 'mass',
    toBase: 1e12,
    aliases: ['petagrams']
  },
  {
    id: 'mass/teragram',
    name: 'teragram',
    symbol: 'Tg',
    dimension: 'mass',
    toBase: 1e9,
    aliases: ['teragrams']
  },
  {
    id: 'mass/gigagram',
    name: 'gigagram',
    symbol: 'Gg',
    dimension: 'mass',
    toBase: 1e6,
    aliases: ['gigagrams']
  },
  {
    id: 'mass/megagram',
    name: 'megagram',
    symbol: 'Mg',
    dimension: 'mass',
    toBase: 1000,
    aliases: ['megagrams']
  },
  {
    id: 'mass/kilogram',
    name: 'kilogram',
    symbol: 'kg',
    dimension: 'mass',
    toBase: 1,
    aliases: ['kilograms']
  },
  {
    id: 'mass/hectogram',
    name: 'hectogram',
    symbol: 'hg',
    dimension: 'mass',
    toBase: 0.1,
    aliases: ['hectograms']
  },
  {
    id: 'mass/decagram',
    name: 'decagram',
    symbol: 'dag',
    dimension: 'mass',
    toBase: 0.01,
    aliases: ['decagrams']
  },
  {
    id: 'mass/decigram',
    name: 'decigram',
    symbol: 'dg',
    dimension: 'mass',
    toBase: 0.0001,
    aliases: ['decigrams']
  },
  {
    id: 'mass/centigram',
    name: 'centigram',
    symbol: 'cg',
    dimension: 'mass',
    toBase: 0.00001,
    aliases: ['centigrams']
  },
  {
    id: 'mass/milligram',
    name: 'milligram',
    symbol: 'mg',
    dimension: 'mass',
    toBase: 0.000001,
    aliases: ['milligrams']
  },
  {
    id: 'mass/microgram',
    name: 'microgram',
    symbol: 'µg',
    dimension: 'mass',
    toBase: 0.000000001,
    aliases: ['micrograms']
  },
  {
    id: 'mass/nanogram',
    name: 'nanogram',
    symbol: 'ng',
    dimension: 'mass',
    toBase: 1e-12,
    aliases: ['nanograms']
  },
  {
    id: 'mass/picogram',
    name: 'picogram',
    symbol: 'pg',
    dimension: 'mass',
    toBase: 1e-15,
    aliases: ['picograms']
  },
  {
    id: 'mass/femtogram',
    name: 'femtogram',
    symbol: 'fg',
    dimension: 'mass',
    toBase: 1e-18,
    aliases: ['femtograms']
  },
  {
    id: 'mass/attogram',
    name: 'attogram',
    symbol: 'ag',
    dimension: 'mass',
    toBase: 1e-21,
    aliases: ['attograms']
  },
  {
    id: 'mass/zeptogram',
    name: 'zeptogram',
    symbol: 'zg',
    dimension: 'mass',
    toBase: 1e-24,
    aliases: ['zeptograms']
  },
  {
    id: 'mass/yoctogram',
    name: 'yoctogram',
    symbol: 'yg',
    dimension: 'mass',
    toBase: 1e-27,
    aliases: ['yoctograms']
  },
  {
    id: 'mass/rontogram',
    name: 'rontogram',
    symbol: 'rg',
    dimension: 'mass',
    toBase: 1e-30,
    aliases: ['rontograms']
  },
  {
    id: 'mass/quectogram',
    name: 'quectogram',
    symbol: 'qg',
    dimension: 'mass',
    toBase: 1e-33,
    aliases: ['quectograms']
  },
  {
    id: 'time/second',
    name: 'second',
    symbol: 's',
    dimension: 'time',
    toBase: 1,
    aliases: ['seconds', 'sec']
  },
  {
    id: 'time/quettasecond',
    name: 'quettasecond',
    symbol: 'Qs',
    dimension: 'time',
    toBase: 1e30,
    aliases: ['quettaseconds', 'quettasec']
  },
  {
    id: 'time/ronnasecond',
    name: 'ronnasecond',
    symbol: 'Rs',
    dimension: 'time',
    toBase: 1e27,
    aliases: ['ronnaseconds', 'ronnasec']
  },
  {
    id: 'time/yottasecond',
    name: 'yottasecond',
    symbol: 'Ys',
    dimension: 'time',
    toBase: 1e24,
    aliases: ['yottaseconds', 'yottasec']
  },
  {
    id: 'time/zettasecond',
    name: 'zettasecond',
    symbol: 'Zs',
    dimension: 'time',
    toBase: 1e21,
    aliases: ['zettaseconds', 'zettasec']
  },
  {
    id: 'time/exasecond',
    name: 'exasecond',
    symbol: 'Es',
    dimension: 'time',
    toBase: 1e18,
    aliases: ['exaseconds', 'exasec']
  },
  {
    id: 'time/petasecond',
    name: 'petasecond',
    symbol: 'Ps',
    dimension: 'time',
    toBase: 1e15,
    aliases: ['petaseconds', 'petasec']
  },
  {
    id: 'time/terasecond',
    name: 'terasecond',
    symbol: 'Ts',
    dimension: 'time',
    toBase: 1e12,
    aliases: ['teraseconds', 'terasec']
  },
  {
    id: 'time/gigasecond',
    name: 'gigasecond',
    symbol: 'Gs',
    dimension: 'time',
    toBase: 1e9,
    aliases: ['gigaseconds', 'gigasec']
  },
  {
    id: 'time/megasecond',
    name: 'megasecond',
    symbol: 'Ms',
    dimension: 'time',
    toBase: 1000000,
    aliases: ['megaseconds', 'megasec']
  },
  {
    id: 'time/kilosecond',
    name: 'kilosecond',
    symbol: 'ks',
    dimension: 'time',
    toBase: 1000,
    aliases: ['kiloseconds', 'kilosec']
  },
  {
    id: 'time/hectosecond',
    name: 'hectosecond',
    symbol: 'hs',
    dimension: 'time',
    toBase: 100,
    aliases: ['hectoseconds', 'hectosec']
  },
  {
    id: 'time/decasecond',
    name: 'decasecond',
    symbol: 'das',
    dimension: 'time',
    toBase: 10,
    aliases: ['decaseconds', 'decasec']
  },
  {
    id: 'time/decisecond',
    name: 'decisecond',
    symbol: 'ds',
    dimension: 'time',
    toBase: 0.1,
    aliases: ['deciseconds', 'decisec']
  },
  {
    id: 'time/centisecond',
    name: 'centisecond',
    symbol: 'cs',
    dimension: 'time',
    toBase: 0.01,
    aliases: ['centiseconds', 'centisec']
  },
  {
    id: 'time/millisecond',
    name: 'millisecond',
    symbol: 'ms',
    dimension: 'time',
    toBase: 0.001,
    aliases: ['milliseconds', 'millisec']
  },
  {
    id: 'time/microsecond',
    name: 'microsecond',
    symbol: 'µs',
    dimension: 'time',
    toBase: 0.000001,
    aliases: ['microseconds', 'microsec']
  },
  {
    id: 'time/nanosecond',
    name: 'nanosecond',
    symbol: 'ns',
    dimension: 'time',
    toBase: 1e-9,
    aliases: ['nanoseconds', 'nanosec']
  },
  {
    id: 'time/picosecond',
    name: 'picosecond',
    symbol: 'ps',
    dimension: 'time',
    toBase: 1e-12,
    aliases: ['picoseconds', 'picosec']
  },
  {
    id: 'time/femtosecond',
    name: 'femtosecond',
    symbol: 'fs',
    dimension: 'time',
    toBase: 1e-15,
    aliases: ['femtoseconds', 'femtosec']
  },
  {
    id: 'time/attosecond',
    name: 'attosecond',
    symbol: 'as',
    dimension: 'time',
    toBase: 1e-18,
    aliases: ['attoseconds', 'attosec']
  },
  {
    id: 'time/zeptosecond',
    name: 'zeptosecond',
    symbol: 'zs',
    dimension: 'time',
    toBase: 1e-21,
    aliases: ['zeptoseconds', 'zeptosec']
  },
  {
    id: 'time/yoctosecond',
    name: 'yoctosecond',
    symbol: 'ys',
    dimension: 'time',
    toBase: 1e-24,
    aliases: ['yoctoseconds', 'yoctosec']
  },
  {
    id: 'time/rontosecond',
    name: 'rontosecond',
    symbol: 'rs',
    dimension: 'time',
    toBase: 1e-27,
    aliases: ['rontoseconds', 'rontosec']
  },
  {
    id: 'time/quectosecond',
    name: 'quectosecond',
    symbol: 'qs',
    dimension: 'time',
    toBase: 1e-30,
    aliases: ['quectoseconds', 'quectosec']
  },
  {
    id: 'volume/litre',
    name: 'litre',
    symbol: 'L',
    dimension: 'volume',
    toBase: 0.001,
    aliases: ['litres', 'liter', 'liters']
  },
  {
    id: 'volume/quettalitre',
    name: 'quettalitre',
    symbol: 'QL',
    dimension: 'volume',
    toBase: 1e27,
    aliases: ['quettalitres', 'quettaliter', 'quettaliters']
  },
  {
    id: 'volume/ronnalitre',
    name: 'ronnalitre',
    symbol: 'RL',
    dimension: 'volume',
    toBase: 1e24,
    aliases: ['ronnalitres', 'ronnaliter', 'ronnaliters']
  },
  {
    id: 'volume/yottalitre',
    name: 'yottalitre',
    symbol: 'YL',
    dimension: 'volume',
    toBase: 1e21,
    aliases: ['yottalitres', 'yottaliter', 'yottaliters']
  },
  {
    id: 'volume/zettalitre',
    name: 'zettalitre',
    symbol: 'ZL',
    dimension: 'volume',
    toBase: 1e18,
    aliases: ['zettalitres', 'zettaliter', 'zettaliters']
  },
  {
    id: 'volume/exalitre',
    name: 'exalitre',
    symbol: 'EL',
    dimension: 'volume',
    toBase: 1e15,
    aliases: ['exalitres', 'exaliter', 'exaliters']
  },
  {
    id: 'volume/petalitre',
    name: 'petalitre',
    symbol: 'PL',
    dimension: 'volume',
    toBase: 1e12,
    aliases: ['petalitres', 'petaliter', 'petaliters']
  },
  {
    id: 'volume/teralitre',
    name: 'teralitre',
    symbol: 'TL',
    dimension: 'volume',
    toBase: 1e9,
    aliases: ['teralitres', 'teraliter', 'teraliters']
  },
  {
    id: 'volume/gigalitre',
    name: 'gigalitre',
    symbol: 'GL',
    dimension: 'volume',
    toBase: 1e6,
    aliases: ['gigalitres', 'gigaliter', 'gigaliters']
  },
  {
    id: 'volume/megalitre',
    name: 'megalitre',
    symbol: 'ML',
    dimension: 'volume',
    toBase: 1000,
    aliases: ['megalitres', 'megaliter', 'megaliters']
  },
  {
    id: 'volume/kilolitre',
    name: 'kilolitre',
    symbol: 'kL',
    dimension: 'volume',
    toBase: 1,
    aliases: ['kilolitres', 'kiloliter', 'kiloliters']
  },
  {
    id: 'volume/hectolitre',
    name: 'hectolitre',
    symbol: 'hL',
    dimension: 'volume',
    toBase: 0.1,
    aliases: ['hectolitres', 'hectoliter', 'hectoliters']
  },
  {
    id: 'volume/decalitre',
    name: 'decalitre',
    symbol: 'daL',
    dimension: 'volume',
    toBase: 0.01,
    aliases: ['decalitres', 'decaliter', 'decaliters']
  },
  {
    id: 'volume/decilitre',
    name: 'decilitre',
    symbol: 'dL',
    dimension: 'volume',
    toBase: 0.0001,
    aliases: ['decilitres', 'deciliter', 'deciliters']
  },
  {
    id: 'volume/centilitre',
    name: 'centilitre',
    symbol: 'cL',
    dimension: 'volume',
    toBase: 0.00001,
    aliases: ['centilitres', 'centiliter', 'centiliters']
  },
  {
    id: 'volume/millilitre',
    name: 'millilitre',
    symbol: 'mL',
    dimension: 'volume',
    toBase: 0.000001,
    aliases: ['millilitres', 'milliliter', 'milliliters']
  },
  {
    id: 'volume/microlitre',
    name: 'microlitre',
    symbol: 'µL',
    dimension: 'volume',
    toBase: 0.000000001,
    aliases: ['microlitres', 'microliter', 'microliters']
  },
  {
    id: 'volume/nanolitre',
    name: 'nanolitre',
    symbol: 'nL',
    dimension: 'volume',
    toBase: 1e-12,
    aliases: ['nanolitres', 'nanoliter', 'nanoliters']
  },
  {
    id: 'volume/picolitre',
    name: 'picolitre',
    symbol: 'pL',
    dimension: 'volume',
    toBase: 1e-15,
    aliases: ['picolitres', 'picoliter', 'picoliters']
  },
  {
    id: 'volume/femtolitre',
    name: 'femtolitre',
    symbol: 'fL',
    dimension: 'volume',
    toBase: 1e-18,
    aliases: ['femtolitres', 'femtoliter', 'femtoliters']
  },
  {
    id: 'volume/attolitre',
    name: 'attolitre',
    symbol: 'aL',
    dimension: 'volume',
    toBase: 1e-21,
    aliases: ['attolitres', 'attoliter', 'attoliters']
  },
  {
    id: 'volume/zeptolitre',
    name: 'zeptolitre',
    symbol: 'zL',
    dimension: 'volume',
    toBase: 1e-24,
    aliases: ['zeptolitres', 'zeptoliter', 'zeptoliters']
  },
  {
    id: 'volume/yoctolitre',
    name: 'yoctolitre',
    symbol: 'yL',
    dimension: 'volume',
    toBase: 1e-27,
    aliases: ['yoctolitres', 'yoctoliter', 'yoctoliters']
  },
  {
    id: 'volume/rontolitre',
    name: 'rontolitre',
    symbol: 'rL',
    dimension: 'volume',
    toBase: 1e-30,
    aliases: ['rontolitres', 'rontoliter', 'rontoliters']
  },
  {
    id: 'volume/quectolitre',
    name: 'quectolitre',
    symbol: 'qL',
    dimension: 'volume',
    toBase: 1e-33,
    aliases: ['quectolitres', 'quectoliter', 'quectoliters']
  },
  {
    id: 'data/byte',
    name: 'byte',
    symbol: 'B',
    dimension: 'data',
    toBase: 1,
    aliases: ['bytes']
  },
  {
    id: 'data/quettabyte',
    name: 'quettabyte',
    symbol: 'QB',
    dimension: 'data',
    toBase: 1e30,
    aliases: ['quettabytes']
  },
  {
    id: 'data/ronnabyte',
    name: 'ronnabyte',
    symbol: 'RB',
    dimension: 'data',
    toBase: 1e27,
    aliases: ['ronnabytes']
  },
  {
    id: 'data/yottabyte',
    name: 'yottabyte',
    symbol: 'YB',
    dimension: 'data',
    toBase: 1e24,
    aliases: ['yottabytes']
  },
  {
    id: 'data/zettabyte',
    name: 'zettabyte',
    symbol: 'ZB',
    dimension: 'data',
    toBase: 1e21,
    aliases: ['zettabytes']
  },
  {
    id: 'data/exabyte',
    name: 'exabyte',
    symbol: 'EB',
    dimension: 'data',
    toBase: 1e18,
    aliases: ['exabytes']
  },
  {
    id: 'data/petabyte',
    name: 'petabyte',
    symbol: 'PB',
    dimension: 'data',
    toBase: 1e15,
    aliases: ['petabytes']
  },
  {
    id: 'data/terabyte',
    name: 'terabyte',
    symbol: 'TB',
    dimension: 'data',
    toBase: 1e12,
    aliases: ['terabytes']
  },
  {
    id: 'data/gigabyte',
    name: 'gigabyte',
    symbol: 'GB',
    dimension: 'data',
    toBase: 1e9,
    aliases: ['gigabytes']
  },
  {
    id: 'data/megabyte',
    name: 'megabyte',
    symbol: 'MB',
    dimension: 'data',
    toBase: 1000000,
    aliases: ['megabytes']
  },
  {
    id: 'data/kilobyte',
    name: 'kilobyte',
    symbol: 'kB',
    dimension: 'data',
    toBase: 1000,
    aliases: ['kilobytes']
  },
  {
    id: 'data/hectobyte',
    name: 'hectobyte',
    symbol: 'hB',
    dimension: 'data',
    toBase: 100,
    aliases: ['hectobytes']
  },
  {
    id: 'data/decabyte',
    name: 'decabyte',
    symbol: 'daB',
    dimension: 'data',
    toBase: 10,
    aliases: ['decabytes']
  },
  {
    id: 'data/decibyte',
    name: 'decibyte',
    symbol: 'dB',
    dimension: 'data',
    toBase: 0.1,
    aliases: ['decibytes']
  },
  {
    id: 'data/centibyte',
    name: 'centibyte',
    symbol: 'cB',
    dimension: 'data',
    toBase: 0.01,
    aliases: ['centibytes']
  },
  {
    id: 'data/millibyte',
    name: 'millibyte',
    symbol: 'mB',
    dimension: 'data',
    toBase: 0.001,
    aliases: ['millibytes']
  },
  {
    id: 'data/microbyte',
    name: 'microbyte',
    symbol: 'µB',
    dimension: 'data',
    toBase: 0.000001,
    aliases: ['microbytes']
  },
  {
    id: 'data/nanobyte',
    name: 'nanobyte',
    symbol: 'nB',
    dimension: 'data',
    toBase: 1e-9,
    aliases: ['nanobytes']
  },
  {
    id: 'data/picobyte',
    name: 'picobyte',
    symbol: 'pB',
    dimension: 'data',
    toBase: 1e-12,
    aliases: ['picobytes']
  },
  {
    id: 'data/femtobyte',
    name: 'femtobyte',
    symbol: 'fB',
    dimension: 'data',
    toBase: 1e-15,
    aliases: ['femtobytes']
  },
  {
    id: 'data/attobyte',
    name: 'attobyte',
    symbol: 'aB',
    dimension: 'data',
    toBase: 1e-18,
    aliases: ['attobytes']
  },
  {
    id: 'data/zeptobyte',
    name: 'zeptobyte',
    symbol: 'zB',
    dimension: 'data',
    toBase: 1e-21,
    aliases: ['zeptobytes']
  },
  {
    id: 'data/yoctobyte',
    name: 'yoctobyte',
    symbol: 'yB',
    dimension: 'data',
    toBase: 1e-24,
    aliases: ['yoctobytes']
  },
  {
    id: 'data/rontobyte',
    name: 'rontobyte',
    symbol: 'rB',
    dimension: 'data',
    toBase: 1e-27,
    aliases: ['rontobytes']
  },
  {
    id: 'data/quectobyte',
    name: 'quectobyte',
    symbol: 'qB',
    dimension: 'data',
    toBase: 1e-30,
    aliases: ['quectobytes']
  },
  {
    id: 'energy/joule',
    name: 'joule',
    symbol: 'J',
    dimension: 'energy',
    toBase: 1,
    aliases: ['joules']
  },
  {
    id: 'energy/quettajoule',
    name: 'quettajoule',
    symbol: 'QJ',
    dimension: 'energy',
    toBase: 1e30,
    aliases: ['quettajoules']
  },
  {
    id: 'energy/ronnajoule',
    name: 'ronnajoule',
    symbol: 'RJ',
    dimension: 'energy',
    toBase: 1e27,
    aliases: ['ronnajoules']
  },
  {
    id: 'energy/yottajoule',
    name: 'yottajoule',
    symbol: 'YJ',
    dimension: 'energy',
    toBase: 1e24,
    aliases: ['yottajoules']
  },
  {
    id: 'energy/zettajoule',
    name: 'zettajoule',
    symbol: 'ZJ',
    dimension: 'energy',
    toBase: 1e21,
    aliases: ['zettajoules']
  },
  {
    id: 'energy/exajoule',
    name: 'exajoule',
    symbol: 'EJ',
    dimension: 'energy',
    toBase: 1e18,
    aliases: ['exajoules']
  },
  {
    id: 'energy/petajoule',
    name: 'petajoule',
    symbol: 'PJ',
    dimension: 'energy',
    toBase: 1e15,
    aliases: ['petajoules']
  },
  {
    id: 'energy/terajoule',
    name: 'terajoule',
    symbol: 'TJ',
    dimension: 'energy',
    toBase: 1e12,
    aliases: ['terajoules']
  },
  {
    id: 'energy/gigajoule',
    name: 'gigajoule',
    symbol: 'GJ',
    dimension: 'energy',
    toBase: 1e9,
    aliases: ['gigajoules']
  },
  {
    id: 'energy/megajoule',
    name: 'megajoule',
    symbol: 'MJ',
    dimension: 'energy',
    toBase: 1000000,
    aliases: ['megajoules']
  },
  {
    id: 'energy/kilojoule',
    name: 'kilojoule',
    symbol: 'kJ',
    dimension: 'energy',
    toBase: 1000,
    aliases: ['kilojoules']
  },
  {
    id: 'energy/hectojoule',
    name: 'hectojoule',
    symbol: 'hJ',
    dimension: 'energy',
    toBase: 100,
    aliases: ['hectojoules']
  },
  {
    id: 'energy/decajoule',
    name: 'decajoule',
    symbol: 'daJ',
    dimension: 'energy',
    toBase: 10,
    aliases: ['decajoules']
  },
  {
    id: 'energy/decijoule',
    name: 'decijoule',
    symbol: 'dJ',
    dimension: 'energy',
    toBase: 0.1,
    aliases: ['decijoules']
  },
  {
    id: 'energy/centijoule',
    name: 'centijoule',
    symbol: 'cJ',
    dimension: 'energy',
    toBase: 0.01,
    aliases: ['centijoules']
  },
  {
    id: 'energy/millijoule',
    name: 'millijoule',
    symbol: 'mJ',
    dimension: 'energy',
    toBase: 0.001,
    aliases: ['millijoules']
  },
  {
    id: 'energy/microjoule',
    name: 'microjoule',
    symbol: 'µJ',
    dimension: 'energy',
    toBase: 0.000001,
    aliases: ['microjoules']
  },
  {
    id: 'energy/nanojoule',
    name: 'nanojoule',
    symbol: 'nJ',
    dimension: 'energy',
    toBase: 1e-9,
    aliases: ['nanojoules']
  },
  {
    id: 'energy/picojoule',
    name: 'picojoule',
    symbol: 'pJ',
    dimension: 'energy',
    toBase: 1e-12,
    aliases: ['picojoules']
  },
  {
    id: 'energy/femtojoule',
    name: 'femtojoule',
    symbol: 'fJ',
    dimension: 'energy',
    toBase: 1e-15,
    aliases: ['femtojoules']
  },
  {
    id: 'energy/attojoule',
    name: 'attojoule',
    symbol: 'aJ',
    dimension: 'energy',
    toBase: 1e-18,
    aliases: ['attojoules']
  },
  {
    id: 'energy/zeptojoule',
    name: 'zeptojoule',
    symbol: 'zJ',
    dimension: 'energy',
    toBase: 1e-21,
    aliases: ['zeptojoules']
  },
  {
    id: 'energy/yoctojoule',
    name: 'yoctojoule',
    symbol: 'yJ',
    dimension: 'energy',
    toBase: 1e-24,
    aliases: ['yoctojoules']
  },
  {
    id: 'energy/rontojoule',
    name: 'rontojoule',
    symbol: 'rJ',
    dimension: 'energy',
    toBase: 1e-27,
    aliases: ['rontojoules']
  },
  {
    id: 'energy/quectojoule',
    name: 'quectojoule',
    symbol: 'qJ',
    dimension: 'energy',
    toBase: 1e-30,
    aliases: ['quectojoules']
  },
  {
    id: 'pressure/pascal',
    name: 'pascal',
    symbol: 'Pa',
    dimension: 'pressure',
    toBase: 1,
    aliases: ['pascals']
  },
  {
    id: 'pressure/quettapascal',
    name: 'quettapascal',
    symbol: 'QPa',
    dimension: 'pressure',
    toBase: 1e30,
    aliases: ['quettapascals']
  },
  {
    id: 'pressure/ronnapascal',
    name: 'ronnapascal',
    symbol: 'RPa',
    dimension: 'pressure',
    toBase: 1e27,
    aliases: ['ronnapascals']
  },
  {
    id: 'pressure/yottapascal',
    name: 'yottapascal',
    symbol: 'YPa',
    dimension: 'pressure',
    toBase: 1e24,
    aliases: ['yottapascals']
  },
  {
    id: 'pressure/zettapascal',
    name: 'zettapascal',
    symbol: 'ZPa',
    dimension: 'pressure',
    toBase: 1e21,
    aliases: ['zettapascals']
  },
  {
    id: 'pressure/exapascal',
    name: 'exapascal',
    symbol: 'EPa',
    dimension: 'pressure',
    toBase: 1e18,
    aliases: ['exapascals']
  },
  {
    id: 'pressure/petapascal',
    name: 'petapascal',
    symbol: 'PPa',
    dimension: 'pressure',
    toBase: 1e15,
    aliases: ['petapascals']
  },
  {
    id: 'pressure/terapascal',
    name: 'terapascal',
    symbol: 'TPa',
    dimension: 'pressure',
    toBase: 1e12,
    aliases: ['terapascals']
  },
  {
    id: 'pressure/gigapascal',
    name: 'gigapascal',
    symbol: 'GPa',
    dimension: 'pressure',
    toBase: 1e9,
    aliases: ['gigapascals']
  },
  {
    id: 'pressure/megapascal',
    name: 'megapascal',
    symbol: 'MPa',
    dimension: 'pressure',
    toBase: 1000000,
    aliases: ['megapascals']
  },
  {
    id: 'pressure/kilopascal',
    name: 'kilopascal',
    symbol: 'kPa',
    dimension: 'pressure',
    toBase: 1000,
    aliases: ['kilopascals']
  },
  {
    id: 'pressure/hectopascal',
    name: 'hectopascal',
    symbol: 'hPa',
    dimension: 'pressure',
    toBase: 100,
    aliases: ['hectopascals']
  },
  {
    id: 'pressure/decapascal',
    name: 'decapascal',
    symbol: 'daPa',
    dimension: 'pressure',
    toBase: 10,
    aliases: ['decapascals']
  },
  {
    id: 'pressure/decipascal',
    name: 'decipascal',
    symbol: 'dPa',
    dimension: 'pressure',
    toBase: 0.1,
    aliases: ['decipascals']
  },
  {
    id: 'pressure/centipascal',
    name: 'centipascal',
    symbol: 'cPa',
    dimension: 'pressure',
    toBase: 0.01,
    aliases: ['centipascals']
  },
  {
    id: 'pressure/millipascal',
    name: 'millipascal',
    symbol: 'mPa',
    dimension: 'pressure',
    toBase: 0.001,
    aliases: ['millipascals']
  },
  {
    id: 'pressure/micropascal',
    name: 'micropascal',
    symbol: 'µPa',
    dimension: 'pressure',
    toBase: 0.000001,
    aliases: ['micropascals']
  },
  {
    id: 'pressure/nanopascal',
    name: 'nanopascal',
    symbol: 'nPa',
    dimension: 'pressure',
    toBase: 1e-9,
    aliases: ['nanopascals']
  },
  {
    id: 'pressure/picopascal',
    name: 'picopascal',
    symbol: 'pPa',
    dimension: 'pressure',
    toBase: 1e-12,
    aliases: ['picopascals']
  },
  {
    id: 'pressure/femtopascal',
    name: 'femtopascal',
    symbol: 'fPa',
    dimension: 'pressure',
    toBase: 1e-15,
    aliases: ['femtopascals']
  },
  {
    id: 'pressure/attopascal',
    name: 'attopascal',
    symbol: 'aPa',
    dimension: 'pressure',
    toBase: 1e-18,
    aliases: ['attopascals']
  },
  {
    id: 'pressure/zeptopascal',
    name: 'zeptopascal',
    symbol: 'zPa',
    dimension: 'pressure',
    toBase: 1e-21,
    aliases: ['zeptopascals']
  },
  {
    id: 'pressure/yoctopascal',
    name: 'yoctopascal',
    symbol: 'yPa',
    dimension: 'pressure',
    toBase: 1e-24,
    aliases: ['yoctopascals']
  },
  {
    id: 'pressure/rontopascal',
    name: 'rontopascal',
    symbol: 'rPa',
    dimension: 'pressure',
    toBase: 1e-27,
    aliases: ['rontopascals']
  },
  {
    id: 'pressure/quectopascal',
    name: 'quectopascal',
    symbol: 'qPa',
    dimension: 'pressure',
    toBase: 1e-30,
    aliases: ['quectopascals']
  },
  {
    id: 'power/watt',
    name: 'watt',
    symbol: 'W',
    dimension: 'power',
    toBase: 1,
    aliases: ['watts']
  },
  {
    id: 'power/quettawatt',
    name: 'quettawatt',
    symbol: 'QW',
    dimension: 'power',
    toBase: 1e30,
    aliases: ['quettawatts']
  },
  {
    id: 'power/ronnawatt',
    name: 'ronnawatt',
    symbol: 'RW',
    dimension: 'power',
    toBase: 1e27,
    aliases: ['ronnawatts']
  },
  {
    id: 'power/yottawatt',
    name: 'yottawatt',
    symbol: 'YW',
    dimension: 'power',
    toBase: 1e24,
    aliases: ['yottawatts']
  },
  {
    id: 'power/zettawatt',
    name: 'zettawatt',
    symbol: 'ZW',
    dimension: 'power',
    toBase: 1e21,
    aliases: ['zettawatts']
  },
  {
    id: 'power/exawatt',
    name: 'exawatt',
    symbol: 'EW',
    dimension: 'power',
    toBase: 1e18,
    aliases: ['exawatts']
  },
  {
    id: 'power/petawatt',
    name: 'petawatt',
    symbol: 'PW',
    dimension: 'power',
    toBase: 1e15,
    aliases: ['petawatts']
  },
  {
    id: 'power/terawatt',
    name: 'terawatt',
    symbol: 'TW',
    dimension: 'power',
    toBase: 1e12,
    aliases: ['terawatts']
  },
  {
    id: 'power/gigawatt',
    name: 'gigawatt',
    symbol: 'GW',
    dimension: 'power',
    toBase: 1e9,
    aliases: ['gigawatts']
  },
  {
    id: 'power/megawatt',
    name: 'megawatt',
    symbol: 'MW',
    dimension: 'power',
    toBase: 1000000,
    aliases: ['megawatts']
  },
  {
    id: 'power/kilowatt',
    name: 'kilowatt',
    symbol: 'kW',
    dimension: 'power',
    toBase: 1000,
    aliases: ['kilowatts']
  },
  {
    id: 'power/hectowatt',
    name: 'hectowatt',
    symbol: 'hW',
    dimension: 'power',
    toBase: 100,
    aliases: ['hectowatts']
  },
  {
    id: 'power/decawatt',
    name: 'decawatt',
    symbol: 'daW',
    dimension: 'power',
    toBase: 10,
    aliases: ['decawatts']
  },
  {
    id: 'power/deciwatt',
    name: 'deciwatt',
    symbol: 'dW',
    dimension: 'power',
    toBase: 0.1,
    aliases: ['deciwatts']
  },
  {
    id: 'power/centiwatt',
    name: 'centiwatt',
    symbol: 'cW',
    dimension: 'power',
    toBase: 0.01,
    aliases: ['centiwatts']
  },
  {
    id: 'power/milliwatt',
    name: 'milliwatt',
    symbol: 'mW',
    dimension: 'power',
    toBase: 0.001,
    aliases: ['milliwatts']
  },
  {
    id: 'power/microwatt',
    name: 'microwatt',
    symbol: 'µW',
    dimension: 'power',
    toBase: 0.000001,
    aliases: ['microwatts']
  },
  {
    id: 'power/nanowatt',
    name: 'nanowatt',
    symbol: 'nW',
    dimension: 'power',
    toBase: 1e-9,
    aliases: ['nanowatts']
  },
  {
    id: 'power/picowatt',
    name: 'picowatt',
    symbol: 'pW',
    dimension: 'power',
    toBase: 1e-12,
    aliases: ['picowatts']
  },
  {
    id: 'power/femtowatt',
    name: 'femtowatt',
    symbol: 'fW',
    dimension: 'power',
    toBase: 1e-15,
    aliases: ['femtowatts']
  },
  {
    id: 'power/attowatt',
    name: 'attowatt',
    symbol: 'aW',
    dimension: 'power',
    toBase: 1e-18,
    aliases: ['attowatts']
  },
  {
    id: 'power/zeptowatt',
    name: 'zeptowatt',
    symbol: 'zW',
    dimension: 'power',
    toBase: 1e-21,
    aliases: ['zeptowatts']
  },
  {
    id: 'power/yoctowatt',
    name: 'yoctowatt',
    symbol: 'yW',
    dimension: 'power',
    toBase: 1e-24,
    aliases: ['yoctowatts']
  },
  {
    id: 'power/rontowatt',
    name: 'rontowatt',
    symbol: 'rW',
    dimension: 'power',
    toBase: 1e-27,
    aliases: ['rontowatts']
  },
  {
    id: 'power/quectowatt',
    name: 'quectowatt',
    symbol: 'qW',
    dimension: 'power',
    toBase: 1e-30,
    aliases: ['quectowatts']
  },
  {
    id: 'force/newton',
    name: 'newton',
    symbol: 'N',
    dimension: 'force',
    toBase: 1,
    aliases: ['newtons']
  },
  {
    id: 'force/quettanewton',
    name: 'quettanewton',
    symbol: 'QN',
    dimension: 'force',
    toBase: 1e30,
    aliases: ['quettanewtons']
  },
  {
    id: 'force/ronnanewton',
    name: 'ronnanewton',
    symbol: 'RN',
    dimension: 'force',
    toBase: 1e27,
    aliases: ['ronnanewtons']
  },
  {
    id: 'force/yottanewton',
    name: 'yottanewton',
    symbol: 'YN',
    dimension: 'force',
    toBase: 1e24,
    aliases: ['yottanewtons']
  },
  {
    id: 'force/zettanewton',
    name: 'zettanewton',
    symbol: 'ZN',
    dimension: 'force',
    toBase: 1e21,
    aliases: ['zettanewtons']
  },
  {
    id: 'force/exanewton',
    name: 'exanewton',
    symbol: 'EN',
    dimension: 'force',
    toBase: 1e18,
    aliases: ['exanewtons']
  },
  {
    id: 'force/petanewton',
    name: 'petanewton',
    symbol: 'PN',
    dimension: 'force',
    toBase: 1e15,
    aliases: ['petanewtons']
  },
  {
    id: 'force/teranewton',
    name: 'teranewton',
    symbol: 'TN',
    dimension: 'force',
    toBase: 1e12,
    aliases: ['teranewtons']
  },
  {
    id: 'force/giganewton',
    name: 'giganewton',
    symbol: 'GN',
    dimension: 'force',
    toBase: 1e9,
    aliases: ['giganewtons']
  },
  {
    id: 'force/meganewton',
    name: 'meganewton',
    symbol: 'MN',
    dimension: 'force',
    toBase: 1000000,
    aliases: ['meganewtons']
  },
  {
    id: 'force/kilonewton',
    name: 'kilonewton',
    symbol: 'kN',
    dimension: 'force',
    toBase: 1000,
    aliases: ['kilonewtons']
  },
  {
    id: 'force/hectonewton',
    name: 'hectonewton',
    symbol: 'hN',
    dimension: 'force',
    toBase: 100,
    aliases: ['hectonewtons']
  },
  {
    id: 'force/decanewton',
    name: 'decanewton',
    symbol: 'daN',
    dimension: 'force',
    toBase: 10,
    aliases: ['decanewtons']
  },
  {
    id: 'force/decinewton',
    name: 'decinewton',
    symbol: 'dN',
    dimension: 'force',
    toBase: 0.1,
    aliases: ['decinewtons']
  },
  {
    id: 'force/centinewton',
    name: 'centinewton',
    symbol: 'cN',
    dimension: 'force',
    toBase: 0.01,
    aliases: ['centinewtons']
  },
  {
    id: 'force/millinewton',
    name: 'millinewton',
    symbol: 'mN',
    dimension: 'force',
    toBase: 0.001,
    aliases: ['millinewtons']
  },
  {
    id: 'force/micronewton',
    name: 'micronewton',
    symbol: 'µN',
    dimension: 'force',
    toBase: 0.000001,
    aliases: ['micronewtons']
  },
  {
    id: 'force/nanonewton',
    name: 'nanonewton',
    symbol: 'nN',
    dimension: 'force',
    toBase: 1e-9,
    aliases: ['nanonewtons']
  },
  {
    id: 'force/piconewton',
    name: 'piconewton',
    symbol: 'pN',
    dimension: 'force',
    toBase: 1e-12,
    aliases: ['piconewtons']
  },
  {
    id: 'force/femtonewton',
    name: 'femtonewton',
    symbol: 'fN',
    dimension: 'force',
    toBase: 1e-15,
    aliases: ['femtonewtons']
  },
  {
    id: 'force/attonewton',
    name: 'attonewton',
    symbol: 'aN',
    dimension: 'force',
    toBase: 1e-18,
    aliases: ['attonewtons']
  },
  {
    id: 'force/zeptonewton',
    name: 'zeptonewton',
    symbol: 'zN',
    dimension: 'force',
    toBase: 1e-21,
    aliases: ['zeptonewtons']
  },
  {
    id: 'force/yoctonewton',
    name: 'yoctonewton',
    symbol: 'yN',
    dimension: 'force',
    toBase: 1e-24,
    aliases: ['yoctonewtons']
  },
  {
    id: 'force/rontonewton',
    name: 'rontonewton',
    symbol: 'rN',
    dimension: 'force',
    toBase: 1e-27,
    aliases: ['rontonewtons']
  },
  {
    id: 'force/quectonewton',
    name: 'quectonewton',
    symbol: 'qN',
    dimension: 'force',
    toBase: 1e-30,
    aliases: ['quectonewtons']
  },
  {
    id: 'frequency/hertz',
    name: 'hertz',
    symbol: 'Hz',
    dimension: 'frequency',
    toBase: 1,
    aliases: ['hertzs']
  },
  {
    id: 'frequency/quettahertz',
    name: 'quettahertz',
    symbol: 'QHz',
    dimension: 'frequency',
    toBase: 1e30,
    aliases: ['quettahertzs']
  },
  {
    id: 'frequency/ronnahertz',
    name: 'ronnahertz',
    symbol: 'RHz',
    dimension: 'frequency',
    toBase: 1e27,
    aliases: ['ronnahertzs']
  },
  {
    id: 'frequency/yottahertz',
    name: 'yottahertz',
    symbol: 'YHz',
    dimension: 'frequency',
    toBase: 1e24,
    aliases: ['yottahertzs']
  },
  {
    id: 'frequency/zettahertz',
    name: 'zettahertz',
    symbol: 'ZHz',
    dimension: 'frequency',
    toBase: 1e21,
    aliases: ['zettahertzs']
  },
  {
    id: 'frequency/exahertz',
    name: 'exahertz',
    symbol: 'EHz',
    dimension: 'frequency',
    toBase: 1e18,
    aliases: ['exahertzs']
  },
  {
    id: 'frequency/petahertz',
    name: 'petahertz',
    symbol: 'PHz',
    dimension: 'frequency',
    toBase: 1e15,
    aliases: ['petahertzs']
  },
  {
    id: 'frequency/terahertz',
    name: 'terahertz',
    symbol: 'THz',
    dimension: 'frequency',
    toBase: 1e12,
    aliases: ['terahertzs']
  },
  {
    id: 'frequency/gigahertz',
    name: 'gigahertz',
    symbol: 'GHz',
    dimension: 'frequency',
    toBase: 1e9,
    aliases: ['gigahertzs']
  },
  {
    id: 'frequency/megahertz',
    name: 'megahertz',
    symbol: 'MHz',
    dimension: 'frequency',
    toBase: 1000000,
    aliases: ['megahertzs']
  },
  {
    id: 'frequency/kilohertz',
    name: 'kilohertz',
    symbol: 'kHz',
    dimension: 'frequency',
    toBase: 1000,
    aliases: ['kilohertzs']
  },
  {
    id: 'frequency/hectohertz',
    name: 'hectohertz',
    symbol: 'hHz',
    dimension: 'frequency',
    toBase: 100,
    aliases: ['hectohertzs']
  },
  {
    id: 'frequency/decahertz',
    name: 'decahertz',
    symbol: 'daHz',
    dimension: 'frequency',
    toBase: 10,
    aliases: ['decahertzs']
  },
  {
    id: 'frequency/decihertz',
    name: 'decihertz',
    symbol: 'dHz',
    dimension: 'frequency',
    toBase: 0.1,
    aliases: ['decihertzs']
  },
  {
    id: 'frequency/centihertz',
    name: 'centihertz',
    symbol: 'cHz',
    dimension: 'frequency',
    toBase: 0.01,
    aliases: ['centihertzs']
  },
  {
    id: 'frequency/millihertz',
    name: 'millihertz',
    symbol: 'mHz',
    dimension: 'frequency',
    toBase: 0.001,
    aliases: ['millihertzs']
  },
  {
    id: 'frequency/microhertz',
    name: 'microhertz',
    symbol: 'µHz',
    dimension: 'frequency',
    toBase: 0.000001,
    aliases: ['microhertzs']
  },
  {
    id: 'frequency/nanohertz',
    name: 'nanohertz',
    symbol: 'nHz',
    dimension: 'frequency',
    toBase: 1e-9,
    aliases: ['nanohertzs']
  },
  {
    id: 'frequency/picohertz',
    name: 'picohertz',
    symbol: 'pHz',
    dimension: 'frequency',
    toBase: 1e-12,
    aliases: ['picohertzs']
  },
  {
    id: 'frequency/femtohertz',
    name: 'femtohertz',
    symbol: 'fHz',
    dimension: 'frequency',
    toBase: 1e-15,
    aliases: ['femtohertzs']
  },
  {
    id: 'frequency/attohertz',
    name: 'attohertz',
    symbol: 'aHz',
    dimension: 'frequency',
    toBase: 1e-18,
    aliases: ['attohertzs']
  },
  {
    id: 'frequency/zeptohertz',
    name: 'zeptohertz',
    symbol: 'zHz',
    dimension: 'frequency',
    toBase: 1e-21,
    aliases: ['zeptohertzs']
  },
  {
    id: 'frequency/yoctohertz',
    name: 'yoctohertz',
    symbol: 'yHz',
    dimension: 'frequency',
    toBase: 1e-24,
    aliases: ['yoctohertzs']
  },
  {
    id: 'frequency/rontohertz',
    name: 'rontohertz',
    symbol: 'rHz',
    dimension: 'frequency',
    toBase: 1e-27,
    aliases: ['rontohertzs']
  },
  {
    id: 'frequency/quectohertz',
    name: 'quectohertz',
    symbol: 'qHz',
    dimension: 'frequency',
    toBase: 1e-30,
    aliases: ['quectohertzs']
  },
  {
    id: 'voltage/volt',
    name: 'volt',
    symbol: 'V',
    dimension: 'voltage',
    toBase: 1,
    aliases: ['volts']
  },
  {
    id: 'voltage/quettavolt',
    name: 'quettavolt',
    symbol: 'QV',
    dimension: 'voltage',
    toBase: 1e30,
    aliases: ['quettavolts']
  },
  {
    id: 'voltage/ronnavolt',
    name: 'ronnavolt',
    symbol: 'RV',
    dimension: 'voltage',
    toBase: 1e27,
    aliases: ['ronnavolts']
  },
  {
    id: 'voltage/yottavolt',
    name: 'yottavolt',
    symbol: 'YV',
    dimension: 'voltage',
    toBase: 1e24,
    aliases: ['yottavolts']
  },
  {
    id: 'voltage/zettavolt',
    name: 'zettavolt',
    symbol: 'ZV',
    dimension: 'voltage',
    toBase: 1e21,
    aliases: ['zettavolts']
  },
  {
    id: 'voltage/exavolt',
    name: 'exavolt',
    symbol: 'EV',
    dimension: 'voltage',
    toBase: 1e18,
    aliases: ['exavolts']
  },
  {
    id: 'voltage/petavolt',
    name: 'petavolt',
    symbol: 'PV',
    dimension: 'voltage',
    toBase: 1e15,
    aliases: ['petavolts']
  },
  {
    id: 'voltage/teravolt',
    name: 'teravolt',
    symbol: 'TV',
    dimension: 'voltage',
    toBase: 1e12,
    aliases: ['teravolts']
  },
  {
    id: 'voltage/gigavolt',
    name: 'gigavolt',
    symbol: 'GV',
    dimension: 'voltage',
    toBase: 1e9,
    aliases: ['gigavolts']
  },
  {
    id: 'voltage/megavolt',
    name: 'megavolt',
    symbol: 'MV',
    dimension: 'voltage',
    toBase: 1000000,
    aliases: ['megavolts']
  },
  {
    id: 'voltage/kilovolt',
    name: 'kilovolt',
    symbol: 'kV',
    dimension: 'voltage',
    toBase: 1000,
    aliases: ['kilovolts']
  },
  {
    id: 'voltage/hectovolt',
    name: 'hectovolt',
    symbol: 'hV',
    dimension: 'voltage',
    toBase: 100,
    aliases: ['hectovolts']
  },
  {
    id: 'voltage/decavolt',
    name: 'decavolt',
    symbol: 'daV',
    dimension: 'voltage',
    toBase: 10,
    aliases: ['decavolts']
  },
  {
    id: 'voltage/decivolt',
    name: 'decivolt',
    symbol: 'dV',
    dimension: 'voltage',
    toBase: 0.1,
    aliases: ['decivolts']
  },
  {
    id: 'voltage/centivolt',
    name: 'centivolt',
    symbol: 'cV',
    dimension: 'voltage',
    toBase: 0.01,
    aliases: ['centivolts']
  },
  {
    id: 'voltage/millivolt',
    name: 'millivolt',
    symbol: 'mV',
    dimension: 'voltage',
    toBase: 0.001,
    aliases: ['millivolts']
  },
  {
    id: 'voltage/microvolt',
    name: 'microvolt',
    symbol: 'µV',
    dimension: 'voltage',
    toBase: 0.000001,
    aliases: ['microvolts']
  },
  {
    id: 'voltage/nanovolt',
    name: 'nanovolt',
    symbol: 'nV',
    dimension: 'voltage',
    toBase: 1e-9,
    aliases: ['nanovolts']
  },
  {
    id: 'voltage/picovolt',
    name: 'picovolt',
    symbol: 'pV',
    dimension: 'voltage',
    toBase: 1e-12,
    aliases: ['picovolts']
  },
  {
    id: 'voltage/femtovolt',
    name: 'femtovolt',
    symbol: 'fV',
    dimension: 'voltage',
    toBase: 1e-15,
    aliases: ['femtovolts']
  },
  {
    id: 'voltage/attovolt',
    name: 'attovolt',
    symbol: 'aV',
    dimension: 'voltage',
    toBase: 1e-18,
    aliases: ['attovolts']
  },
  {
    id: 'voltage/zeptovolt',
    name: 'zeptovolt',
    symbol: 'zV',
    dimension: 'voltage',
    toBase: 1e-21,
    aliases: ['zeptovolts']
  },
  {
    id: 'voltage/yoctovolt',
    name: 'yoctovolt',
    symbol: 'yV',
    dimension: 'voltage',
    toBase: 1e-24,
    aliases: ['yoctovolts']
  },
  {
    id: 'voltage/rontovolt',
    name: 'rontovolt',
    symbol: 'rV',
    dimension: 'voltage',
    toBase: 1e-27,
    aliases: ['rontovolts']
  },
  {
    id: 'voltage/quectovolt',
    name: 'quectovolt',
    symbol: 'qV',
    dimension: 'voltage',
    toBase: 1e-30,
    aliases: ['quectovolts']
  },
  {
    id: 'current/ampere',
    name: 'ampere',
    symbol: 'A',
    dimension: 'current',
    toBase: 1,
    aliases: ['amperes', 'amp']
  },
  {
    id: 'current/quettaampere',
    name: 'quettaampere',
    symbol: 'QA',
    dimension: 'current',
    toBase: 1e30,
    aliases: ['quettaamperes', 'quettaamp']
  },
  {
    id: 'current/ronnaampere',
    name: 'ronnaampere',
    symbol: 'RA',
    dimension: 'current',
    toBase: 1e27,
    aliases: ['ronnaamperes', 'ronnaamp']
  },
  {
    id: 'current/yottaampere',
    name: 'yottaampere',
    symbol: 'YA',
    dimension: 'current',
    toBase: 1e24,
    aliases: ['yottaamperes', 'yottaamp']
  },
  {
    id: 'current/zettaampere',
    name: 'zettaampere',
    symbol: 'ZA',
    dimension: 'current',
    toBase: 1e21,
    aliases: ['zettaamperes', 'zettaamp']
  },
  {
    id: 'current/exaampere',
    name: 'exaampere',
    symbol: 'EA',
    dimension: 'current',
    toBase: 1e18,
    aliases: ['exaamperes', 'exaamp']
  },
  {
    id: 'current/petaampere',
    name: 'petaampere',
    symbol: 'PA',
    dimension: 'current',
    toBase: 1e15,
    aliases: ['petaamperes', 'petaamp']
  },
  {
    id: 'current/teraampere',
    name: 'teraampere',
    symbol: 'TA',
    dimension: 'current',
    toBase: 1e12,
    aliases: ['teraamperes', 'teraamp']
  },
  {
    id: 'current/gigaampere',
    name: 'gigaampere',
    symbol: 'GA',
    dimension: 'current',
    toBase: 1e9,
    aliases: ['gigaamperes', 'gigaamp']
  },
  {
    id: 'current/megaampere',
    name: 'megaampere',
    symbol: 'MA',
    dimension: 'current',
    toBase: 1000000,
    aliases: ['megaamperes', 'megaamp']
  },
  {
    id: 'current/kiloampere',
    name: 'kiloampere',
    symbol: 'kA',
    dimension: 'current',
    toBase: 1000,
    aliases: ['kiloamperes', 'kiloamp']
  },
  {
    id: 'current/hectoampere',
    name: 'hectoampere',
    symbol: 'hA',
    dimension: 'current',
    toBase: 100,
    aliases: ['hectoamperes', 'hectoamp']
  },
  {
    id: 'current/decaampere',
    name: 'decaampere',
    symbol: 'daA',
    dimension: 'current',
    toBase: 10,
    aliases: ['decaamperes', 'decaamp']
  },
  {
    id: 'current/deciampere',
    name: 'deciampere',
    symbol: 'dA',
    dimension: 'current',
    toBase: 0.1,
    aliases: ['deciamperes', 'deciamp']
  },
  {
    id: 'current/centiampere',
    name: 'centiampere',
    symbol: 'cA',
    dimension: 'current',
    toBase: 0.01,
    aliases: ['centiamperes', 'centiamp']
  },
  {
    id: 'current/milliampere',
    name: 'milliampere',
    symbol: 'mA',
    dimension: 'current',
    toBase: 0.001,
    aliases: ['milliamperes', 'milliamp']
  },
  {
    id: 'current/microampere',
    name: 'microampere',
    symbol: 'µA',
    dimension: 'current',
    toBase: 0.000001,
    aliases: ['microamperes', 'microamp']
  },
  {
    id: 'current/nanoampere',
    name: 'nanoampere',
    symbol: 'nA',
    dimension: 'current',
    toBase: 1e-9,
    aliases: ['nanoamperes', 'nanoamp']
  },
  {
    id: 'current/picoampere',
    name: 'picoampere',
    symbol: 'pA',
    dimension: 'current',
    toBase: 1e-12,
    aliases: ['picoamperes', 'picoamp']
  },
  {
    id: 'current/femtoampere',
    name: 'femtoampere',
    symbol: 'fA',
    dimension: 'current',
    toBase: 1e-15,
    aliases: ['femtoamperes', 'femtoamp']
  },
  {
    id: 'current/attoampere',
    name: 'attoampere',
    symbol: 'aA',
    dimension: 'current',
    toBase: 1e-18,
    aliases: ['attoamperes', 'attoamp']
  },
  {
    id: 'current/zeptoampere',
    name: 'zeptoampere',
    symbol: 'zA',
    dimension: 'current',
    toBase: 1e-21,
    aliases: ['zeptoamperes', 'zeptoamp']
  },
  {
    id: 'current/yoctoampere',
    name: 'yoctoampere',
    symbol: 'yA',
    dimension: 'current',
    toBase: 1e-24,
    aliases: ['yoctoamperes', 'yoctoamp']
  },
  {
    id: 'current/rontoampere',
    name: 'rontoampere',
    symbol: 'rA',
    dimension: 'current',
    toBase: 1e-27,
    aliases: ['rontoamperes', 'rontoamp']
  },
  {
    id: 'current/quectoampere',
    name: 'quectoampere',
    symbol: 'qA',
    dimension: 'current',
    toBase: 1e-30,
    aliases: ['quectoamperes', 'quectoamp']
  },
  {
    id: 'length/inch',
    name: 'inch',
    symbol: 'in',
    dimension: 'length',
    toBase: 0.0254,
    aliases: ['inches']
  },
  {
    id: 'length/foot',
    name: 'foot',
    symbol: 'ft',
    dimension: 'length',
    toBase: 0.3048,
    aliases: ['feet']
  },
  {
    id: 'length/yard',
    name: 'yard',
    symbol: 'yd',
    dimension: 'length',
    toBase: 0.9144,
    aliases: ['yards']
  },
  {
    id: 'length/mile',
    name: 'mile',
    symbol: 'mi',
    dimension: 'length',
    toBase: 1690.344,
    aliases: ['miles', 'statute mile']
  },
  {
    id: 'length/nautical-mile',
    name: 'nautical mile',
    symbol: 'nmi',
    dimension: 'length',
    toBase: 1852,
    aliases: ['nautical miles']
  },
  {
    id: 'length/furlong',
    name: 'furlong',
    symbol: 'fur',
    dimension: 'length',
    toBase: 201.168,
    aliases: ['furlongs']
  },
  {
    id: 'length/light-year',
    name: 'light-year',
    symbol: 'ly',
    dimension: 'length',
    toBase: 9460730472580800,
    aliases: ['light-years']
  },
  {
    id: 'length/astronomical-unit',
    name: 'astronomical unit',
    symbol: 'au',
    dimension: 'length',
    toBase: 149597870700,
    aliases: ['astronomical units']
  },
  {
    id: 'mass/ounce',
    name: 'ounce',
    symbol: 'oz',
    dimension: 'mass',
    toBase: 0.028349523125,
    aliases: ['ounces']
  },
  {
    id: 'mass/pound',
    name: 'pound',
    symbol: 'lb',
    dimension: 'mass',
    toBase: 0.45359237,
    aliases: ['pounds', 'lbs']
  },
  {
    id: 'mass/stone',
    name: 'stone',
    symbol: 'st',
    dimension: 'mass',
    toBase: 6.35029318,
    aliases: ['stones']
  },
  {
    id: 'mass/short-ton',
    name: 'short ton',
    symbol: 'ton',
    dimension: 'mass',
    toBase: 907.18474,
    aliases: ['short tons']
  },
  {
    id: 'mass/tonne',
    name: 'tonne',
    symbol: 't',
    dimension: 'mass',
    toBase: 1000,
    aliases: ['tonnes', 'metric ton']
  },
  {
    id: 'time/minute',
    name: 'minute',
    symbol: 'min',
    dimension: 'time',
    toBase: 60,
    aliases: ['minutes']
  },
  {
    id: 'time/hour',
    name: 'hour',
    symbol: 'h',
    dimension: 'time',
    toBase: 3600,
    aliases: ['hours']
  },
  {
    id: 'time/day',
    name: 'day',
    symbol: 'd',
    dimension: 'time',
    toBase: 86400,
    aliases: ['days']
  },
  {
    id: 'time/week',
    name: 'week',
    symbol: 'wk',
    dimension: 'time',
    toBase: 604800,
    aliases: ['weeks']
  },
  {
    id: 'volume/us-gallon',
    name: 'US gallon',
    symbol: 'gal',
    dimension: 'volume',
    toBase: 0.003785411784,
    aliases: ['gallons']
  },
  {
    id: 'volume/us-pint',
    name: 'US pint',
    symbol: 'pt',
    dimension: 'volume',
    toBase: 0.000473176473,
    aliases: ['pints']
  },
  {
    id: 'volume/us-cup',
    name: 'US cup',
    symbol: 'cup',
    dimension: 'volume',
    toBase: 0.0002365882365,
    aliases: ['cups']
  },
  {
    id: 'volume/us-fluid-ounce',
    name: 'US fluid ounce',
    symbol: 'fl oz',
    dimension: 'volume',
    toBase: 0.0000295735295625,
    aliases: ['fluid ounces']
  },
  {
    id: 'volume/tablespoon',
    name: 'tablespoon',
    symbol: 'tbsp',
    dimension: 'volume',
    toBase: 0.00001478676478125,
    aliases: ['tablespoons']
  },
  {
    id: 'volume/teaspoon',
    name: 'teaspoon',
    symbol: 'tsp',
    dimension: 'volume',
    toBase: 0.00000492892159375,
    aliases: ['teaspoons']
  },
  {
    id: 'volume/cubic-metre',
    name: 'cubic metre',
    symbol: 'm³',
    dimension: 'volume',
    toBase: 1,
    aliases: ['cubic metres', 'cubic meter']
  },
  {
    id: 'energy/calorie',
    name: 'calorie',
    symbol: 'cal',
    dimension: 'energy',
    toBase: 4.184,
    aliases: ['calories']
  },
  {
    id: 'energy/kilocalorie',
    name: 'kilocalorie',
    symbol: 'kcal',
    dimension: 'energy',
    toBase: 4184,
    aliases: ['kilocalories', 'Calorie']
  },
  {
    id: 'energy/watt-hour',
    name: 'watt-hour',
    symbol: 'Wh',
    dimension: 'energy',
    toBase: 3600,
    aliases: ['watt-hours']
  },
  {
    id: 'energy/kilowatt-hour',
    name: 'kilowatt-hour',
    symbol: 'kWh',
    dimension: 'energy',
    toBase: 3600000,
    aliases: ['kilowatt-hours']
  },
  {
    id: 'energy/btu',
    name: 'British thermal unit',
    symbol: 'BTU',
    dimension: 'energy',
    toBase: 1055.05585262,
    aliases: ['btu']
  },
  {
    id: 'pressure/bar',
    name: 'bar',
    symbol: 'bar',
    dimension: 'pressure',
    toBase: 100000,
    aliases: ['bars']
  },
  {
    id: 'pressure/atmosphere',
    name: 'atmosphere',
    symbol: 'atm',
    dimension: 'pressure',
    toBase: 101325,
    aliases: ['atmospheres']
  },
  {
    id: 'pressure/psi',
    name: 'pound per square inch',
    symbol: 'psi',
    dimension: 'pressure',
    toBase: 6894.757293168361,
    aliases: ['pounds per square inch']
  },
  {
    id: 'pressure/mmhg',
    name: 'millimetre of mercury',
    symbol: 'mmHg',
    dimension: 'pressure',
    toBase: 133.322387415,
    aliases: ['torr']
  },
  {
    id: 'power/horsepower',
    name: 'horsepower',
    symbol: 'hp',
    dimension: 'power',
    toBase: 745.69987158227022,
    aliases: ['horsepowers']
  },
  {
    id: 'data/kibibyte',
    name: 'kibibyte',
    symbol: 'KiB',
    dimension: 'data',
    toBase: 1024,
    aliases: ['kibibytes']
  },
  {
    id: 'data/mebibyte',
    name: 'mebibyte',
    symbol: 'MiB',
    dimension: 'data',
    toBase: 1048576,
    aliases: ['mebibytes']
  },
  {
    id: 'data/gibibyte',
    name: 'gibibyte',
    symbol: 'GiB',
    dimension: 'data',
    toBase: 1073741824,
    aliases: ['gibibytes']
  },
  {
    id: 'data/tebibyte',
    name: 'tebibyte',
    symbol: 'TiB',
    dimension: 'data',
    toBase: 1099511627776,
    aliases: ['tebibytes']
  },
  {
    id: 'data/pebibyte',
    name: 'pebibyte',
    symbol: 'PiB',
    dimension: 'data',
    toBase: 1125899906842624,
    aliases: ['pebibytes']
  },
  {
    id: 'data/exbibyte',
    name: 'exbibyte',
    symbol: 'EiB',
    dimension: 'data',
    toBase: 1152921504606846976,
    aliases: ['exbibytes']
  },
  {
    id: 'data/zebibyte',
    name: 'zebibyte',
    symbol: 'ZiB',
    dimension: 'data',
    toBase: 1180591620717411303424,
    aliases: ['zebibytes']
  },
  {
    id: 'data/yobibyte',
    name: 'yobibyte',
    symbol: 'YiB',
    dimension: 'data',
    toBase: 1208925819614629174706176,
    aliases: ['yobibytes']
  },
  {
    id: 'data/bit',
    name: 'bit',
    symbol: 'bit',
    dimension: 'data',
    toBase: 0.125,
    aliases: ['bits']
  },
  {
    id: 'speed/metre-per-second',
    name: 'metre per second',
    symbol: 'm/s',
    dimension: 'speed',
    toBase: 1,
    aliases: ['metres per second']
  },
  {
    id: 'speed/kilometre-per-hour',
    name: 'kilometre per hour',
    symbol: 'km/h',
    dimension: 'speed',
    toBase: 0.2777777777777778,
    aliases: ['kph']
  },
  {
    id: 'speed/mile-per-hour',
    name: 'mile per hour',
    symbol: 'mph',
    dimension: 'speed',
    toBase: 0.44704,
    aliases: ['miles per hour']
  },
  {
    id: 'speed/knot',
    name: 'knot',
    symbol: 'kn',
    dimension: 'speed',
    toBase: 0.5144444444444445,
    aliases: ['knots']
  },
  {
    id: 'area/square-metre',
    name: 'square metre',
    symbol: 'm²',
    dimension: 'area',
    toBase: 1,
    aliases: ['square metres']
  },
  {
    id: 'area/hectare',
    name: 'hectare',
    symbol: 'ha',
    dimension: 'area',
    toBase: 10000,
    aliases: ['hectares']
  },
  {
    id: 'area/acre',
    name: 'acre',
    symbol: 'ac',
    dimension: 'area',
    toBase: 4046.8564224,
    aliases: ['acres']
  },
  {
    id: 'area/square-foot',
    name: 'square foot',
    symbol: 'ft²',
    dimension: 'area',
    toBase: 0.09290304,
    aliases: ['square feet']
  }
];

const byName = new Map();
for (const unit of UNITS) {
  for (const key of [unit.symbol, unit.name, ...unit.aliases]) {
    const existing = byName.get(key);
    // Symbols are case-sensitive (mm vs Mm), so the first entry of a key wins and keeps it.
    if (existing === undefined) byName.set(key, unit);
  }
}

/** The unit called `name` (a symbol, a name or an alias); throws for an unknown unit. */
export function findUnit(name) {
  const unit = byName.get(name.trim()) ?? byName.get(name.trim().toLowerCase());
  if (!unit) throw new RangeError(`unknown unit: ${name}`);
  return unit;
}

/** `value` in unit `from`, expressed in unit `to`; both must measure the same dimension. */
export function convert(value, from, to) {
  const source = findUnit(from);
  const target = findUnit(to);
  if (source.dimension !== target.dimension) {
    throw new TypeError(`cannot convert ${source.dimension} (${source.symbol}) to ${target.dimension} (${target.symbol})`);
  }
  return (value * source.toBase) / target.toBase;
}

/** Rounds to `digits` significant digits, for display. */
export function significant(value, digits = 6) {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}
