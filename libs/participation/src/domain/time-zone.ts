/** The IANA zone a community's dates and times (and its quiet hours) are in, from its country. */
export function communityTimeZone(country: string | undefined): string {
  return country === 'KZ' ? 'Asia/Almaty' : 'Asia/Bishkek';
}
