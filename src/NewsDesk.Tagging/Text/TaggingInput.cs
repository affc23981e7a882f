namespace NewsDesk.Tagging.Text;

/// <summary>The text to tag and its zones (headline, standfirst, lead, body; markup to skip).</summary>
public sealed class TaggingInput
{
    public TaggingInput(string text, IReadOnlyList<Zone> zones)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zones);
        Text = text;
        ZoneArray = [.. zones.Where(z => z.End > z.Start).OrderBy(z => z.Start)];
    }

    public string Text { get; }

    public IReadOnlyList<Zone> Zones => ZoneArray;

    internal Zone[] ZoneArray { get; }

    /// <summary>
    /// Plain text: the first paragraph is the lead, the rest body (paragraphs are separated by blank lines, or by
    /// line breaks when the text has no blank line). HTML markup is skipped: its title and first heading count as
    /// the headline.
    /// </summary>
    public static TaggingInput PlainText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LooksLikeHtml(text) ? Html.Zones(text) : new TaggingInput(text, Paragraphs(text, 0, text.Length, leadFirst: true));
    }

    /// <summary>A stored article: its fields joined by blank lines; <see cref="ArticleLayout"/> maps offsets back to fields.</summary>
    public static (TaggingInput Input, ArticleLayout Layout) Article(string headline, string? standfirst, string body)
    {
        ArgumentNullException.ThrowIfNull(headline);
        ArgumentNullException.ThrowIfNull(body);
        var standfirstStart = headline.Length + 2;
        var bodyStart = standfirstStart + (string.IsNullOrEmpty(standfirst) ? 0 : standfirst.Length + 2);
        var text = string.IsNullOrEmpty(standfirst) ? $"{headline}\n\n{body}" : $"{headline}\n\n{standfirst}\n\n{body}";
        var zones = new List<Zone> { new(0, headline.Length, ZoneKind.Headline) };
        if (!string.IsNullOrEmpty(standfirst))
        {
            zones.Add(new Zone(standfirstStart, standfirstStart + standfirst.Length, ZoneKind.Standfirst));
        }

        zones.AddRange(Paragraphs(text, bodyStart, text.Length, leadFirst: true));
        return (new TaggingInput(text, zones), new ArticleLayout(standfirstStart, string.IsNullOrEmpty(standfirst) ? -1 : bodyStart - 2, bodyStart));
    }

    /// <summary>Zones for [start, end): the first paragraph with text is the lead when <paramref name="leadFirst"/>, the rest body.</summary>
    public static List<Zone> Paragraphs(string text, int start, int end, bool leadFirst)
    {
        ArgumentNullException.ThrowIfNull(text);
        var zones = new List<Zone>();
        var blankLines = text.AsSpan(start, end - start).Contains("\n\n", StringComparison.Ordinal)
            || text.AsSpan(start, end - start).Contains("\n\r\n", StringComparison.Ordinal);
        var leadDone = !leadFirst;
        var p = start;
        while (p < end)
        {
            var next = NextBreak(text, p, end, blankLines);
            var hasText = false;
            for (var k = p; k < next; k++)
            {
                if (char.IsLetterOrDigit(text[k]))
                {
                    hasText = true;
                    break;
                }
            }

            if (hasText)
            {
                zones.Add(new Zone(p, next, leadDone ? ZoneKind.Body : ZoneKind.Lead));
                leadDone = true;
            }

            p = next;
        }

        return zones;
    }

    private static int NextBreak(string text, int from, int end, bool blankLines)
    {
        var i = text.IndexOf('\n', from, end - from);
        while (i >= 0)
        {
            if (!blankLines)
            {
                return i + 1;
            }

            var k = i + 1;
            while (k < end && text[k] is ' ' or '\t' or '\r')
            {
                k++;
            }

            if (k < end && text[k] == '\n')
            {
                return k + 1;
            }

            i = k < end ? text.IndexOf('\n', k, end - k) : -1;
        }

        return end;
    }

    private static bool LooksLikeHtml(string text)
    {
        var probe = text.AsSpan(0, Math.Min(text.Length, 4096));
        return probe.Contains("<html", StringComparison.OrdinalIgnoreCase) || probe.Contains("<p>", StringComparison.OrdinalIgnoreCase)
            || probe.Contains("<p ", StringComparison.OrdinalIgnoreCase) || probe.Contains("<div", StringComparison.OrdinalIgnoreCase)
            || probe.Contains("<body", StringComparison.OrdinalIgnoreCase) || probe.Contains("<!doctype", StringComparison.OrdinalIgnoreCase)
            || probe.Contains("<br", StringComparison.OrdinalIgnoreCase) || probe.Contains("<h1", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Where each field of an article starts in the joined text of <see cref="TaggingInput.Article"/>.</summary>
public readonly record struct ArticleLayout(int StandfirstStart, int StandfirstEnd, int BodyStart)
{
    /// <summary>("headline" | "standfirst" | "body", offset within that field) for an offset of the joined text.</summary>
    public (string Field, int Offset) Locate(int offset) =>
        offset >= BodyStart ? ("body", offset - BodyStart)
        : StandfirstEnd >= 0 && offset >= StandfirstStart ? ("standfirst", offset - StandfirstStart)
        : ("headline", offset);
}
