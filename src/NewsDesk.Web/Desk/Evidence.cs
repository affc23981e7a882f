using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Html;
using NewsDesk.Core.Text;

namespace NewsDesk.Web.Desk;

/// <summary>
/// The tagger's evidence (JSON spans <c>[{"field","text","start","end"}]</c>, offsets within the named field) shown as
/// short excerpts of the story with the matched words marked. Offsets are trusted only where they point at the quoted
/// text; otherwise the text is looked up, so evidence computed on an older revision still shows.
/// </summary>
public static class Evidence
{
    private const int Around = 70;
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public sealed record Span(string? Field, string? Text, int Start, int End);

    public static IReadOnlyList<Span> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<Span>>(json, Json)?.Where(s => !string.IsNullOrWhiteSpace(s.Text)).ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Up to <paramref name="max"/> excerpts, each with its span marked: at its offsets in its own field when they
    /// still point at the quoted text, else where the quote first appears in the body, headline or standfirst.</summary>
    public static IReadOnlyList<IHtmlContent> Excerpts(string? json, int max, string headline, string standfirst, string body)
    {
        string[] texts = [body, headline, standfirst];
        var excerpts = new List<IHtmlContent>();
        var seen = new HashSet<(int, int)>();
        foreach (var span in Parse(json))
        {
            var located = Locate(span, texts);
            if (located is not var (textIndex, start, length) || !seen.Add((textIndex, start)))
            {
                continue;
            }

            excerpts.Add(Excerpt(texts[textIndex], start, length));
            if (excerpts.Count == max)
            {
                break;
            }
        }

        return excerpts;
    }

    public static int Count(string? json) => Parse(json).Count;

    private static (int Text, int Start, int Length)? Locate(Span span, string[] texts)
    {
        var quote = span.Text!;
        var field = span.Field?.ToUpperInvariant() switch
        {
            "HEADLINE" => 1,
            "STANDFIRST" => 2,
            _ => 0,
        };
        var text = texts[field];
        if (span.Start >= 0 && span.End > span.Start && span.End <= text.Length
            && string.Equals(text.Substring(span.Start, span.End - span.Start), quote, StringComparison.OrdinalIgnoreCase))
        {
            return (field, span.Start, span.End - span.Start);
        }

        for (var i = 0; i < texts.Length; i++)
        {
            var found = texts[i].IndexOf(quote, StringComparison.OrdinalIgnoreCase);
            if (found >= 0)
            {
                return (i, found, quote.Length);
            }
        }

        return null;
    }

    private static HtmlString Excerpt(string text, int start, int length)
    {
        var from = Math.Max(0, start - Around);
        var to = Math.Min(text.Length, start + length + Around);
        // Cut at word boundaries so excerpts do not start mid-word.
        if (from > 0)
        {
            var space = text.IndexOf(' ', from);
            from = space >= 0 && space < start ? space + 1 : from;
        }

        if (to < text.Length)
        {
            var space = text.LastIndexOf(' ', to - 1);
            to = space > start + length ? space : to;
        }

        // The words around the match read as prose (no link URLs, heading marks or emphasis); the match is quoted as is.
        var html = new StringBuilder();
        html.Append(from > 0 ? "…" : "")
            .Append(Encode(AsProse(text[from..start], before: true)))
            .Append("<mark>").Append(Encode(text.Substring(start, length))).Append("</mark>")
            .Append(Encode(AsProse(text[(start + length)..to], before: false)))
            .Append(to < text.Length ? "…" : "");
        return new HtmlString(html.ToString());
    }

    /// <summary>Markdown around a match as prose, keeping the space that separates it from the match.</summary>
    private static string AsProse(string markdown, bool before)
    {
        var plain = MarkdownText.Plain(markdown);
        if (plain.Length == 0)
        {
            return markdown.Length > 0 && char.IsWhiteSpace(markdown[before ? ^1 : 0]) ? " " : "";
        }

        var lead = char.IsWhiteSpace(markdown[0]) ? " " : "";
        var trail = char.IsWhiteSpace(markdown[^1]) ? " " : "";
        return lead + plain + trail;
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value.ReplaceLineEndings(" "));
}
