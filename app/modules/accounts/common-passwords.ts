// The most common passwords from public breach lists, with the Dutch favourites.
// Compared lower-cased; a fuller list can be dropped in without code changes.
const common = new Set(
  `123456 123456789 12345678 password qwerty123 qwerty 1q2w3e4r 111111 1234567890 12345
  000000 123123 abc123 password1 iloveyou 1234567 qwertyuiop 123321 654321 666666 987654321
  wachtwoord wachtwoord1 wachtwoord123 welkom welkom01 welkom123 welkom2024 welkom2025 welkom2026
  voetbal ajax1900 feyenoord psveindhoven geheim geheim123 hallo123 hallohallo azerty123
  letmein letmein123 admin admin123 administrator passw0rd p@ssw0rd p@ssword welcome
  welcome1 welcome123 sunshine princess dragon monkey football baseball superman batman
  trustno1 master shadow michael jennifer 1qaz2wsx zaq12wsx qazwsx 88888888 11111111
  00000000 12341234 password123 password12 password1234 changeme changeme123 secret secret123
  school school123 schoolleider onderwijs onderwijs123 leraar123 docent123 knooppunt
  knooppunt123 zomer2025 zomer2026 winter2025 winter2026 lente2026 herfst2026 nederland
  nederland1 amsterdam rotterdam utrecht123 qwerty12345 asdfghjkl asdf1234 zxcvbnm
  1234qwer aa123456 a1234567 abcd1234 abcdefgh iloveyou1 starwars whatever computer`
    .split(/\s+/)
    .filter(Boolean),
);

export function isCommonPassword(password: string) {
  return common.has(password.toLowerCase());
}
