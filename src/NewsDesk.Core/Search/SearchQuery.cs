using System.Globalization;
using System.Text;

namespace NewsDesk.Core.Search;

/// <summary>
/// A reader's search text, parsed into a provider-neutral expression: every <see cref="Required"/> group must match
/// (a group is one term, or terms joined by OR), no <see cref="Excluded"/> term may. Terms are plain words, quoted
/// phrases, or word prefixes ("sub*"). Nothing of the reader's text reaches a query language unparsed.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<IReadOnlyList<SearchTerm>> Required, IReadOnlyList<SearchTerm> Excluded)
{
    public const int MaxLength = 200;
    public const int MaxTerms = 16;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says, for the reader, what to change.</summary>
    public static bool TryParse(string? text, out SearchQuery query, out string? error)
    {
        query = new SearchQuery([], []);
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Type one or more words to search for.";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"That search is too long: keep it under {MaxLength} characters.";
            return false;
        }

        if (text.Count(c => c == '"') % 2 != 0)
        {
            error = "A quotation mark is not closed. Put phrases between a pair of quotation marks, like \"coast guard\".";
            return false;
        }

        var required = new List<List<SearchTerm>>();
        var excluded = new List<SearchTerm>();
        var pendingOr = false;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negate = false;
            if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                negate = true;
                i++;
            }

            string raw;
            var phrase = false;
            if (text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                raw = text[(i + 1)..end];
                i = end + 1;
                phrase = true;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
                {
                    i++;
                }

                raw = text[start..i];
            }

            if (!phrase && !negate && raw == "OR")
            {
                pendingOr = required.Count > 0;
                continue;
            }

            var prefix = !phrase && raw.EndsWith('*');
            var words = Words(raw);
            if (words.Count == 0)
            {
                continue;
            }

            // "sub*" searches words starting "sub"; a lone letter would match most of the index, so it stays a word.
            var term = new SearchTerm(words, prefix && words[^1].Length >= 2);
            if (negate)
            {
                excluded.Add(term);
            }
            else if (pendingOr)
            {
                required[^1].Add(term);
            }
            else
            {
                required.Add([term]);
            }

            pendingOr = false;
        }

        if (required.Count == 0)
        {
            error = excluded.Count > 0
                ? "Add a word to search for: a search cannot only exclude words."
                : "There is nothing to search for in that text: use letters or numbers.";
            return false;
        }

        if (required.Sum(g => g.Count) + excluded.Count > MaxTerms)
        {
            error = $"That search has too many words: use at most {MaxTerms}.";
            return false;
        }

        query = new SearchQuery(required, excluded);
        return true;
    }

    /// <summary>Lower-case letter-and-digit runs, accents kept: "H-6K" → ["h", "6k"], "China's" → ["china", "s"].</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                current.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>Every word the reader looked for (not the excluded ones), for highlighting elsewhere.</summary>
    public IEnumerable<string> PositiveWords => Required.SelectMany(g => g).SelectMany(t => t.Words).Distinct(StringComparer.Ordinal);
}

/// <summary>One word, or a phrase of words in order; <see cref="Prefix"/> lets the last word match as a prefix.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool Prefix = false);
