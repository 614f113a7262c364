/**
 * The examples of the OpenAPI document, taken from the seed corpus (`data/`) so that every
 * request example answers when sent: Swagger UI's "Try it out" sends them as they are, and
 * test/http/examples.test.ts sends every one to the seed corpus and expects a non-empty answer.
 * One place for them: the schemas, the parameters and the request bodies import them from here.
 */

/** A seed file. */
export const EXAMPLE_FILE = '003_2772de2c2eaa7074.txt';

/** The seed corpus's largest story (a story's id hashes its first file, so it is stable). */
export const EXAMPLE_STORY_ID = 's-3c35ecc8ba';

/**
 * The seed corpus's page cursor for the second story onwards (`nextCursor` of
 * `GET /v1/topics?limit=1`): the base64url of `1:` and the first 16 hex digits of the seed
 * corpus's fingerprint.
 */
export const EXAMPLE_TOPICS_CURSOR = 'MTo4OTY5YWFkNWI1YWY3MjQy';

/** A query with an answer in the seed corpus. */
export const EXAMPLE_QUERY = 'monthly users';

/** A citation of a seed file, exact: it verifies as long as data/ holds the seed articles. */
export const EXAMPLE_CITATION = {
  file: EXAMPLE_FILE,
  sha256: 'a1e87499e650ccf8a45fbb7454a5270d8f7e1d51e3fa5bc3d249b79930977fb7',
  lines: { start: 3, end: 3 },
  offsets: { start: 606, end: 734 },
  quote:
    'According to the regulator, these foreign messaging services must provide access to user data when requested by law enforcement.',
  href: `/v1/documents/${EXAMPLE_FILE}/lines?start=3&end=3`,
} as const;

/** Two posted documents stating one fact: their summary is one sentence with two citations. */
export const EXAMPLE_POSTED_DOCUMENTS = [
  {
    file: 'harbour/monday.txt',
    text: 'The council approved the harbour budget on Monday.\nThe vote was nine to two.\n',
  },
  {
    file: 'harbour/wire.txt',
    text: 'On Monday the council approved the harbour budget after a long debate.\nDredging starts in May.\n',
  },
] as const;

/** The example body of `POST /v1/summarize` (and `.md`). */
export const SUMMARIZE_REQUEST_EXAMPLE = {
  documents: EXAMPLE_POSTED_DOCUMENTS,
  maxSentences: 2,
};

/** The example body of `POST /v1/citations/verify`: one exact citation of a seed file. */
export const VERIFY_REQUEST_EXAMPLE = { citations: [EXAMPLE_CITATION] };
