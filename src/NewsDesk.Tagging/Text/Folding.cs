using System.Globalization;
using System.Text;

namespace NewsDesk.Tagging.Text;

/// <summary>
/// Case and accent folding for matching: "Việt Nam" and "VIET NAM" both read "viet nam", "Đà Nẵng" reads
/// "da nang". Han, kana and Hangul characters are tokens of their own (those scripts do not separate words).
/// </summary>
internal static class Folding
{
    private static readonly string?[] Table = BuildTable();

    /// <summary>Appends the folded form of <paramref name="c"/>; returns false for a character that is no part of a word.</summary>
    public static bool Append(char c, Span<char> buffer, ref int length)
    {
        if (c < 128)
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                Put(buffer, ref length, c);
                return true;
            }

            if (char.IsAsciiLetterUpper(c))
            {
                Put(buffer, ref length, (char)(c | 0x20));
                return true;
            }

            return false;
        }

        if (c < Table.Length && Table[c] is { } mapped)
        {
            foreach (var m in mapped)
            {
                Put(buffer, ref length, m);
            }

            return true;
        }

        var category = char.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return true; // part of the word, dropped from its folded form
        }

        if (char.IsLetterOrDigit(c))
        {
            Put(buffer, ref length, c == 'ё' || c == 'Ё' ? 'е' : char.ToLowerInvariant(c));
            return true;
        }

        return false;
    }

    public static bool IsWordChar(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Scripts written without spaces between words: each character is a token.</summary>
    public static bool IsSingleCharToken(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3040' and <= '\u30FF')
            or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF');

    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    private static void Put(Span<char> buffer, ref int length, char c)
    {
        if (length < buffer.Length)
        {
            buffer[length] = c;
        }

        length++;
    }

    private static string?[] BuildTable()
    {
        // Latin-1, Latin Extended A/B and Latin Extended Additional (Vietnamese): strip the accents.
        var table = new string?[0x1F00];
        for (var c = 0x80; c < table.Length; c++)
        {
            if (c is (>= 0x250 and < 0x1E00))
            {
                continue;
            }

            var ch = (char)c;
            if (!char.IsLetter(ch))
            {
                continue;
            }

            var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
            var builder = new StringBuilder();
            foreach (var d in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                {
                    builder.Append(char.ToLowerInvariant(d));
                }
            }

            table[c] = builder.ToString();
        }

        table['đ'] = table['Đ'] = "d";
        table['ø'] = table['Ø'] = "o";
        table['ł'] = table['Ł'] = "l";
        table['ß'] = "ss";
        table['æ'] = table['Æ'] = "ae";
        table['œ'] = table['Œ'] = "oe";
        table['þ'] = table['Þ'] = "th";
        table['ı'] = "i";
        table['ð'] = table['Ð'] = "d";
        return table;
    }
}
