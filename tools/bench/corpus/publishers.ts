/**
 * The publishers of the synthetic corpus: their layout (plain, Markdown, hard-wrapped, CRLF) and
 * the template blocks they repeat in every article (crumbs, newsletter box, appeal, share
 * widgets, footer), which the service must recognise as boilerplate.
 */

/** A publisher's layout and its repeated boilerplate blocks. */
export interface Publisher {
  readonly slug: string;
  readonly name: string;
  readonly style: 'plain' | 'markdown' | 'wrapped';
  readonly crlf: boolean;
  readonly bullet: string;
  /** Whether key-fact bullets end with a full stop. */
  readonly bulletPeriod: boolean;
  readonly crumb: string;
  readonly newsletter: readonly string[];
  readonly appeal: readonly string[];
  readonly share: readonly string[];
  readonly footer: string;
}

/** A publisher with its boilerplate blocks, picked by `variant` from a few wordings. */
function publisher(
  slug: string,
  name: string,
  style: Publisher['style'],
  crlf: boolean,
  bullet: string,
  bulletPeriod: boolean,
  section: string,
  variant: number,
): Publisher {
  const newsletters = [
    [
      'Get the morning briefing',
      `Sign up for the ${name.replace(/^The /u, '')} newsletter and get the day's top stories in your inbox every morning.`,
      'Enter your email address',
      'Subscribe',
    ],
    [
      'Never miss a story',
      `Subscribe to our free weekly newsletter from ${name}: the stories that matter, straight to your inbox.`,
      'Sign up now',
    ],
    [
      `${name} Daily`,
      'Our editors pick the most important stories of the day for you. Sign up for free.',
      'Your email address',
      'Sign up',
      'No thanks',
    ],
  ];
  const appeals = [
    [
      'Dear reader,',
      `Independent journalism costs money, and ${name} does not hide its reporting behind a paywall.`,
      'If you value what we do, please support us with a contribution, however small. It only takes a minute, and it helps us keep reporting for you.',
      'Support us',
      'Remind me later',
    ],
    [
      `A message from ${name}:`,
      'We rely on readers like you to fund our newsroom. Become a member today and help us keep our journalism free for everyone.',
      'Donate now',
      'Maybe later',
    ],
    [
      'Before you go',
      `You have read several articles from ${name} this month. We are a non-profit newsroom and your donation keeps us independent.`,
      'Give once or give monthly. Every contribution helps us report on the stories you care about.',
      'Donate',
      '×',
    ],
  ];
  const shares = [
    ['Share this article', 'Facebook', 'X', 'Email', 'Copy link'],
    ['Share this article'],
    ['Print this page', 'Share on social media'],
  ];
  return {
    slug,
    name,
    style,
    crlf,
    bullet,
    bulletPeriod,
    crumb: `Home › News › ${section}`,
    newsletter: newsletters[variant % newsletters.length]!,
    appeal: appeals[(variant + 1) % appeals.length]!,
    share: shares[variant % shares.length]!,
    footer: `© ${2024} ${name}. All rights reserved.`,
  };
}

/** The publishers of the synthetic corpus, with their layouts. */
export const PUBLISHERS: readonly Publisher[] = [
  publisher('northern-ledger', 'The Northern Ledger', 'plain', false, '•', false, 'World', 0),
  publisher('coastal-times', 'Coastal Times', 'plain', false, '-', true, 'Europe', 1),
  publisher('valley-herald', 'Valley Herald', 'markdown', false, '-', false, 'Region', 2),
  publisher('daily-meridian', 'Daily Meridian', 'wrapped', false, '*', true, 'National', 0),
  publisher('capital-post', 'Capital Post', 'plain', true, '•', false, 'Politics', 1),
  publisher('harbour-chronicle', 'Harbour Chronicle', 'markdown', false, '*', true, 'Local', 2),
  publisher('plains-observer', 'Plains Observer', 'plain', false, '1.', false, 'Economy', 0),
  publisher('highland-gazette', 'Highland Gazette', 'wrapped', false, '•', false, 'News', 1),
  publisher('river-courier', 'River Courier', 'plain', false, '–', true, 'World', 2),
  publisher('metro-dispatch', 'Metro Dispatch', 'markdown', true, '-', false, 'City', 0),
];
