/**
 * A person's picture: their photo, or their initials on a colour that stays the same for them.
 * The photo's URL carries the file's id, so a new photo shows at once and an unchanged one comes
 * from the browser's cache.
 */
export function avatarUrl(userId: string, fileId: string | null | undefined) {
  return fileId ? `/mensen/${userId}/foto?v=${fileId}` : null;
}

// White text on each of these is at least 4.5:1 (WCAG AA for small text).
const colours = [
  "bg-teal-800",
  "bg-sky-800",
  "bg-indigo-700",
  "bg-violet-700",
  "bg-fuchsia-800",
  "bg-rose-700",
  "bg-orange-800",
  "bg-emerald-800",
  "bg-slate-700",
  "bg-cyan-800",
];

const sizes = {
  24: "h-6 w-6 text-[0.625rem]",
  32: "h-8 w-8 text-xs",
  48: "h-12 w-12 text-base",
  96: "h-24 w-24 text-3xl",
} as const;

/** The first letters of the first and the last word: "Anouk van der Visser" is AV. */
function initialsOf(name: string) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = Array.from(words[0] ?? "?")[0] ?? "?";
  const last = words.length > 1 ? (Array.from(words[words.length - 1] ?? "")[0] ?? "") : "";
  return `${first}${last}`.toLocaleUpperCase("nl");
}

function colourOf(id: string) {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return colours[hash % colours.length];
}

/**
 * Next to the visible name (lists, posts) the picture adds nothing for a screen reader, so it is
 * decorative (alt=""). Where no name is shown beside it, pass `labelled` and it says the name.
 */
export function Avatar({
  id,
  name,
  photoUrl,
  size = 32,
  labelled = false,
  className = "",
}: {
  id: string;
  name: string;
  photoUrl?: string | null;
  size?: keyof typeof sizes;
  labelled?: boolean;
  /** placement only (e.g. "mr-1 align-middle" inside a line of text) */
  className?: string;
}) {
  const box = `${sizes[size]} shrink-0 rounded-full ${className}`;
  if (photoUrl) {
    return (
      <img
        src={photoUrl}
        alt={labelled ? name : ""}
        width={size}
        height={size}
        loading="lazy"
        decoding="async"
        className={`${box} bg-slate-200 object-cover`}
      />
    );
  }
  return (
    <span
      {...(labelled ? { role: "img", "aria-label": name } : { "aria-hidden": true })}
      className={`${box} ${colourOf(id)} inline-flex select-none items-center justify-center font-semibold leading-none text-white`}
    >
      {initialsOf(name)}
    </span>
  );
}
