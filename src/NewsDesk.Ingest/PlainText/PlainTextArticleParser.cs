using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsDesk.Ingest.PlainText;

/// <summary>
/// Reads the scraped-page plain-text format of <c>seeds/</c>: blocks separated by blank lines; an optional
/// "Updated … IST" line; the headline; an optional standfirst; "Reported by:" and "IMAGE:" lines; body paragraphs
/// with short unpunctuated lines as sub-headings; an optional closing "Published … IST" line. "Advertisement" is noise.
/// </summary>
public static partial class PlainTextArticleParser
{
    public const int MaxSubheadingLength = 100;

    private static readonly TimeSpan Ist = new(5, 30, 0);

    /// <param name="text">The decoded file.</param>
    /// <param name="fallbackTime">Published time to use when the text names none (the file's time), UTC.</param>
    /// <exception cref="ArticleFormatException">The text has no headline or no body.</exception>
    public static ParsedArticle Parse(string text, DateTime? fallbackTime = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArticleFormatException("not a text file (it contains NUL bytes)");
        }

        DateTime? updated = null;
        DateTime? published = null;
        string? headline = null;
        string? byline = null;
        string? credit = null;
        var leadBlocks = new List<string>();   // between headline and the byline/image lines: the standfirst
        var bodyBlocks = new List<string>();
        var sawMetadata = false;

        foreach (var block in Blocks(text))
        {
            var kept = new List<string>();
            foreach (var line in block)
            {
                if (IsAdvertisement(line))
                {
                    continue;
                }

                if (TryDateLine(line, "Updated", out var updatedAt))
                {
                    updated ??= updatedAt;
                    continue;
                }

                if (TryDateLine(line, "Published", out var publishedAt))
                {
                    published = publishedAt;
                    continue;
                }

                if (headline is not null && bodyBlocks.Count == 0 && TryMetadata(line, ref byline, ref credit))
                {
                    sawMetadata = true;
                    continue;
                }

                kept.Add(line);
            }

            if (kept.Count == 0)
            {
                continue;
            }

            if (headline is null)
            {
                headline = kept[0];
                kept.RemoveAt(0);
                if (kept.Count == 0)
                {
                    continue;
                }
            }

            var paragraph = string.Join(' ', kept);
            if (sawMetadata)
            {
                bodyBlocks.Add(paragraph);
            }
            else
            {
                leadBlocks.Add(paragraph);
            }
        }

        if (headline is null)
        {
            throw new ArticleFormatException("no headline: the file has no text");
        }

        if (headline.Length > Core.Articles.Article.MaxHeadlineLength)
        {
            throw new ArticleFormatException($"the first line is {headline.Length} characters long, too long for a headline");
        }

        // Without a byline or image line there is no telling a standfirst from the first paragraph: keep it all as body.
        string? standfirst = null;
        if (sawMetadata && leadBlocks.Count > 0)
        {
            standfirst = string.Join(' ', leadBlocks);
        }
        else
        {
            bodyBlocks.InsertRange(0, leadBlocks);
        }

        if (bodyBlocks.Count == 0)
        {
            throw new ArticleFormatException("no body: nothing follows the headline" + (standfirst is null ? "" : " and standfirst"));
        }

        return new ParsedArticle(
            Headline: headline,
            Standfirst: standfirst,
            Body: ToMarkdown(bodyBlocks),
            Byline: byline,
            ImageCredit: credit,
            PublishedAt: published ?? updated ?? fallbackTime,
            UpdatedAt: updated);
    }

    private static string ToMarkdown(List<string> paragraphs)
    {
        var markdown = new StringBuilder();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (markdown.Length > 0)
            {
                markdown.Append("\n\n");
            }

            var paragraph = paragraphs[i];
            var between = i > 0 && i < paragraphs.Count - 1;
            if (between && IsSubheading(paragraph))
            {
                markdown.Append("## ").Append(MarkdownText.Escape(paragraph));
            }
            else
            {
                markdown.Append(MarkdownText.Escape(paragraph));
            }
        }

        return markdown.ToString();
    }

    private static bool IsSubheading(string line) =>
        line.Length <= MaxSubheadingLength && !EndsSentence().IsMatch(line);

    /// <summary>Lines of each blank-line-separated block, cleaned of stray spaces (NBSP included).</summary>
    private static IEnumerable<List<string>> Blocks(string text)
    {
        var block = new List<string>();
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = Clean(raw);
            if (line.Length == 0)
            {
                if (block.Count > 0)
                {
                    yield return block;
                    block = [];
                }

                continue;
            }

            block.Add(line);
        }

        if (block.Count > 0)
        {
            yield return block;
        }
    }

    private static string Clean(string line)
    {
        var builder = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line)
        {
            if (c is '\uFEFF' or '\u200B' or '\u200C' or '\u200D' or '\u2060' || (char.IsControl(c) && c != '\t'))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsAdvertisement(string line) => line.Equals("Advertisement", StringComparison.OrdinalIgnoreCase);

    private static bool TryMetadata(string line, ref string? byline, ref string? credit)
    {
        var reported = ReportedBy().Match(line);
        if (reported.Success)
        {
            byline ??= reported.Groups["name"].Value.Trim();
            return true;
        }

        var image = ImageLine().Match(line);
        if (image.Success)
        {
            var value = image.Groups["credit"].Value.Trim();
            credit ??= value.Length == 0 ? null : value;
            return true;
        }

        return false;
    }

    private static bool TryDateLine(string line, string word, out DateTime utc)
    {
        utc = default;
        var match = DateLine().Match(line);
        if (!match.Success || !match.Groups["word"].Value.Equals(word, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var month = ParseMonth(match.Groups["month"].Value);
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
        if (month == 0 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || year < 1900)
        {
            return false;
        }

        utc = new DateTimeOffset(year, month, day, hour, minute, 0, Ist).UtcDateTime;
        return true;
    }

    private static int ParseMonth(string name)
    {
        var names = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
        for (var i = 0; i < 12; i++)
        {
            if (names[i].Equals(name, StringComparison.OrdinalIgnoreCase)
                || (name.Length >= 3 && names[i].StartsWith(name, StringComparison.OrdinalIgnoreCase)))
            {
                return i + 1;
            }
        }

        return 0;
    }

    [GeneratedRegex(@"^(?<word>Updated|Published)\s*:?\s+(?<month>[A-Za-z]{3,9})\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4}),?\s+(?:at\s+)?(?<hour>\d{1,2}):(?<minute>\d{2})\s*IST$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^Reported\s+by\s*:\s*(?<name>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportedBy();

    [GeneratedRegex(@"^IMAGE\s*:\s*(?<credit>[^|]*)(?:\|.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageLine();

    // A sentence ends in . ? ! : or a closing quote (after optional trailing punctuation like ")").
    [GeneratedRegex("[.?!:\"'\u201D\u2019\u00BB][)\\]]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EndsSentence();
}
