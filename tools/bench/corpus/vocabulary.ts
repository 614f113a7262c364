/**
 * Word lists and sentence frames of the synthetic corpus, shared by all stories (a data table:
 * the story-specific frames are in ../story-templates.ts). Apart from the code so that the
 * generator's modules stay short; the order of every list is part of the corpus (a seeded pick
 * takes an index), so reordering one changes every article.
 */

/** First names of reporters, quoted people and photographers. */
export const FIRST = [
  'Maria',
  'Jonas',
  'Elena',
  'Tomas',
  'Aisha',
  'Pieter',
  'Sofia',
  'Karim',
  'Ingrid',
  'Mateo',
  'Hannah',
  'Luca',
  'Nadia',
  'Oskar',
  'Leila',
  'Viktor',
  'Clara',
  'Dmitri',
  'Amara',
  'Felix',
  'Yusuf',
  'Greta',
  'Rafael',
  'Mei',
  'Anton',
  'Zofia',
  'Samuel',
  'Lina',
  'Hugo',
  'Irene',
];

/** Surnames that go with {@link FIRST}. */
export const LAST = [
  'Lindqvist',
  'Moreau',
  'Kowalski',
  'Ferreira',
  'Haddad',
  'Jansen',
  'Rossi',
  'Novak',
  'Okafor',
  'Petrov',
  'Schmidt',
  'Andersen',
  'Costa',
  'Dubois',
  'Varga',
  'Nakamura',
  'Ibrahim',
  'Larsen',
  'Mendes',
  'Horvat',
  'Keller',
  'Santos',
  'Bauer',
  'Eriksen',
  'Romano',
  'Popescu',
  'Weiss',
  'Almeida',
  'Berg',
  'Kuznetsova',
];

/** Made-up towns: the `{place}` and `{city2}` of a story. */
export const PLACES = [
  'Valmora',
  'Kesterby',
  'Aldenport',
  'Rivensk',
  'Torvala',
  'Marrowgate',
  'Beloria',
  'Castelno',
  'Dunholm',
  'Estravia',
  'Ferncliff',
  'Galdera',
  'Hollinsk',
  'Istravo',
  'Jarnvik',
  'Kelmora',
  'Lindhaven',
  'Montavo',
  'Norcastle',
  'Ostrana',
  'Pellavik',
  'Quarrendon',
  'Rostova',
  'Saltmere',
  'Tavrin',
  'Ulmsted',
  'Varnholt',
  'Westbrook',
  'Yarrowdale',
  'Zelmira',
  'Ashcombe',
  'Brennvik',
  'Corrano',
  'Drevnia',
  'Elmsworth',
  'Fallowmere',
  'Grenhaven',
  'Harrowby',
  'Ivelka',
  'Juniper Falls',
];

/** Regions: the `{region}` of a story. */
export const REGIONS = [
  'the northern province',
  'the coastal region',
  'the eastern highlands',
  'the river valley',
  'the southern plains',
  'the lake district',
  'the western border region',
  'the central lowlands',
  'the island province',
  'the mountain cantons',
  'the delta region',
  'the industrial north',
];

/** Capitals: the `{capital}` of a story. */
export const CAPITALS = ['Aurelia', 'Brandmark', 'Castellane', 'Novagrad', 'Sundvall', 'Teravia'];

/** Weekdays: `{day}` and `{day2}`. */
export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

/** Month names: `{month}`, `{month2}` and the dateline. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Syllables of coined proper names (places and surnames that keep the vocabulary growing). */
export const SYLLABLES = [
  'val',
  'mor',
  'kes',
  'ter',
  'al',
  'den',
  'riv',
  'tor',
  'mar',
  'bel',
  'cas',
  'dun',
  'hol',
  'est',
  'fern',
  'gal',
  'is',
  'jarn',
  'kel',
  'lind',
  'mon',
  'nor',
  'ost',
  'pel',
  'quar',
  'ros',
  'salt',
  'tav',
  'ulm',
  'var',
  'wes',
  'yar',
  'zel',
  'bran',
  'cor',
  'dra',
  'el',
  'fal',
  'gren',
  'har',
];

/** Endings of coined place names. */
export const PLACE_SUFFIXES = [
  'by',
  'vik',
  'ford',
  'holm',
  'ova',
  'ano',
  'burg',
  'mere',
  'stad',
  'ino',
  'ton',
  'ac',
];

/** Endings of coined surnames. */
export const NAME_SUFFIXES = [
  'sen',
  'ović',
  'escu',
  'ini',
  'berg',
  'ski',
  'ard',
  'ez',
  'man',
  'ou',
  'elli',
  'qvist',
];

