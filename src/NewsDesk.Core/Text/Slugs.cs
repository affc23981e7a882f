using System.Text;
using AnyAscii;

namespace NewsDesk.Core.Text;

/// <summary>URL names: text folded to ASCII, lower-case, words joined by '-', punctuation dropped.</summary>
public static class Slugs
{
    public const int DefaultMaxLength = 100;

    /// <summary>
    /// "Japan, Vietnam sign … China's aggression" → "japan-vietnam-sign-…-chinas-aggression".
    /// Returns an empty string when nothing slug-worthy is left (the caller picks a fallback).
    /// </summary>
    public static string From(string text, int maxLength = DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ascii = text.Transliterate();
        var builder = new StringBuilder(ascii.Length);
        var pendingSeparator = false;
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSeparator && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingSeparator = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '`')
            {
                // Apostrophes join a word ("China's" → "chinas") rather than split it.
            }
            else
            {
                pendingSeparator = true;
            }
        }

        return Truncate(builder.ToString(), maxLength);
    }

    /// <summary>The n-th alternative for a slug that is taken: "slug-2", "slug-3", … within <paramref name="maxLength"/>.</summary>
    public static string WithSuffix(string slug, int n, int maxLength = DefaultMaxLength)
    {
        var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Truncate(slug, maxLength - suffix.Length) + suffix;
    }

    private static string Truncate(string slug, int maxLength)
    {
        if (slug.Length <= maxLength)
        {
            return slug;
        }

        var cut = slug.LastIndexOf('-', maxLength);
        return (cut > maxLength / 2 ? slug[..cut] : slug[..maxLength]).TrimEnd('-');
    }
}
