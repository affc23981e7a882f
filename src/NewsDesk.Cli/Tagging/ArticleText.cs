using System.Text.RegularExpressions;
using NewsDesk.Tagging.Text;

namespace NewsDesk.Cli.Tagging;

/// <summary>
/// Turns a file's text into tagger input. A file in the seed format (the scraped-page format of <c>seeds/</c>,
/// recognised by its byline, image or date lines) has its headline and standfirst known and its metadata lines
/// skipped; anything else is plain text whose first paragraph is the lead. Offsets stay those of the text as given.
/// </summary>
internal static partial class ArticleText
{
    public static TaggingInput From(string text)
    {
        // The same rule as PlainTextArticleParser, without building the article: a byline or image line after the
        // headline (or a dated "Updated … IST" line) marks the seed format; lines between headline and byline are the standfirst.
        var headlineSeen = false;
        var linesAfterHeadline = false;
        var seedFormat = false;
        var hasStandfirst = false;
        foreach (var (start, end, _) in Lines(text))
        {
            var line = text.AsSpan(start, end - start).Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            if (IsMetadata(line))
            {
                seedFormat = true;
                if (headlineSeen && Byline().IsMatch(line))
                {
                    hasStandfirst = linesAfterHeadline;
                    break;
                }

                continue;
            }

            if (headlineSeen)
            {
                linesAfterHeadline = true;
            }

            headlineSeen = true;
        }

        return seedFormat && headlineSeen ? SeedZones(text, hasStandfirst) : TaggingInput.PlainText(text);
    }

    private static TaggingInput SeedZones(string text, bool hasStandfirst)
    {
        var zones = new List<Zone>();
        var headlineSeen = false;
        var metadataSeen = false;
        var bodyZones = 0;
        foreach (var (start, end, blankBefore) in Lines(text))
        {
            var line = text.AsSpan(start, end - start).Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            if (IsMetadata(line))
            {
                zones.Add(new Zone(start, end, ZoneKind.Ignore));
                metadataSeen |= headlineSeen;
                continue;
            }

            ZoneKind kind;
            if (!headlineSeen)
            {
                kind = ZoneKind.Headline;
                headlineSeen = true;
            }
            else if (hasStandfirst && !metadataSeen)
            {
                kind = ZoneKind.Standfirst;
            }
            else
            {
                // The first body paragraph is the lead; a paragraph is a block of lines between blank lines.
                if (blankBefore || bodyZones == 0)
                {
                    bodyZones++;
                }

                kind = bodyZones == 1 ? ZoneKind.Lead : ZoneKind.Body;
            }

            zones.Add(new Zone(start, end, kind));
        }

        return new TaggingInput(text, zones);
    }

    private static IEnumerable<(int Start, int End, bool BlankBefore)> Lines(string text)
    {
        var start = 0;
        var blank = true;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var isBlank = text.AsSpan(start, end - start).Trim().IsEmpty;
            yield return (start, end, blank);
            blank = isBlank;
            start = end + 1;
        }
    }

    private static bool IsMetadata(ReadOnlySpan<char> line) =>
        line.Equals("Advertisement", StringComparison.OrdinalIgnoreCase) || MetadataLine().IsMatch(line);

    [GeneratedRegex(@"^(?:Reported\s+by\s*:.*|IMAGE\s*:.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^(?:(?:Updated|Published)\s*:?\s+[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}.*IST|Reported\s+by\s*:.*|IMAGE\s*:.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex MetadataLine();
}