/** Photo agencies credited under the photo caption. */
export const AGENCIES = [
  'Northern Photo Agency',
  'Press Images',
  'Wire Photo',
  'Coastal Pictures',
  'Meridian Images',
];

/** Generic sentence frames that any story can use (they pick up its event, group, measure, …). */
export const GENERIC: readonly string[] = [
  '{Org} said it was monitoring {event} closely and would publish updated figures on {day2}.',
  'Local media in {place} reported that many {group} had been given little notice before {measure} took effect.',
  'Critics said the response to {event} had been slow and poorly coordinated.',
  'Opposition lawmakers called for an independent review of how {org} had handled {event}.',
  'The government in {capital} said it would send additional support to {place} within days.',
  'Analysts said {event} could weigh on the economy of {region} for months.',
  'Several {group} interviewed by reporters said they had received no official information.',
  '{Person2}, a researcher at the University of {city2}, said similar events had become more frequent over the past decade.',
  'The mayor of {place} said the city would hold a public meeting on {day2} to answer questions about {measure}.',
  'It was not immediately clear how many {group} were affected outside {place}.',
  'Officials declined to give a timeline for {measure}.',
  'The prime minister is expected to visit {place} later this week to discuss {measure} with {group}.',
  'A spokesperson for {org} said the figures would be revised as more information became available.',
  'Neighbouring towns offered help to {group}, and volunteers collected donations in church halls and sports clubs.',
  'Business owners in the centre of {place} said trade had fallen sharply since {event} began.',
  'Regional authorities held an emergency meeting on {day2} evening to discuss {measure}.',
  'Insurers said it was too early to estimate the total cost of {event} for {group} in {place}.',
  'Some {group} said they felt abandoned by the authorities in {capital}.',
  'The last comparable episode in {region} took place in {year2}, when the response was widely criticised.',
  'A parliamentary committee will hold a hearing on {event} next month.',
  'The issue has become a point of contention ahead of regional elections in {month2}.',
  'Officials stressed that outside {place}, most {group} in {region} had not been affected by {event}.',
  'The European Commission said it was ready to help {org} with {measure} if asked.',
  'Experts agreed that the coming weeks would be decisive for {measure}.',
  'Community leaders in {place} urged {group} to follow official guidance and avoid rumours.',
  'Officials in {place} said they had learned lessons from previous years and were better prepared.',
  'Data published by {org} showed the problem had been building for several years.',
  'The national audit office warned last year that {org} lacked the funding to deal with {event} on this scale.',
  'The regional governor described {event} as serious but under control.',
  'Many {group} said they were worried about what the coming months would bring.',
  'In {city2}, a dispute over {measure} last year led to a change in the law.',
  'A helpline for {group} set up by {org} received hundreds of calls on its first day.',
  'Religious and civic groups organised a vigil in the main square of {place} on {day2} night.',
  'Economists at a major bank estimated the direct cost of {event} at several hundred million euros.',
  'It is the second time in three years that {region} has faced such a situation.',
  'The minister responsible said a full report would be presented to parliament by {month2}.',
  'Trade associations in {place} asked for emergency loans for businesses hit by {event}.',
  'Observers noted that public trust in {org} had already been low before {event}.',
];

/** Attributions appended to a fact so that near-duplicates read differently. */
export const ATTRIBUTIONS = [
  'officials said',
  'according to {org}',
  '{org} said',
  'local media reported',
  'authorities confirmed',
  'the agency said',
];

/** Section headings any story can use, beside its own. */
export const GENERIC_SECTIONS = [
  'What happened',
  'Reaction',
  'Background',
  'What comes next',
  'The numbers',
  'Who is affected',
  'How we got here',
  'Political fallout',
  'A difficult week',
];

/** Hedges put before a `{~slot}` number ("about 1,200"); the empty one leaves it bare. */
export const HEDGES = ['about', 'nearly', 'more than', 'around', 'roughly', ''];

/** Anchors that tie a frame naming nothing of its story to the story instance. */
export const ANCHORS = [
  ' in {place}',
  ' this week in {place}',
  ', {person2} said',
  ' on {day}',
  ' in {region}',
];

/** Openers of the "in a similar case…" sentence about an earlier story of the same kind. */
export const BACKGROUND_OPENERS = [
  'In a similar case in {year2}, ',
  'Earlier this year, ',
  'Last {month2}, ',
  'The events recall {year2}, when ',
];
